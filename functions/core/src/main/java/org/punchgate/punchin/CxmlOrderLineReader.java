package org.punchgate.punchin;

import static org.punchgate.punchin.CxmlOrderChecks.blankToNull;
import static org.punchgate.punchin.CxmlOrderChecks.strip;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.punchgate.cart.Classification;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.punchin.PunchInOrder.Line;
import org.punchgate.xml.XmlElement;

/** Reads the ItemOut elements of a cXML OrderRequest (SPECS §2.4) into order lines. */
final class CxmlOrderLineReader {

  private final CxmlOrderChecks checks;

  CxmlOrderLineReader(CxmlOrderChecks checks) {
    this.checks = checks;
  }

  /** The ItemID's parts; all null when the SupplierPartID is missing. */
  private record ItemId(String sku, String auxiliaryId, String buyerSku) {}

  /** What an ItemDetail says of the line; empty when there is none. */
  private record Detail(BigDecimal price, BigDecimal baseQuantity, String unit, String description,
                        String manufacturerPartId, List<Classification> classifications) {
    static final Detail NONE = new Detail(null, null, null, null, null, List.of());
  }

  List<Line> lines(XmlElement orderRequest, String path, String currency) {
    List<XmlElement> items = orderRequest.children("ItemOut");
    if (items.isEmpty()) {
      checks.finding(OrderRules.MANDATORY, null, path + "/ItemOut", orderRequest, "an OrderRequest needs at least one ItemOut");
    }
    List<Line> lines = new ArrayList<>(items.size());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      XmlElement item = items.get(i);
      String at = path + "/ItemOut[" + (i + 1) + "]";
      String number = blankToNull(item.attribute("lineNumber"));
      String id = number == null ? Integer.toString(i + 1) : number;
      if (!seen.add(id)) {
        checks.finding(OrderRules.UNIQUE_LINE_ID, id, at + "/@lineNumber", item, "line number '" + id + "' is used twice");
      }
      lines.add(line(item, id, at, currency));
    }
    return lines;
  }

  private Line line(XmlElement item, String id, String at, String currency) {
    BigDecimal quantity = quantity(item, id, at);
    ItemId itemId = itemId(item, id, at);
    XmlElement detailElement = item.child("ItemDetail");
    Detail detail = detailElement == null ? Detail.NONE : detail(detailElement, id, at + "/ItemDetail", currency);
    XmlElement comments = item.child("Comments");
    return new Line(id, quantity, detail.unit(), null, detail.price(), detail.baseQuantity(), detail.description(),
        detail.description(), itemId.sku(), itemId.auxiliaryId(), itemId.buyerSku(), null,
        detail.manufacturerPartId(), detail.classifications(), null, null,
        comments == null ? null : blankToNull(comments.ownText()), item.line());
  }

  private BigDecimal quantity(XmlElement item, String id, String at) {
    String q = checks.required(item, at, "quantity");
    if (q == null) {
      return null;
    }
    BigDecimal quantity = Numbers.decimal(q.strip());
    if (quantity == null) {
      checks.finding(OrderRules.FORMAT, id, at + "/@quantity", item, "is not a number: '" + q + "'");
    } else if (quantity.signum() < 0) {
      checks.finding(OrderRules.QUANTITY_NOT_NEGATIVE, id, at + "/@quantity", item,
          "the ordered quantity " + quantity.toPlainString() + " is negative");
    } else if (quantity.signum() == 0) {
      checks.finding(OrderRules.QUANTITY_POSITIVE, id, at + "/@quantity", item, "the ordered quantity is zero");
    }
    return quantity;
  }

  private ItemId itemId(XmlElement item, String id, String at) {
    XmlElement itemId = item.child("ItemID");
    if (itemId == null || blankToNull(itemId.childText("SupplierPartID")) == null) {
      checks.finding(OrderRules.MANDATORY, id, at + "/ItemID/SupplierPartID", item, "is missing");
      return new ItemId(null, null, null);
    }
    XmlElement auxiliary = itemId.child("SupplierPartAuxiliaryID");
    return new ItemId(itemId.childText("SupplierPartID"),
        auxiliary == null ? null : CxmlReader.supplierPartAuxiliaryId(auxiliary),
        blankToNull(itemId.childText("BuyerPartID")));
  }

  private Detail detail(XmlElement detail, String id, String dp, String currency) {
    BigDecimal price = price(detail, id, dp, currency);
    String description = null;
    XmlElement desc = detail.child("Description");
    if (desc != null) {
      description = blankToNull(desc.ownText());
      if (description == null) {
        description = blankToNull(desc.childText("ShortName"));
      }
    }
    String unit = blankToNull(detail.childText("UnitOfMeasure"));
    if (unit == null) {
      checks.finding(OrderRules.MANDATORY, id, dp + "/UnitOfMeasure", detail, "is missing");
    }
    BigDecimal baseQuantity = baseQuantity(detail.child("PriceBasisQuantity"), id, dp + "/PriceBasisQuantity");
    List<Classification> classifications = new ArrayList<>();
    for (XmlElement cls : detail.children("Classification")) {
      String code = blankToNull(cls.allText());
      if (code == null) {
        code = blankToNull(cls.attribute("code"));
      }
      if (code != null) {
        classifications.add(new Classification(blankToNull(cls.attribute("domain")), code));
      }
    }
    return new Detail(price, baseQuantity, unit, description, blankToNull(detail.childText("ManufacturerPartID")),
        classifications);
  }

  private BigDecimal price(XmlElement detail, String id, String dp, String currency) {
    XmlElement money = detail.child("UnitPrice") == null ? null : detail.child("UnitPrice").child("Money");
    if (money == null) {
      checks.finding(OrderRules.MANDATORY, id, dp + "/UnitPrice/Money", detail, "is missing");
      return null;
    }
    BigDecimal price = checks.decimal(money, id, dp + "/UnitPrice/Money");
    String c = blankToNull(money.attribute("currency"));
    if (c != null && currency != null && !c.equals(currency)) {
      checks.finding(OrderRules.SINGLE_CURRENCY, id, dp + "/UnitPrice/Money/@currency", money,
          "price in " + c + " in an order totalling in " + currency + ": an order is stated in a single currency");
    }
    if (price != null && price.signum() < 0) {
      checks.finding(OrderRules.PRICE_NOT_NEGATIVE, id, dp + "/UnitPrice/Money", money,
          "the unit price " + price.toPlainString() + " is negative");
    }
    return price;
  }

  /**
   * The price's base quantity in order units: the price is for {@code quantity} basis units, and one order
   * unit is {@code conversionFactor} basis units (as the PunchOutOrderMessage reader reads it).
   */
  private BigDecimal baseQuantity(XmlElement basis, String id, String at) {
    if (basis == null) {
      return null;
    }
    BigDecimal q = Numbers.decimal(strip(basis.attribute("quantity")));
    BigDecimal factor = Numbers.decimal(strip(basis.attribute("conversionFactor")));
    if (q == null || factor == null || factor.signum() <= 0 || q.signum() <= 0) {
      checks.finding(OrderRules.BASE_QUANTITY_POSITIVE, id, at, basis,
          "quantity and conversionFactor must be numbers above zero");
      return null;
    }
    try {
      return q.divide(factor);
    } catch (ArithmeticException nonTerminating) {
      return q.divide(factor, 6, RoundingMode.HALF_UP);
    }
  }
}
