package org.punchgate.order;

/** Text made fit for an SQS message body. */
final class SqsSafeText {

  private SqsSafeText() {}

  /**
   * The text with what SQS refuses in a message body, and what UTF-8 cannot encode, replaced by U+FFFD:
   * a lone surrogate (a JSON cart may carry one as an escape) and the noncharacters U+FFFE and U+FFFF.
   * Without this one odd character would make every send of the order fail. Usually nothing is replaced,
   * and the text is returned as it is.
   */
  static String of(String text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= Character.MIN_SURROGATE || c == 0xFFFE || c == 0xFFFF) {
        return replaceUnsafe(text);
      }
    }
    return text;
  }

  private static String replaceUnsafe(String text) {
    StringBuilder safe = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        safe.append(c).append(text.charAt(++i)); // a proper pair: a character outside the BMP
      } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
        safe.append('\uFFFD');
      } else {
        safe.append(c);
      }
    }
    return safe.toString();
  }
}
