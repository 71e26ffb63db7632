package org.punchgate.cxml;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.xml.XmlElement;

/** Reads cXML ItemOut and ItemIn elements into cart lines (SPECS §2.3), reporting through {@link CxmlChecks}. */
final class CxmlItemReader {

  private final CxmlChecks checks;

  CxmlItemReader(CxmlChecks checks) {
    this.checks = checks;
  }

  Cart items(List<XmlElement> items, String path, boolean detailRequired) {
    List<CartLine> lines = new ArrayList<>();
    String currency = null;
    for (int i = 0; i < items.size(); i++) {
      XmlElement item = items.get(i);
      String at = path + "[" + (i + 1) + "]";
      CartLine line = line(item, at, i, detailRequired);
      if (line != null) {
        lines.add(line);
        if (currency == null) {
          currency = line.currency();
        }
      }
    }
    return new Cart(currency, lines, null, null);
  }

  CartLine line(XmlElement item, String at, int index, boolean detailRequired) {
    String quantityText = checks.required(item, at, "quantity");
    BigDecimal quantity = quantityText == null ? null : checks.decimal(quantityText, at + "/@quantity", item);
    if (quantity != null && quantity.signum() <= 0) {
      checks.problem(at + "/@quantity", item, "must be greater than zero");
    }
    String lineNumber = item.attribute("lineNumber");
    String lineId = lineNumber == null || lineNumber.isBlank() ? Integer.toString(index + 1) : lineNumber.strip();
    CartLine.Builder line = CartLine.builder()
        .lineId(lineId)
        .parentLineId(blankToNull(item.attribute("parentLineNumber")))
        .quantity(quantity);
    itemId(item, at, line);
    XmlElement detail = item.child("ItemDetail");
    if (detail == null) {
      if (detailRequired) {
        checks.problem(at + "/ItemDetail", item, "is missing");
      }
      return line.attributes(Map.of()).build();
    }
    detail(detail, at + "/ItemDetail", line);
    Map<String, String> attributes = new LinkedHashMap<>(checks.extrinsics(detail, at + "/ItemDetail"));
    checks.extrinsics(item, at).forEach(attributes::putIfAbsent);
    return line
        .service("service".equals(item.attribute("itemClassification")))
        .attributes(attributes)
        .build();
  }

  private void itemId(XmlElement item, String at, CartLine.Builder line) {
    XmlElement id = item.child("ItemID");
    if (id == null) {
      checks.problem(at + "/ItemID", item, "is missing");
      return;
    }
    String sku = id.childText("SupplierPartID");
    if (sku == null) {
      checks.problem(at + "/ItemID/SupplierPartID", id, "is missing");
    }
    XmlElement aux = id.child("SupplierPartAuxiliaryID");
    line.sku(sku).auxiliaryId(aux == null ? null : auxiliaryId(aux)).buyerSku(id.childText("BuyerPartID"));
  }

  private void detail(XmlElement detail, String dp, CartLine.Builder line) {
    XmlElement money = detail.child("UnitPrice") == null ? null : detail.child("UnitPrice").child("Money");
    if (money == null) {
      checks.problem(dp + "/UnitPrice/Money", detail, "is missing");
    } else {
      line.unitPrice(checks.decimal(money.allText(), dp + "/UnitPrice/Money", money))
          .currency(money.attribute("currency"));
    }
    line.description(description(detail.child("Description")))
        .unit(detail.childText("UnitOfMeasure"))
        .priceUnit(priceUnit(detail.child("PriceBasisQuantity"), dp))
        .classification(classification(detail.child("Classification")))
        .leadTimeDays(leadTime(detail, dp))
        .manufacturer(detail.childText("ManufacturerName"))
        .manufacturerSku(detail.childText("ManufacturerPartID"));
  }

  private static String description(XmlElement desc) {
    if (desc == null) {
      return null;
    }
    String text = desc.ownText().strip();
    return text.isEmpty() ? desc.childText("ShortName") : text;
  }

  private BigDecimal priceUnit(XmlElement basis, String dp) {
    if (basis == null) {
      return null;
    }
    BigDecimal q = checks.decimal(basis.attribute("quantity"), dp + "/PriceBasisQuantity/@quantity", basis);
    BigDecimal factor = checks.decimal(basis.attribute("conversionFactor"), dp + "/PriceBasisQuantity/@conversionFactor", basis);
    if (q == null || factor == null || factor.signum() == 0) {
      return null;
    }
    // the price is for q units of the basis unit; one order unit is `factor` basis units
    try {
      return q.divide(factor);
    } catch (ArithmeticException nonTerminating) {
      return q.divide(factor, 6, RoundingMode.HALF_UP);
    }
  }

  private static Classification classification(XmlElement cls) {
    if (cls == null) {
      return null;
    }
    String code = cls.allText().strip();
    if (code.isEmpty() && cls.attribute("code") != null) {
      code = cls.attribute("code").strip();
    }
    return new Classification(cls.attribute("domain"), code);
  }

  private Integer leadTime(XmlElement detail, String dp) {
    String lead = detail.childText("LeadTime");
    if (lead == null || lead.isEmpty()) {
      return null;
    }
    try {
      return Integer.valueOf(lead);
    } catch (NumberFormatException nfe) {
      checks.problem(dp + "/LeadTime", detail, "is not a whole number of days: '" + lead + "'");
      return null;
    }
  }

  /** ANY content: the text as is when it is only text (the usual case), else the markup. */
  static String auxiliaryId(XmlElement e) {
    return e.hasChildElements() ? e.innerXml() : e.allText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
