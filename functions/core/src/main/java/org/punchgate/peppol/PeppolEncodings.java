package org.punchgate.peppol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns a written document into bytes of its encoding without losing a character, declaring that encoding.
 * {@code XmlWriter} always declares UTF-8; for ISO-8859-1 the declaration is replaced while encoding, so the
 * document is copied once.
 */
final class PeppolEncodings {

  private PeppolEncodings() {}

  static byte[] encode(String xml, PeppolEncoding encoding) {
    return switch (encoding) {
      case UTF_8 -> xml.getBytes(StandardCharsets.UTF_8);
      case ISO_8859_1 -> latin1(xml);
    };
  }

  /**
   * ISO-8859-1 bytes under an ISO-8859-1 declaration, where a character beyond Latin-1 becomes a numeric character
   * reference ({@code &#8364;} for the euro sign). Element names are ASCII, so such characters only occur in text
   * and attribute values, where a reference means the same character.
   */
  static byte[] latin1(String xml) {
    byte[] declaration = ("<?xml version=\"1.0\" encoding=\"" + PeppolEncoding.ISO_8859_1.xmlName() + "\"?>")
        .getBytes(StandardCharsets.US_ASCII);
    int from = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
    int length = xml.length();
    byte[] out = new byte[declaration.length + (length - from) + 64];
    System.arraycopy(declaration, 0, out, 0, declaration.length);
    int at = declaration.length;
    for (int i = from; i < length; i++) {
      char c = xml.charAt(i);
      if (c <= 0xFF) {
        if (at == out.length) {
          out = Arrays.copyOf(out, out.length + (out.length >> 2) + 16);
        }
        out[at++] = (byte) c;
        continue;
      }
      int codePoint = xml.codePointAt(i);
      if (Character.charCount(codePoint) == 2) {
        i++;
      }
      String reference = "&#" + codePoint + ';';
      if (at + reference.length() > out.length) {
        out = Arrays.copyOf(out, out.length + (out.length >> 2) + reference.length());
      }
      for (int k = 0; k < reference.length(); k++) {
        out[at++] = (byte) reference.charAt(k);
      }
    }
    return at == out.length ? out : Arrays.copyOf(out, at);
  }
}
