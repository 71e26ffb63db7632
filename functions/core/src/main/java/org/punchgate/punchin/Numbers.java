package org.punchgate.punchin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Strict parsing of the numbers, dates and times order documents carry: xs:decimal (no exponent, no
 * grouping), xs:date and xs:time with an optional zone. A null result means "not in that form".
 */
final class Numbers {

  /** xs:decimal: optional sign, digits with an optional fraction. Java's BigDecimal would also take 1E3. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

  private Numbers() {}

  static BigDecimal decimal(String text) {
    if (text == null || text.length() > 40 || !DECIMAL.matcher(text).matches()) {
      return null;
    }
    return new BigDecimal(text);
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
