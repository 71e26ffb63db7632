package org.punchgate.oci;

import java.math.BigDecimal;

/**
 * The OCI notation of numbers (SPECS §1.3): plain digits, '.' as separator, no grouping, no sign; decimals
 * at most {@link OciField#MAX_DECIMALS} with at most {@link OciField#MAX_INTEGER_DIGITS} integer digits;
 * integers as digits only. Each check answers the text to send or the reason it cannot be sent.
 */
final class OciValues {

  /** The text to send, or why the value cannot be sent ({@code problem} then names the rule). */
  record Checked(String text, String problem) {
    static Checked ok(String text) {
      return new Checked(text, null);
    }

    static Checked invalid(String problem) {
      return new Checked(null, problem);
    }

    boolean valid() {
      return problem == null;
    }
  }

  private OciValues() {}

  /** The number in a text, or null when it is none (plain or zero-padded decimals only, no exponent). */
  static BigDecimal number(String text) {
    String s = text.strip();
    if (s.isEmpty() || s.indexOf('e') >= 0 || s.indexOf('E') >= 0) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  static Checked decimal(String text) {
    if (isCanonicalDecimal(text)) {
      return Checked.ok(text); // what the BigDecimal round trip below would give back, without it
    }
    BigDecimal value = number(text);
    if (value == null) {
      return Checked.invalid("is not a number: " + text);
    }
    if (value.signum() < 0) {
      return Checked.invalid("must not be negative, got " + text);
    }
    BigDecimal shortest = value.scale() > OciField.MAX_DECIMALS ? value.stripTrailingZeros() : value;
    if (shortest.scale() > OciField.MAX_DECIMALS) {
      return Checked.invalid("allows at most " + OciField.MAX_DECIMALS + " decimals, got " + text);
    }
    if (shortest.scale() < 0) {
      shortest = shortest.setScale(0);
    }
    if (integerDigits(shortest) > OciField.MAX_INTEGER_DIGITS) {
      return Checked.invalid("allows at most " + OciField.MAX_INTEGER_DIGITS + " integer digits, got " + text);
    }
    return Checked.ok(shortest.toPlainString());
  }

  static Checked integer(String text, int maxDigits, OciVersion version) {
    if (text.length() <= maxDigits && isCanonicalInteger(text)) {
      return Checked.ok(text); // the parse below would give the same digits back
    }
    BigDecimal value = number(text);
    if (value == null) {
      return Checked.invalid("is not a number: " + text);
    }
    if (value.signum() < 0) {
      return Checked.invalid("must not be negative, got " + text);
    }
    BigDecimal whole = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    if (whole.scale() > 0) {
      return Checked.invalid("must be a whole number, got " + text);
    }
    String digits = whole.toBigIntegerExact().toString();
    if (digits.length() > maxDigits) {
      return Checked.invalid("allows at most " + maxDigits + " digits in OCI " + version.label() + ", got " + text);
    }
    return Checked.ok(digits);
  }

  /**
   * Whether the text is already the form {@link #decimal} sends: no leading zero (but a lone one), at most
   * {@link OciField#MAX_INTEGER_DIGITS} integer digits, at most {@link OciField#MAX_DECIMALS} decimals after
   * a '.'. Cart quantities and prices arrive so, and a parse per field was a good part of a cart page.
   */
  static boolean isCanonicalDecimal(String text) {
    int length = text.length();
    int point = text.indexOf('.');
    int integerEnd = point < 0 ? length : point;
    if (integerEnd == 0 || integerEnd > OciField.MAX_INTEGER_DIGITS
        || (text.charAt(0) == '0' && integerEnd > 1)) {
      return false;
    }
    if (point >= 0 && (length - point - 1 < 1 || length - point - 1 > OciField.MAX_DECIMALS)) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && i != point) {
        return false;
      }
    }
    return true;
  }

  /** Digits only, without a leading zero unless it is the only one: what {@link #integer} sends. */
  static boolean isCanonicalInteger(String text) {
    if (text.isEmpty() || (text.charAt(0) == '0' && text.length() > 1)) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  static int integerDigits(BigDecimal value) {
    return Math.max(value.precision() - value.scale(), 0);
  }
}
