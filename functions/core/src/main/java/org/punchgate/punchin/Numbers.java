package org.punchgate.punchin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Strict parsing of the numbers, dates and times order documents carry: xs:decimal (no exponent, no
 * grouping), xs:date and xs:time with an optional zone. A null result means "not in that form".
 */
final class Numbers {


  private Numbers() {}

  static BigDecimal decimal(String text) {
    if (text == null || text.length() > 40 || !isDecimal(text)) {
      return null;
    }
    return new BigDecimal(text);
  }

  /**
   * xs:decimal: optional sign, digits with an optional fraction, at least one digit. Java's BigDecimal would
   * also take 1E3. A loop, not a pattern: a 1,000-line order has thousands of numbers.
   */
  private static boolean isDecimal(String text) {
    int i = text.isEmpty() || (text.charAt(0) != '+' && text.charAt(0) != '-') ? 0 : 1;
    boolean digits = false;
    boolean point = false;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !point) {
        point = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  static LocalDate date(String text) {
    try {
      return text == null ? null : LocalDate.parse(text, DateTimeFormatter.ISO_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static LocalTime time(String text) {
    try {
      return text == null ? null : LocalTime.parse(text, DateTimeFormatter.ISO_TIME);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
