package org.punchgate.peppol;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The character encodings a cart is written in. The official BIS examples are ISO-8859-1 (SPECS §3.2), which some
 * procurement systems still expect; UTF-8 carries every character. In ISO-8859-1 a character outside Latin-1 is
 * written as a numeric character reference, so no text is lost either way.
 */
public enum PeppolEncoding {
  UTF_8(StandardCharsets.UTF_8),
  ISO_8859_1(StandardCharsets.ISO_8859_1);

  private final Charset charset;

  PeppolEncoding(Charset charset) {
    this.charset = charset;
  }

  public Charset charset() {
    return charset;
  }

  /** The name written in the XML declaration. */
  public String xmlName() {
    return charset.name();
  }
}
