package org.punchgate.punchin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.punchgate.cart.Classification;
import org.punchgate.cxml.CxmlAddress;
import org.punchgate.cxml.CxmlDocument;
import org.punchgate.cxml.CxmlHeader;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.punchin.OrderFinding.Severity;
import org.punchgate.punchin.PunchInOrder.Address;
import org.punchgate.punchin.PunchInOrder.Delivery;
import org.punchgate.punchin.PunchInOrder.Identifier;
import org.punchgate.punchin.PunchInOrder.Line;
import org.punchgate.punchin.PunchInOrder.Party;
import org.punchgate.punchin.PunchInOrder.References;
import org.punchgate.punchin.PunchInOrder.Totals;
import org.punchgate.validation.Violation;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

/**
 * Reads a cXML OrderRequest (SPECS §2.4) into a {@link PunchInOrder}. The envelope and header (payloadID,
 * From/To/Sender credentials with the shared secret) are read by {@link CxmlReader}, as for every other cXML
 * document; this class reads the OrderRequest itself. The buyer is identified by its From credentials, the
 * punch-out reference travels per line in SupplierPartAuxiliaryID, kept byte-exact.
 */
public final class CxmlOrderRequestReader {

  /** The OrderRequestHeader type when absent (cXML DTD default). */
  static final String DEFAULT_TYPE = "new";

  private CxmlOrderRequestReader() {}

  /**
   * The envelope (for authentication: Sender shared secret, From credentials; null when unreadable) and the
   * order with its findings.
   */
  public record CxmlOrderReading(CxmlDocument envelope, OrderReading reading) {}

  public static CxmlOrderReading read(SecureXml.Parsed.Document doc) {
    List<OrderFinding> findings = new ArrayList<>();
    CxmlDocument envelope = null;
    switch (CxmlReader.read(doc)) {
      case CxmlReader.Result.Read read -> envelope = read.document();
      case CxmlReader.Result.Invalid invalid -> {
        for (Violation v : invalid.violations()) {
          findings.add(new OrderFinding(OrderRules.CXML_ENVELOPE, Severity.FATAL, null, v.location(), -1, v.message()));
        }
      }
    }
    XmlElement request = doc.root().child("Request");
    XmlElement orderRequest = request == null ? null : request.child("OrderRequest");
    Reading reading = new Reading(findings);
    PunchInOrder order = reading.order(orderRequest, envelope, doc.root().attribute("payloadID"));
    return new CxmlOrderReading(envelope, new OrderReading(order, findings));
  }

  private static final class Reading {
    static final String AT = "/cXML/Request/OrderRequest";
    final List<OrderFinding> findings;

    Reading(List<OrderFinding> findings) {
      this.findings = findings;
    }

