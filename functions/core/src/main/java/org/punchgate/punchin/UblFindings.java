package org.punchgate.punchin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.punchin.OrderFinding.Severity;

/**
 * What the reading of one UBL order found, and the checks its parts share: numbers, dates, mandatory values,
 * and the single currency (PEPPOL-T01-R003), which every {@code currencyID} the cursor passes is held to.
 */
final class UblFindings implements UblCursor.CurrencyWatch {

  final OrderFormat format;
  final List<OrderFinding> findings = new ArrayList<>();
  /** Currency ids seen before DocumentCurrencyCode was read: checked once it is known. */
  private final List<UblLeaf> pendingCurrencies = new ArrayList<>(0);
  private final List<String> pendingPaths = new ArrayList<>(0);
  /** DocumentCurrencyCode, once read. */
  private String currency;

  UblFindings(OrderFormat format) {
    this.format = format;
  }

  boolean bis3() {
    return format == OrderFormat.PEPPOL_BIS3;
  }

  @Override
  public void currency(String currencyId, UblCursor at) {
    if (currency == null) {
      pendingCurrencies.add(new UblLeaf(currencyId, at.line(), null));
      pendingPaths.add(at.path());
    } else if (!currencyId.strip().equals(currency)) {
      currencyFinding(currencyId, at.path(), at.line());
    }
  }

  private void currencyFinding(String currencyId, String path, int line) {
    finding(OrderRules.SINGLE_CURRENCY, null, path, line,
        "amount in " + currencyId + " in an order in " + currency + ": an order is stated in a single currency");
  }

  /** DocumentCurrencyCode is known: the currency ids seen before it are checked now (R003). */
  void documentCurrency(String code) {
    if (code == null) {
      return;
    }
    currency = code;
    for (int i = 0; i < pendingCurrencies.size(); i++) {
      UblLeaf seen = pendingCurrencies.get(i);
      if (!seen.text().strip().equals(code)) {
        currencyFinding(seen.text(), pendingPaths.get(i), seen.line());
      }
    }
    pendingCurrencies.clear();
    pendingPaths.clear();
  }

  BigDecimal amount(UblLeaf leaf, String lineId, String at) {
    if (leaf == null || leaf.text() == null) {
      return null;
    }
    BigDecimal value = Numbers.decimal(leaf.text());
    if (value == null) {
      finding(OrderRules.FORMAT, lineId, at, leaf.line(), "is not a decimal number: '" + leaf.text() + "'");
    }
    return value;
  }

  LocalDate date(UblLeaf leaf, String at) {
    if (leaf == null || leaf.text() == null) {
      return null;
    }
    LocalDate date = Numbers.date(leaf.text());
    if (date == null) {
      finding(OrderRules.FORMAT, null, at, leaf.line(), "is not a date (YYYY-MM-DD): '" + leaf.text() + "'");
    }
    return date;
  }

  /** The text of a mandatory element, or a finding: near the parent when it is missing, at it when empty. */
  String mandatory(UblLeaf leaf, int parentLine, String at) {
    if (leaf == null || leaf.text() == null) {
      finding(OrderRules.MANDATORY, null, at, leaf == null ? parentLine : leaf.line(),
          leaf == null ? "is missing" : "is empty");
      return null;
    }
    return leaf.text();
  }

  void finding(String rule, String lineId, String location, int sourceLine, String message) {
    findings.add(new OrderFinding(rule, Severity.FATAL, lineId, location, sourceLine, message));
  }

  static BigDecimal round2(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}
