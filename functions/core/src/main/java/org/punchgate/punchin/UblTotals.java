package org.punchgate.punchin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.punchgate.punchin.PunchInOrder.Line;
import org.punchgate.punchin.PunchInOrder.Totals;

/**
 * The AnticipatedMonetaryTotal of a UBL order, with PEPPOL BIS 3's totals rules checked the way the T01
 * schematron checks them (two-decimal rounding of sums).
 */
final class UblTotals {

  private final UblFindings checks;

  UblTotals(UblFindings checks) {
    this.checks = checks;
  }

  Totals totals(Map<String, UblLeaf> t, int line, List<Line> lines) {
    String at = "/Order/cac:AnticipatedMonetaryTotal/cbc:";
    BigDecimal lineExtension = checks.amount(t.get("LineExtensionAmount"), null, at + "LineExtensionAmount");
    BigDecimal taxExclusive = checks.amount(t.get("TaxExclusiveAmount"), null, at + "TaxExclusiveAmount");
    BigDecimal taxInclusive = checks.amount(t.get("TaxInclusiveAmount"), null, at + "TaxInclusiveAmount");
    BigDecimal allowanceTotal = checks.amount(t.get("AllowanceTotalAmount"), null, at + "AllowanceTotalAmount");
    BigDecimal chargeTotal = checks.amount(t.get("ChargeTotalAmount"), null, at + "ChargeTotalAmount");
    BigDecimal prepaid = checks.amount(t.get("PrepaidAmount"), null, at + "PrepaidAmount");
    BigDecimal rounding = checks.amount(t.get("PayableRoundingAmount"), null, at + "PayableRoundingAmount");
    BigDecimal payable = checks.amount(t.get("PayableAmount"), null, at + "PayableAmount");
    if (lineExtension == null) {
      checks.finding(OrderRules.MANDATORY, null, at + "LineExtensionAmount", line, "is missing");
    }
    if (payable == null) {
      checks.finding(OrderRules.MANDATORY, null, at + "PayableAmount", line, "is missing");
    }
    if (checks.bis3()) {
      totalsRules(line, at, lines, lineExtension, taxExclusive, taxInclusive, allowanceTotal, chargeTotal, prepaid,
          rounding, payable);
    }
    return new Totals(lineExtension, taxExclusive, taxInclusive, allowanceTotal, chargeTotal, prepaid, rounding,
        payable);
  }

  void totalsRules(int t, String at, List<Line> lines, BigDecimal lineExtension, BigDecimal taxExclusive,
                   BigDecimal taxInclusive, BigDecimal allowanceTotal, BigDecimal chargeTotal, BigDecimal prepaid,
                   BigDecimal rounding, BigDecimal payable) {
    if (payable != null && payable.signum() < 0) {
      checks.finding(OrderRules.PAYABLE_NOT_NEGATIVE, null, at + "PayableAmount", t, "the amount due is negative");
    }
    if (lineExtension == null) {
      return;
    }
    if (lineExtension.signum() < 0) {
      checks.finding(OrderRules.LINE_TOTAL_NOT_NEGATIVE, null, at + "LineExtensionAmount", t, "the line total is negative");
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Line line : lines) {
      if (line.lineAmount() != null) {
        sum = sum.add(line.lineAmount());
      }
    }
    sum = UblFindings.round2(sum);
    if (lineExtension.compareTo(sum) != 0) {
      checks.finding(OrderRules.LINE_TOTAL_SUM, null, at + "LineExtensionAmount", t, "the expected line total "
          + lineExtension.toPlainString() + " is not the sum of the line amounts, " + sum.toPlainString());
    }
    BigDecimal allowances = allowanceTotal == null ? BigDecimal.ZERO : allowanceTotal;
    BigDecimal charges = chargeTotal == null ? BigDecimal.ZERO : chargeTotal;
    if (taxExclusive != null
        && taxExclusive.compareTo(lineExtension.subtract(allowances).add(charges)) != 0) {
      checks.finding(OrderRules.TAX_EXCLUSIVE_TOTAL, null, at + "TaxExclusiveAmount", t, "the total without tax "
          + taxExclusive.toPlainString() + " is not line total − allowances + charges, "
          + lineExtension.subtract(allowances).add(charges).toPlainString());
    }
    if (taxInclusive != null && payable != null) {
      BigDecimal due = taxInclusive.subtract(prepaid == null ? BigDecimal.ZERO : prepaid)
          .add(rounding == null ? BigDecimal.ZERO : rounding);
      if (payable.compareTo(due) != 0) {
        checks.finding(OrderRules.PAYABLE_TOTAL, null, at + "PayableAmount", t, "the amount due " + payable.toPlainString()
            + " is not total with tax − prepaid + rounding, " + due.toPlainString());
      }
    }
  }
}