    PunchInOrder order(XmlElement orderRequest, CxmlDocument envelope, String payloadId) {
      if (orderRequest == null) {
        finding(OrderRules.NOT_AN_ORDER, null, AT, null, "is missing");
        return new PunchInOrder(OrderFormat.CXML, null, null, null, null, null, null, null, null, null, null,
            payloadId, null, null, null, References.NONE, List.of(), null);
      }
      XmlElement header = orderRequest.child("OrderRequestHeader");
      String at = AT + "/OrderRequestHeader";
      String id = null;
      LocalDate date = null;
      LocalTime time = null;
      String type = DEFAULT_TYPE;
      String currency = null;
      BigDecimal total = null;
      Delivery delivery = null;
      String billToName = null;
      String billToCountry = null;
      String note = null;
      if (header == null) {
        finding(OrderRules.MANDATORY, null, at, orderRequest, "is missing");
      } else {
        id = required(header, at, "orderID");
        String orderDate = required(header, at, "orderDate");
        if (orderDate != null) {
          OffsetDateTime dateTime = dateTime(orderDate);
          if (dateTime != null) {
            date = dateTime.toLocalDate();
            time = dateTime.toLocalTime();
          } else {
            date = Numbers.date(orderDate.length() >= 10 ? orderDate.substring(0, 10) : orderDate);
            if (date == null) {
              finding(OrderRules.FORMAT, null, at + "/@orderDate", header, "is not an ISO 8601 date: '" + orderDate + "'");
            }
          }
        }
        String t = header.attribute("type");
        if (t != null && !t.isBlank()) {
          type = t.strip();
        }
        XmlElement money = header.child("Total") == null ? null : header.child("Total").child("Money");
        if (money == null) {
          finding(OrderRules.MANDATORY, null, at + "/Total/Money", header, "is missing");
        } else {
          currency = blankToNull(money.attribute("currency"));
          total = decimal(money, null, at + "/Total/Money");
          if (currency == null) {
            finding(OrderRules.MANDATORY, null, at + "/Total/Money/@currency", money, "is missing");
          }
        }
        XmlElement shipTo = header.child("ShipTo");
        if (shipTo != null && shipTo.child("Address") != null) {
          CxmlAddress a = CxmlReader.address(shipTo.child("Address"));
          delivery = new Delivery(a.addressId() == null ? null : new Identifier(a.addressId(), null), a.name(),
              new Address(a.street(), a.city(), a.postalCode(), a.state(), a.countryCode()),
              Numbers.date(dayOf(header.attribute("requestedDeliveryDate"))), null);
        }
        XmlElement billTo = header.child("BillTo");
        if (billTo == null || billTo.child("Address") == null) {
          finding(OrderRules.MANDATORY, null, at + "/BillTo/Address", header, "is missing");
        } else {
          CxmlAddress a = CxmlReader.address(billTo.child("Address"));
          billToName = a.name();
          billToCountry = a.countryCode();
        }
        XmlElement comments = header.child("Comments");
        note = comments == null ? null : blankToNull(comments.ownText());
      }
      CxmlHeader h = envelope == null ? null : envelope.header();
      Party buyer = new Party(null, h == null ? List.of() : identifiers(h.from()), billToName, billToCountry);
      Party seller = new Party(null, h == null ? List.of() : identifiers(h.to()), null, null);
      List<Line> lines = lines(orderRequest, currency);
      Totals totals = new Totals(null, null, null, null, null, null, null, total);
      return new PunchInOrder(OrderFormat.CXML, null, null, id, date, time, currency, type, null, null, note,
          payloadId, buyer, seller, delivery, References.NONE, lines, totals);
    }

    static List<Identifier> identifiers(List<CxmlHeader.Credential> credentials) {
      List<Identifier> ids = new ArrayList<>();
      for (CxmlHeader.Credential c : credentials) {
        if (c.identity() != null) {
          ids.add(new Identifier(c.identity(), c.domain()));
        }
      }
      return ids;
    }

    List<Line> lines(XmlElement orderRequest, String currency) {
      List<XmlElement> items = orderRequest.children("ItemOut");
      if (items.isEmpty()) {
        finding(OrderRules.MANDATORY, null, AT + "/ItemOut", orderRequest, "an OrderRequest needs at least one ItemOut");
      }
      List<Line> lines = new ArrayList<>(items.size());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        XmlElement item = items.get(i);
        String at = AT + "/ItemOut[" + (i + 1) + "]";
        String number = blankToNull(item.attribute("lineNumber"));
        String id = number == null ? Integer.toString(i + 1) : number;
        if (!seen.add(id)) {
          finding(OrderRules.UNIQUE_LINE_ID, id, at + "/@lineNumber", item, "line number '" + id + "' is used twice");
        }
        lines.add(line(item, id, at, currency));
      }
      return lines;
    }

