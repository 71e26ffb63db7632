package org.punchgate.punchin;

import static org.punchgate.punchin.UblLeaf.identifier;
import static org.punchgate.punchin.UblLeaf.skipKeep;
import static org.punchgate.punchin.UblLeaf.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.punchgate.punchin.PunchInOrder.Line;

/**
 * The OrderLines of a UBL order: each line item read as it streams by, then checked (mandatory values,
 * quantities and prices, PEPPOL BIS 3's line amount arithmetic with 0.02 slack).
 */
final class UblLines {

  private static final BigDecimal LINE_AMOUNT_SLACK = new BigDecimal("0.02");

  private final UblFindings checks;

  UblLines(UblFindings checks) {
    this.checks = checks;
  }

  /** One OrderLine: its note and line item, checked when it ends; null when it has no line item. */
  Line orderLine(UblCursor c, int index) throws XMLStreamException {
    int orderLineLine = c.line();
    String note = null;
    UblLineItem item = null;
    while (c.nextChild()) {
      switch (c.local()) {
        case "Note" -> note = note == null ? c.text() : skipKeep(c, note);
        case "LineItem" -> item = item == null ? UblLineItem.read(c) : skipKeep(c, item);
        default -> c.skip();
      }
    }
    String at = "/Order/cac:OrderLine[" + index + "]/cac:LineItem";
    if (item == null) {
      checks.finding(OrderRules.MANDATORY, null, at, orderLineLine, "is missing");
      return null;
    }
    return line(item, at, note);
  }


  private Line line(UblLineItem item, String at, String note) {
    String id = text(item.id);
    if (id == null) {
      checks.finding(OrderRules.MANDATORY, null, at + "/cbc:ID", item.line, "is missing");
    }
    BigDecimal quantity = checks.amount(item.quantity, id, at + "/cbc:Quantity");
    String unit = item.quantity == null ? null : item.quantity.attribute();
    if (item.quantity == null) {
      checks.finding(OrderRules.MANDATORY, id, at + "/cbc:Quantity", item.line, "is missing: the ordered quantity is needed");
    } else if (unit == null) {
      checks.finding(OrderRules.MANDATORY, id, at + "/cbc:Quantity/@unitCode", item.quantity.line(), "is missing");
    }
    if (quantity != null && quantity.signum() < 0) {
      checks.finding(OrderRules.QUANTITY_NOT_NEGATIVE, id, at + "/cbc:Quantity", item.quantity.line(),
          "the ordered quantity " + quantity.toPlainString() + " is negative");
    } else if (quantity != null && quantity.signum() == 0) {
      checks.finding(OrderRules.QUANTITY_POSITIVE, id, at + "/cbc:Quantity", item.quantity.line(),
          "the ordered quantity is zero");
    }
    BigDecimal lineAmount = checks.amount(item.lineAmount, id, at + "/cbc:LineExtensionAmount");
    BigDecimal priceAmount = checks.amount(item.priceAmount, id, at + "/cac:Price/cbc:PriceAmount");
    if (priceAmount != null && priceAmount.signum() < 0) {
      checks.finding(OrderRules.PRICE_NOT_NEGATIVE, id, at + "/cac:Price/cbc:PriceAmount", item.priceAmount.line(),
          "the net price " + priceAmount.toPlainString() + " is negative");
    }
    BigDecimal baseQuantity = checks.amount(item.baseQuantity, id, at + "/cac:Price/cbc:BaseQuantity");
    if (baseQuantity != null && baseQuantity.signum() <= 0) {
      checks.finding(OrderRules.BASE_QUANTITY_POSITIVE, id, at + "/cac:Price/cbc:BaseQuantity", item.baseQuantity.line(),
          "the base quantity must be above zero, not " + baseQuantity.toPlainString());
    }
    lineAmountRule(item, id, at, quantity, lineAmount, priceAmount, baseQuantity);
    if (item.name == null) {
      checks.finding(OrderRules.MANDATORY, id, at + "/cac:Item/cbc:Name", item.hasItem ? item.itemLine : item.line,
          "is missing");
    }
    BigDecimal taxPercent = checks.amount(item.taxPercent, id, at + "/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent");
    return new Line(id, quantity, unit, lineAmount, priceAmount, baseQuantity, item.name, item.description,
        item.sellersId, null, item.buyersId, identifier(item.standardId), item.manufacturersId,
        item.classifications, item.taxCategory, taxPercent, note, item.line);
  }

  /** PEPPOL-T01-R024 as the schematron states it: absent amount 0, absent quantity 1, absent price 0. */
  private void lineAmountRule(UblLineItem item, String id, String at, BigDecimal quantity, BigDecimal lineAmount,
                      BigDecimal price, BigDecimal baseQuantity) {
    if (!checks.bis3()) {
      return; // a BIS 3 rule; BIS 28A v1 states no such arithmetic on order lines
    }
    BigDecimal amount = lineAmount == null ? BigDecimal.ZERO : lineAmount;
    BigDecimal q = quantity == null ? BigDecimal.ONE : quantity;
    BigDecimal p = price == null ? BigDecimal.ZERO : price;
    BigDecimal base = baseQuantity == null || baseQuantity.signum() == 0 ? BigDecimal.ONE : baseQuantity;
    BigDecimal allowances = sum(item.allowances, id, at);
    BigDecimal charges = sum(item.charges, id, at);
    BigDecimal expected = q.multiply(p).divide(base, 10, RoundingMode.HALF_UP)
        .add(UblFindings.round2(charges)).subtract(UblFindings.round2(allowances));
    if (amount.subtract(expected).abs().compareTo(LINE_AMOUNT_SLACK) > 0) {
      checks.finding(OrderRules.LINE_AMOUNT, id, at + "/cbc:LineExtensionAmount", item.line, "the line amount "
          + amount.toPlainString() + " is not quantity × price ÷ base quantity + charges − allowances = "
          + expected.setScale(2, RoundingMode.HALF_UP).toPlainString());
    }
  }

  private BigDecimal sum(List<UblLeaf> amounts, String id, String at) {
    BigDecimal total = BigDecimal.ZERO;
    for (UblLeaf a : amounts) {
      BigDecimal value = checks.amount(a, id, at + "/cac:AllowanceCharge/cbc:Amount");
      if (value != null) {
        total = total.add(value);
      }
    }
    return total;
  }
}
