package org.punchgate.peppol;

import java.nio.charset.StandardCharsets;

/** Turns a written document into bytes of its declared encoding without losing a character. */
final class PeppolEncodings {

  private PeppolEncodings() {}

  static byte[] encode(String xml, PeppolEncoding encoding) {
    return switch (encoding) {
      case UTF_8 -> xml.getBytes(StandardCharsets.UTF_8);
      case ISO_8859_1 -> latin1(xml);
    };
  }

  /**
   * ISO-8859-1 bytes, where a character beyond Latin-1 becomes a numeric character reference ({@code &#8364;} for
   * the euro sign). Element names are ASCII, so such characters only occur in text and attribute values, where a
   * reference means the same character.
   */
  static byte[] latin1(String xml) {
    int length = xml.length();
    int i = 0;
    while (i < length && xml.charAt(i) <= 0xFF) {
      i++;
    }
    if (i == length) {
      return xml.getBytes(StandardCharsets.ISO_8859_1); // the common case: nothing to replace
    }
    StringBuilder out = new StringBuilder(length + 64).append(xml, 0, i);
    while (i < length) {
      int codePoint = xml.codePointAt(i);
      if (codePoint <= 0xFF) {
        out.append((char) codePoint);
      } else {
        out.append("&#").append(codePoint).append(';');
      }
      i += Character.charCount(codePoint);
    }
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
