package org.punchgate.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The order's totals in its currency: {@code lineTotal} (the top-level lines' amounts; child lines are
 * priced inside their parent), charges such as shipping, allowances, tax, and {@code total} =
 * lineTotal + chargeTotal − allowanceTotal + taxTotal. The names follow UBL's LegalMonetaryTotal so that a
 * PEPPOL order maps one to one; a cart's shipping is a charge.
 */
public record Totals(BigDecimal lineTotal, BigDecimal chargeTotal, BigDecimal allowanceTotal, BigDecimal taxTotal,
    BigDecimal total) {

  public Totals {
    Objects.requireNonNull(lineTotal, "lineTotal");
    Objects.requireNonNull(chargeTotal, "chargeTotal");
    Objects.requireNonNull(allowanceTotal, "allowanceTotal");
    Objects.requireNonNull(taxTotal, "taxTotal");
    Objects.requireNonNull(total, "total");
    if (lineTotal.add(chargeTotal).subtract(allowanceTotal).add(taxTotal).compareTo(total) != 0) {
      throw new IllegalArgumentException("total " + total.toPlainString()
          + " is not lineTotal + chargeTotal - allowanceTotal + taxTotal");
    }
  }

  /** Totals computed from the lines; null charges, allowances or tax count as zero. */
  public static Totals of(List<OrderLine> lines, BigDecimal charges, BigDecimal allowances, BigDecimal tax,
      String currency) {
    BigDecimal lineTotal = Money.zero(currency);
    for (OrderLine line : lines) {
      if (line.isTopLevel()) {
        lineTotal = lineTotal.add(line.lineAmount());
      }
    }
    BigDecimal charge = charges == null ? Money.zero(currency) : Money.exactAmount(charges, currency);
    BigDecimal allowance = allowances == null ? Money.zero(currency) : Money.exactAmount(allowances, currency);
    BigDecimal taxTotal = tax == null ? Money.zero(currency) : Money.exactAmount(tax, currency);
    return new Totals(lineTotal, charge, allowance, taxTotal,
        lineTotal.add(charge).subtract(allowance).add(taxTotal));
  }
}
