package org.punchgate.peppol;

import java.math.BigDecimal;

/** {@code cac:ClassifiedTaxCategory}: the VAT category and its rate in percent; no rate only for category O (R008). */
public record PeppolTax(VatCategory category, BigDecimal percent) {

  public static PeppolTax of(VatCategory category, String percent) {
    return new PeppolTax(category, percent == null ? null : new BigDecimal(percent));
  }
}
