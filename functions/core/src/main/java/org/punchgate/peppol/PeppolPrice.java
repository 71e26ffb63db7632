package org.punchgate.peppol;

import java.math.BigDecimal;

/**
 * {@code cac:Price} of a line: the amount per {@code baseQuantity} units (the cart's price unit; 24 EUR per 12 is
 * amount 24, base quantity 12, SPECS §3.3), in an ISO 4217 currency.
 */
public record PeppolPrice(BigDecimal amount, String currency, BigDecimal baseQuantity) {

  /** A price per one unit. */
  public static PeppolPrice of(BigDecimal amount, String currency) {
    return new PeppolPrice(amount, currency, BigDecimal.ONE);
  }
}
