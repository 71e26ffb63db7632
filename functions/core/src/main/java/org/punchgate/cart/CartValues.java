package org.punchgate.cart;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.punchgate.validation.Violation;

/**
 * One value of the cart JSON, read and checked: texts (length, characters), decimals (form and bounds) and
 * currency codes. Each problem is added to the list with its place; the value is then null.
 */
final class CartValues {

  /** A string amount at the bounds: sign, 15 digits, point, 6 digits; anything longer is refused unread. */
  private static final int MAX_DECIMAL_CHARS = 1 + CartJson.MAX_INTEGER_DIGITS + 1 + CartJson.MAX_DECIMALS;
  /** Values a problem repeats (line ids) are cut to this, so a refusal never echoes a large input. */
  static final int MAX_ECHO = 40;
  static final String LONG_TEXT = "longText";

  private CartValues() {}

  /** Three capital letters (ISO 4217's form); checked on every line, so without a regular expression. */
  static boolean isCurrencyCode(String text) {
    return text.length() == 3 && isCapital(text.charAt(0)) && isCapital(text.charAt(1)) && isCapital(text.charAt(2));
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static String text(JsonNode node, String field, String at, int max, List<Violation> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      problems.add(new Violation("cart.field.string", at + "." + field, "must be a string"));
      return null;
    }
    String text = value.asText();
    if (text.length() > max) {
      problems.add(new Violation("cart.field.maxLength", at + "." + field, "longer than " + max + " characters"));
      return null;
    }
    String unfit = unfitCharacter(text, LONG_TEXT.equals(field));
    if (unfit != null) {
      problems.add(new Violation("cart.field.character", at + "." + field, unfit));
      return null;
    }
    return text;
  }

  /**
   * Why a text cannot travel, or null: C0 and C1 controls (DEL included) would pass raw into OCI fields and
   * pages, an unpaired surrogate has no encoding at all (it silently became '?'), and U+FFFE/U+FFFF are
   * no characters that XML can carry (they came back as U+FFFD from the cXML page). Long text may keep
   * tabs and line breaks.
   */
  static String unfitCharacter(String text, boolean longText) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "has an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
            + ") at position " + i;
      } else if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !(longText && (c == '\t' || c == '\n' || c == '\r'))) {
        return String.format("has the control character U+%04X at position %d", (int) c, i);
      } else if (c == 0xFFFE || c == 0xFFFF) { // not characters at all; XML (cXML) cannot carry them (fuzz finding)
        return String.format("has the noncharacter U+%04X at position %d", (int) c, i);
      }
    }
    return null;
  }

  /**
   * A decimal field of the object at {@code at} (null: the root); its place is spelled only for a problem.
   * A JSON number may carry an exponent ({@code 1E+3}); a string must be plain digits as the schema says.
   * Either way the value must fit {@link CartJson#MAX_INTEGER_DIGITS} and {@link CartJson#MAX_DECIMALS}.
   */
  static BigDecimal amount(JsonNode node, String field, String at, List<Violation> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    BigDecimal decimal = null;
    if (value.isNumber()) {
      decimal = value.decimalValue();
    } else if (value.isTextual() && isPlainDecimal(value.textValue().trim())) {
      decimal = new BigDecimal(value.textValue().trim());
    }
    if (decimal != null && withinBounds(decimal)) {
      return decimal;
    }
    problems.add(new Violation("cart.field.decimal", at == null ? field : at + "." + field, "must be a decimal number (a JSON number or a"
        + " string like \"12.50\") with at most " + CartJson.MAX_INTEGER_DIGITS + " digits before the point and "
        + CartJson.MAX_DECIMALS + " after it"));
    return null;
  }

  /** {@code -?[0-9]{1,15}(\.[0-9]{1,6})?}, checked by hand: the length first, so a huge string costs nothing. */
  private static boolean isPlainDecimal(String text) {
    if (text.isEmpty() || text.length() > MAX_DECIMAL_CHARS) {
      return false;
    }
    int i = text.charAt(0) == '-' ? 1 : 0;
    int integerStart = i;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    int integerDigits = i - integerStart;
    if (integerDigits == 0 || integerDigits > CartJson.MAX_INTEGER_DIGITS) {
      return false;
    }
    if (i == text.length()) {
      return true;
    }
    if (text.charAt(i) != '.') {
      return false;
    }
    int fractionStart = ++i;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    int decimals = i - fractionStart;
    return i == text.length() && decimals >= 1 && decimals <= CartJson.MAX_DECIMALS;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Precision and scale only, in long arithmetic: {@code 1E+2147483647} would overflow an int. */
  private static boolean withinBounds(BigDecimal decimal) {
    long integerDigits = decimal.signum() == 0 ? 0 : (long) decimal.precision() - decimal.scale();
    return integerDigits <= CartJson.MAX_INTEGER_DIGITS && decimal.scale() <= CartJson.MAX_DECIMALS;
  }

  /** A value as a problem repeats it: cut to {@link #MAX_ECHO} characters. */
  static String echo(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
  }
}
