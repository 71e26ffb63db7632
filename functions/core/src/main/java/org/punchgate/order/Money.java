package org.punchgate.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The scale rules of order amounts, in one place:
 * <ul>
 *   <li>quantities, unit prices, price units and tax rates are kept exactly as the cart or document gave
 *       them (never rounded: a buyer's 0.125 kg or a price of 0.0375 per piece must reach the ERP as is);</li>
 *   <li>a line amount is quantity × unit price ÷ price unit, rounded once, half up, to the currency's minor
 *       unit (ISO 4217: EUR and SEK 2, JPY 0, KWD 3);</li>
 *   <li>totals are sums of such amounts, so they have the same scale and need no rounding of their own, and
 *       an ERP that adds the lines gets exactly the total.</li>
 * </ul>
 * In the ERP message every decimal is a JSON string in plain notation ({@code "1730.90"}, never {@code 1.7309E+3}),
 * because many JSON readers turn numbers into binary floating point.
 */
final class Money {

  /** Minor unit where ISO 4217 defines none (XXX, unknown codes): two digits, like most currencies. */
  private static final int DEFAULT_MINOR_UNITS = 2;

  private Money() {}

  /** Digits after the point of an amount in {@code currency}. */
  public static int minorUnits(String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? DEFAULT_MINOR_UNITS : digits;
    } catch (IllegalArgumentException unknownCode) {
      return DEFAULT_MINOR_UNITS;
    }
  }

  /** quantity × unitPrice ÷ priceUnit (null: 1), rounded half up to the currency's minor unit. */
  public static BigDecimal lineAmount(BigDecimal quantity, BigDecimal unitPrice, BigDecimal priceUnit, String currency) {
    BigDecimal gross = quantity.multiply(unitPrice);
    BigDecimal per = priceUnit == null ? BigDecimal.ONE : priceUnit;
    return gross.divide(per, minorUnits(currency), RoundingMode.HALF_UP);
  }

  /** An amount brought to the currency's scale when that loses nothing; a finer amount is refused. */
  public static BigDecimal exactAmount(BigDecimal amount, String currency) {
    try {
      return amount.setScale(minorUnits(currency), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException finer) {
      throw new IllegalArgumentException("amount " + amount.toPlainString() + " has more digits than "
          + currency + " has minor units (" + minorUnits(currency) + ")");
    }
  }

  /** Refuses an amount whose scale is not the currency's: a message carries {@code "318.00"}, never {@code "318"}. */
  public static void requireScale(BigDecimal amount, String currency, String what) {
    if (amount.scale() != minorUnits(currency)) {
      throw new IllegalArgumentException(what + " " + amount.toPlainString() + " must have exactly "
          + minorUnits(currency) + " decimals in " + currency);
    }
  }

  /** Zero in the currency's scale. */
  public static BigDecimal zero(String currency) {
    return BigDecimal.ZERO.setScale(minorUnits(currency));
  }
}
