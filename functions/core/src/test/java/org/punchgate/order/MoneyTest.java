package org.punchgate.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void amountsHaveTheCurrencysMinorUnit() {
    assertEquals(2, Money.minorUnits("EUR"));
    assertEquals(0, Money.minorUnits("JPY"));
    assertEquals(3, Money.minorUnits("KWD"));
    assertEquals(2, Money.minorUnits("XXX")); // ISO 4217 defines none: two, like most
  }

  @Test
  void aLineAmountIsRoundedOnceHalfUpAfterThePriceUnit() {
    // 250 screws at 5.40 per 100
    assertEquals(new BigDecimal("13.50"), Money.lineAmount(new BigDecimal("250"), new BigDecimal("5.40"),
        new BigDecimal("100"), "EUR"));
    // 3 at 0.125: 0.375 rounds up once, not 0.13 × 3
    assertEquals(new BigDecimal("0.38"), Money.lineAmount(new BigDecimal("3"), new BigDecimal("0.125"), null, "EUR"));
    // 7 at 1 per 3 = 2.333…: a non-terminating quotient is rounded, not refused
    assertEquals(new BigDecimal("2.333"), Money.lineAmount(new BigDecimal("7"), BigDecimal.ONE, new BigDecimal("3"), "KWD"));
    assertEquals(new BigDecimal("5499"), Money.lineAmount(new BigDecimal("3"), new BigDecimal("1833"), null, "JPY"));
  }

  @Test
  void anAmountIsBroughtToScaleOnlyWhenNothingIsLost() {
    assertEquals(new BigDecimal("49.00"), Money.exactAmount(new BigDecimal("49"), "EUR"));
    assertThrows(IllegalArgumentException.class, () -> Money.exactAmount(new BigDecimal("0.005"), "EUR"));
    assertThrows(IllegalArgumentException.class, () -> Money.requireScale(new BigDecimal("318"), "EUR", "total"));
  }
}