    Line line(XmlElement item, String id, String at, String currency) {
      BigDecimal quantity = null;
      String q = required(item, at, "quantity");
      if (q != null) {
        quantity = Numbers.decimal(q.strip());
        if (quantity == null) {
          finding(OrderRules.FORMAT, id, at + "/@quantity", item, "is not a number: '" + q + "'");
        } else if (quantity.signum() < 0) {
          finding(OrderRules.QUANTITY_NOT_NEGATIVE, id, at + "/@quantity", item,
              "the ordered quantity " + quantity.toPlainString() + " is negative");
        } else if (quantity.signum() == 0) {
          finding(OrderRules.QUANTITY_POSITIVE, id, at + "/@quantity", item, "the ordered quantity is zero");
        }
      }
      XmlElement itemId = item.child("ItemID");
      String sku = null;
      String aux = null;
      String buyerSku = null;
      if (itemId == null || blankToNull(itemId.childText("SupplierPartID")) == null) {
        finding(OrderRules.MANDATORY, id, at + "/ItemID/SupplierPartID", item, "is missing");
      } else {
        sku = itemId.childText("SupplierPartID");
        XmlElement auxiliary = itemId.child("SupplierPartAuxiliaryID");
        aux = auxiliary == null ? null : CxmlReader.supplierPartAuxiliaryId(auxiliary);
        buyerSku = blankToNull(itemId.childText("BuyerPartID"));
      }
      XmlElement detail = item.child("ItemDetail");
      BigDecimal price = null;
      BigDecimal baseQuantity = null;
      String unit = null;
      String description = null;
      String manufacturerPartId = null;
      List<Classification> classifications = new ArrayList<>();
      if (detail != null) {
        String dp = at + "/ItemDetail";
        XmlElement money = detail.child("UnitPrice") == null ? null : detail.child("UnitPrice").child("Money");
        if (money == null) {
          finding(OrderRules.MANDATORY, id, dp + "/UnitPrice/Money", detail, "is missing");
        } else {
          price = decimal(money, id, dp + "/UnitPrice/Money");
          String c = blankToNull(money.attribute("currency"));
          if (c != null && currency != null && !c.equals(currency)) {
            finding(OrderRules.SINGLE_CURRENCY, id, dp + "/UnitPrice/Money/@currency", money,
                "price in " + c + " in an order totalling in " + currency + ": an order is stated in a single currency");
          }
          if (price != null && price.signum() < 0) {
            finding(OrderRules.PRICE_NOT_NEGATIVE, id, dp + "/UnitPrice/Money", money,
                "the unit price " + price.toPlainString() + " is negative");
          }
        }
        XmlElement desc = detail.child("Description");
        if (desc != null) {
          description = blankToNull(desc.ownText());
          if (description == null) {
            description = blankToNull(desc.childText("ShortName"));
          }
        }
        unit = blankToNull(detail.childText("UnitOfMeasure"));
        if (unit == null) {
          finding(OrderRules.MANDATORY, id, dp + "/UnitOfMeasure", detail, "is missing");
        }
        baseQuantity = baseQuantity(detail.child("PriceBasisQuantity"), id, dp + "/PriceBasisQuantity");
        for (XmlElement cls : detail.children("Classification")) {
          String code = blankToNull(cls.allText());
          if (code == null) {
            code = blankToNull(cls.attribute("code"));
          }
          if (code != null) {
            classifications.add(new Classification(blankToNull(cls.attribute("domain")), code));
          }
        }
        manufacturerPartId = blankToNull(detail.childText("ManufacturerPartID"));
      }
      XmlElement comments = item.child("Comments");
      return new Line(id, quantity, unit, null, price, baseQuantity, description, description, sku, aux, buyerSku,
          null, manufacturerPartId, classifications, null, null,
          comments == null ? null : blankToNull(comments.ownText()), item.line());
    }

    /**
     * The price's base quantity in order units: the price is for {@code quantity} basis units, and one order
     * unit is {@code conversionFactor} basis units (as the PunchOutOrderMessage reader reads it).
     */
    BigDecimal baseQuantity(XmlElement basis, String id, String at) {
      if (basis == null) {
        return null;
      }
      BigDecimal q = Numbers.decimal(strip(basis.attribute("quantity")));
      BigDecimal factor = Numbers.decimal(strip(basis.attribute("conversionFactor")));
      if (q == null || factor == null || factor.signum() <= 0 || q.signum() <= 0) {
        finding(OrderRules.BASE_QUANTITY_POSITIVE, id, at, basis,
            "quantity and conversionFactor must be numbers above zero");
        return null;
      }
      try {
        return q.divide(factor);
      } catch (ArithmeticException nonTerminating) {
        return q.divide(factor, 6, RoundingMode.HALF_UP);
      }
    }

    static OffsetDateTime dateTime(String text) {
      try {
        return OffsetDateTime.parse(text.strip());
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(text.strip()).atOffset(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
          return null;
        }
      }
    }

    static String dayOf(String dateTime) {
      return dateTime == null || dateTime.strip().length() < 10 ? null : dateTime.strip().substring(0, 10);
    }

    BigDecimal decimal(XmlElement e, String lineId, String at) {
      String text = e.allText().strip();
      BigDecimal value = Numbers.decimal(text);
      if (value == null) {
        finding(OrderRules.FORMAT, lineId, at, e, "is not a number: '" + text + "'");
      }
      return value;
    }

    String required(XmlElement e, String at, String attribute) {
      String value = e.attribute(attribute);
      if (value == null || value.isBlank()) {
        finding(OrderRules.MANDATORY, null, at + "/@" + attribute, e, "is missing");
        return null;
      }
      return value;
    }

    void finding(String rule, String lineId, String location, XmlElement near, String message) {
      findings.add(new OrderFinding(rule, Severity.FATAL, lineId, location, near == null ? -1 : near.line(), message));
    }

    static String strip(String s) {
      return s == null ? null : s.strip();
    }

    static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }
}
