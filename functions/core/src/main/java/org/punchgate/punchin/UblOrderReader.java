package org.punchgate.punchin;

import static org.punchgate.punchin.UblTree.child;
import static org.punchgate.punchin.UblTree.children;
import static org.punchgate.punchin.UblTree.path;
import static org.punchgate.punchin.UblTree.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.punchgate.cart.Classification;
import org.punchgate.punchin.OrderFinding.Severity;
import org.punchgate.punchin.PunchInOrder.Address;
import org.punchgate.punchin.PunchInOrder.Delivery;
import org.punchgate.punchin.PunchInOrder.Identifier;
import org.punchgate.punchin.PunchInOrder.Line;
import org.punchgate.punchin.PunchInOrder.Party;
import org.punchgate.punchin.PunchInOrder.References;
import org.punchgate.punchin.PunchInOrder.Totals;
import org.punchgate.xml.XmlElement;
import org.punchgate.xml.XmlNode;

/**
 * Reads a UBL 2.1 Order, PEPPOL BIS 3 (SPECS §4.2) or BIS 28A v1 (§4.4), from the tree {@link OrderSniffer}
 * made, into a {@link PunchInOrder}. One reader serves both: the documents share the UBL Order syntax and
 * differ in identifiers and code lists, which are carried through as written. Structural problems become
 * findings under PEPPOL's own rule ids where the rule is PEPPOL's (single currency, unique line ids,
 * negative quantities and prices, totals arithmetic), never exceptions; the totals rules are checked the
 * way the T01 schematron checks them (two-decimal rounding of sums, 0.02 slack on line amounts).
 */
public final class UblOrderReader {

  private static final BigDecimal LINE_AMOUNT_SLACK = new BigDecimal("0.02");

  private UblOrderReader() {}

  public static OrderReading read(OrderFormat format, XmlElement root) {
    return new Reading(format).order(root);
  }

  private static final class Reading {
    final OrderFormat format;
    final List<OrderFinding> findings = new ArrayList<>();

    Reading(OrderFormat format) {
      this.format = format;
    }

    OrderReading order(XmlElement root) {
      String id = mandatoryText(root, "ID", "/Order/cbc:ID");
      LocalDate issueDate = date(mandatory(root, "IssueDate", "/Order/cbc:IssueDate"), "/Order/cbc:IssueDate");
      XmlElement timeElement = child(root, "IssueTime");
      LocalTime issueTime = null;
      if (text(timeElement) != null) {
        issueTime = Numbers.time(text(timeElement));
        if (issueTime == null) {
          finding(OrderRules.FORMAT, null, "/Order/cbc:IssueTime", timeElement, "is not a time: '" + text(timeElement) + "'");
        }
      }
      String currency = mandatoryText(root, "DocumentCurrencyCode", "/Order/cbc:DocumentCurrencyCode");
      String orderType = text(root, "OrderTypeCode");
      Party buyer = party(root, "BuyerCustomerParty");
      Party seller = party(root, "SellerSupplierParty");
      if (currency != null) {
        singleCurrency(root, currency, new StringBuilder(128).append("/Order"));
      }
      List<Line> lines = lines(root);
      Totals totals = totals(root, lines);
      PunchInOrder order = new PunchInOrder(format, text(root, "CustomizationID"), text(root, "ProfileID"), id,
          issueDate, issueTime, currency, orderType == null ? OrderIdentifiers.DEFAULT_ORDER_TYPE : orderType,
          text(root, "CustomerReference"), text(root, "AccountingCost"), text(root, "Note"), null, buyer, seller,
          delivery(child(root, "Delivery")), references(root), lines, totals);
      return new OrderReading(order, findings);
    }

    Party party(XmlElement root, String role) {
      String at = "/Order/cac:" + role + "/cac:Party";
      XmlElement party = path(root, role, "Party");
      if (party == null) {
        finding(OrderRules.MANDATORY, null, at, root, "is missing");
        return null;
      }
      XmlElement endpoint = child(party, "EndpointID");
      Identifier endpointId = identifier(endpoint);
      if (format == OrderFormat.PEPPOL_BIS3) {
        if (endpointId == null) {
          finding(OrderRules.MANDATORY, null, at + "/cbc:EndpointID", party, "is missing");
        } else if (endpointId.scheme() == null) {
          finding(OrderRules.MANDATORY, null, at + "/cbc:EndpointID/@schemeID", endpoint, "is missing");
        }
      }
      List<Identifier> ids = new ArrayList<>();
      for (XmlElement pi : children(party, "PartyIdentification")) {
        Identifier i = identifier(child(pi, "ID"));
        if (i != null) {
          ids.add(i);
        }
      }
      String name = text(party, "PartyName", "Name");
      if (name == null) {
        name = text(party, "PartyLegalEntity", "RegistrationName");
      }
      return new Party(endpointId, ids, name, text(party, "PostalAddress", "Country", "IdentificationCode"));
    }

    static Identifier identifier(XmlElement e) {
      String value = text(e);
      return value == null ? null : new Identifier(value, blankToNull(e.attribute("schemeID")));
    }

    Delivery delivery(XmlElement d) {
      if (d == null) {
        return null;
      }
      XmlElement location = child(d, "DeliveryLocation");
      XmlElement period = child(d, "RequestedDeliveryPeriod");
      String name = text(d, "DeliveryParty", "PartyName", "Name");
      return new Delivery(identifier(child(location, "ID")), name, address(child(location, "Address")),
          date(child(period, "StartDate"), "/Order/cac:Delivery/cac:RequestedDeliveryPeriod/cbc:StartDate"),
          date(child(period, "EndDate"), "/Order/cac:Delivery/cac:RequestedDeliveryPeriod/cbc:EndDate"));
    }

    static Address address(XmlElement a) {
      if (a == null) {
        return null;
      }
      List<String> street = new ArrayList<>();
      for (String name : new String[] {"StreetName", "AdditionalStreetName"}) {
        String s = text(a, name);
        if (s != null) {
          street.add(s);
        }
      }
      for (XmlElement line : children(a, "AddressLine")) {
        String s = text(line, "Line");
        if (s != null) {
          street.add(s);
        }
      }
      return new Address(street, text(a, "CityName"), text(a, "PostalZone"), text(a, "CountrySubentity"),
          text(a, "Country", "IdentificationCode"));
    }

    static References references(XmlElement root) {
      return new References(text(root, "QuotationDocumentReference", "ID"), text(root, "CatalogueReference", "ID"),
          text(root, "OrderDocumentReference", "ID"), text(root, "Contract", "ID"));
    }

    List<Line> lines(XmlElement root) {
      List<XmlElement> orderLines = children(root, "OrderLine");
      if (orderLines.isEmpty()) {
        finding(OrderRules.MANDATORY, null, "/Order/cac:OrderLine", root, "an order needs at least one line");
      }
      List<Line> lines = new ArrayList<>(orderLines.size());
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < orderLines.size(); i++) {
        XmlElement orderLine = orderLines.get(i);
        String at = "/Order/cac:OrderLine[" + (i + 1) + "]/cac:LineItem";
        XmlElement item = child(orderLine, "LineItem");
        if (item == null) {
          finding(OrderRules.MANDATORY, null, at, orderLine, "is missing");
          continue;
        }
        Line line = line(item, at, text(orderLine, "Note"));
        if (line.id() != null && !seen.add(line.id())) {
          finding(OrderRules.UNIQUE_LINE_ID, line.id(), at + "/cbc:ID", item,
              "line id '" + line.id() + "' is used by more than one order line");
        }
        lines.add(line);
      }
      return lines;
    }

    Line line(XmlElement item, String at, String note) {
      String id = text(item, "ID");
      if (id == null) {
        finding(OrderRules.MANDATORY, null, at + "/cbc:ID", item, "is missing");
      }
      XmlElement quantityElement = child(item, "Quantity");
      BigDecimal quantity = amount(quantityElement, id, at + "/cbc:Quantity");
      String unit = quantityElement == null ? null : blankToNull(quantityElement.attribute("unitCode"));
      if (quantityElement == null) {
        finding(OrderRules.MANDATORY, id, at + "/cbc:Quantity", item, "is missing: the ordered quantity is needed");
      } else if (unit == null) {
        finding(OrderRules.MANDATORY, id, at + "/cbc:Quantity/@unitCode", quantityElement, "is missing");
      }
      if (quantity != null && quantity.signum() < 0) {
        finding(OrderRules.QUANTITY_NOT_NEGATIVE, id, at + "/cbc:Quantity", quantityElement,
            "the ordered quantity " + quantity.toPlainString() + " is negative");
      } else if (quantity != null && quantity.signum() == 0) {
        finding(OrderRules.QUANTITY_POSITIVE, id, at + "/cbc:Quantity", quantityElement, "the ordered quantity is zero");
      }
      BigDecimal lineAmount = amount(child(item, "LineExtensionAmount"), id, at + "/cbc:LineExtensionAmount");
      XmlElement price = child(item, "Price");
      BigDecimal priceAmount = amount(child(price, "PriceAmount"), id, at + "/cac:Price/cbc:PriceAmount");
      if (priceAmount != null && priceAmount.signum() < 0) {
        finding(OrderRules.PRICE_NOT_NEGATIVE, id, at + "/cac:Price/cbc:PriceAmount", child(price, "PriceAmount"),
            "the net price " + priceAmount.toPlainString() + " is negative");
      }
      BigDecimal baseQuantity = amount(child(price, "BaseQuantity"), id, at + "/cac:Price/cbc:BaseQuantity");
      if (baseQuantity != null && baseQuantity.signum() <= 0) {
        finding(OrderRules.BASE_QUANTITY_POSITIVE, id, at + "/cac:Price/cbc:BaseQuantity", child(price, "BaseQuantity"),
            "the base quantity must be above zero, not " + baseQuantity.toPlainString());
      }
      lineAmountRule(item, id, at, quantity, lineAmount, priceAmount, baseQuantity);

      XmlElement it = child(item, "Item");
      String name = text(it, "Name");
      if (name == null) {
        finding(OrderRules.MANDATORY, id, at + "/cac:Item/cbc:Name", it == null ? item : it, "is missing");
      }
      List<Classification> classifications = new ArrayList<>();
      for (XmlElement cc : children(it, "CommodityClassification")) {
        XmlElement code = child(cc, "ItemClassificationCode");
        if (text(code) != null) {
          classifications.add(new Classification(blankToNull(code.attribute("listID")), text(code)));
        }
      }
      XmlElement tax = child(it, "ClassifiedTaxCategory");
      BigDecimal taxPercent = amount(child(tax, "Percent"), id, at + "/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent");
      return new Line(id, quantity, unit, lineAmount, priceAmount, baseQuantity, name, text(it, "Description"),
          text(it, "SellersItemIdentification", "ID"), null, text(it, "BuyersItemIdentification", "ID"),
          identifier(path(it, "StandardItemIdentification", "ID")), text(it, "ManufacturersItemIdentification", "ID"),
          classifications, text(tax, "ID"), taxPercent, note, item.line());
    }

    /** PEPPOL-T01-R024 as the schematron states it: absent amount 0, absent quantity 1, absent price 0. */
    void lineAmountRule(XmlElement item, String id, String at, BigDecimal quantity, BigDecimal lineAmount,
                        BigDecimal price, BigDecimal baseQuantity) {
      if (format != OrderFormat.PEPPOL_BIS3) {
        return; // a BIS 3 rule; BIS 28A v1 states no such arithmetic on order lines
      }
      BigDecimal amount = lineAmount == null ? BigDecimal.ZERO : lineAmount;
      BigDecimal q = quantity == null ? BigDecimal.ONE : quantity;
      BigDecimal p = price == null ? BigDecimal.ZERO : price;
      BigDecimal base = baseQuantity == null || baseQuantity.signum() == 0 ? BigDecimal.ONE : baseQuantity;
      BigDecimal allowances = BigDecimal.ZERO;
      BigDecimal charges = BigDecimal.ZERO;
      for (XmlElement ac : children(item, "AllowanceCharge")) {
        BigDecimal value = amount(child(ac, "Amount"), id, at + "/cac:AllowanceCharge/cbc:Amount");
        if (value != null) {
          if ("true".equals(text(ac, "ChargeIndicator"))) {
            charges = charges.add(value);
          } else {
            allowances = allowances.add(value);
          }
        }
      }
      BigDecimal expected = q.multiply(p).divide(base, 10, RoundingMode.HALF_UP)
          .add(round2(charges)).subtract(round2(allowances));
      if (amount.subtract(expected).abs().compareTo(LINE_AMOUNT_SLACK) > 0) {
        finding(OrderRules.LINE_AMOUNT, id, at + "/cbc:LineExtensionAmount", item, "the line amount "
            + amount.toPlainString() + " is not quantity × price ÷ base quantity + charges − allowances = "
            + expected.setScale(2, RoundingMode.HALF_UP).toPlainString());
      }
    }

    Totals totals(XmlElement root, List<Line> lines) {
      XmlElement t = child(root, "AnticipatedMonetaryTotal");
      if (t == null) {
        return null;
      }
      String at = "/Order/cac:AnticipatedMonetaryTotal/cbc:";
      BigDecimal lineExtension = amount(child(t, "LineExtensionAmount"), null, at + "LineExtensionAmount");
      BigDecimal taxExclusive = amount(child(t, "TaxExclusiveAmount"), null, at + "TaxExclusiveAmount");
      BigDecimal taxInclusive = amount(child(t, "TaxInclusiveAmount"), null, at + "TaxInclusiveAmount");
      BigDecimal allowanceTotal = amount(child(t, "AllowanceTotalAmount"), null, at + "AllowanceTotalAmount");
      BigDecimal chargeTotal = amount(child(t, "ChargeTotalAmount"), null, at + "ChargeTotalAmount");
      BigDecimal prepaid = amount(child(t, "PrepaidAmount"), null, at + "PrepaidAmount");
      BigDecimal rounding = amount(child(t, "PayableRoundingAmount"), null, at + "PayableRoundingAmount");
      BigDecimal payable = amount(child(t, "PayableAmount"), null, at + "PayableAmount");
      if (lineExtension == null) {
        finding(OrderRules.MANDATORY, null, at + "LineExtensionAmount", t, "is missing");
      }
      if (payable == null) {
        finding(OrderRules.MANDATORY, null, at + "PayableAmount", t, "is missing");
      }
      if (format == OrderFormat.PEPPOL_BIS3) {
        totalsRules(t, at, lines, lineExtension, taxExclusive, taxInclusive, allowanceTotal, chargeTotal, prepaid,
            rounding, payable);
      }
      return new Totals(lineExtension, taxExclusive, taxInclusive, allowanceTotal, chargeTotal, prepaid, rounding,
          payable);
    }

    void totalsRules(XmlElement t, String at, List<Line> lines, BigDecimal lineExtension, BigDecimal taxExclusive,
                     BigDecimal taxInclusive, BigDecimal allowanceTotal, BigDecimal chargeTotal, BigDecimal prepaid,
                     BigDecimal rounding, BigDecimal payable) {
      if (payable != null && payable.signum() < 0) {
        finding(OrderRules.PAYABLE_NOT_NEGATIVE, null, at + "PayableAmount", t, "the amount due is negative");
      }
      if (lineExtension == null) {
        return;
      }
      if (lineExtension.signum() < 0) {
        finding(OrderRules.LINE_TOTAL_NOT_NEGATIVE, null, at + "LineExtensionAmount", t, "the line total is negative");
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (Line line : lines) {
        if (line.lineAmount() != null) {
          sum = sum.add(line.lineAmount());
        }
      }
      sum = round2(sum);
      if (lineExtension.compareTo(sum) != 0) {
        finding(OrderRules.LINE_TOTAL_SUM, null, at + "LineExtensionAmount", t, "the expected line total "
            + lineExtension.toPlainString() + " is not the sum of the line amounts, " + sum.toPlainString());
      }
      BigDecimal allowances = allowanceTotal == null ? BigDecimal.ZERO : allowanceTotal;
      BigDecimal charges = chargeTotal == null ? BigDecimal.ZERO : chargeTotal;
      if (taxExclusive != null
          && taxExclusive.compareTo(lineExtension.subtract(allowances).add(charges)) != 0) {
        finding(OrderRules.TAX_EXCLUSIVE_TOTAL, null, at + "TaxExclusiveAmount", t, "the total without tax "
            + taxExclusive.toPlainString() + " is not line total − allowances + charges, "
            + lineExtension.subtract(allowances).add(charges).toPlainString());
      }
      if (taxInclusive != null && payable != null) {
        BigDecimal due = taxInclusive.subtract(prepaid == null ? BigDecimal.ZERO : prepaid)
            .add(rounding == null ? BigDecimal.ZERO : rounding);
        if (payable.compareTo(due) != 0) {
          finding(OrderRules.PAYABLE_TOTAL, null, at + "PayableAmount", t, "the amount due " + payable.toPlainString()
              + " is not total with tax − prepaid + rounding, " + due.toPlainString());
        }
      }
    }

    /**
     * PEPPOL-T01-R003: every currencyID in the document is the document currency. The path is kept in one
     * builder, trimmed on the way back up: the walk visits every element, and most have no finding.
     */
    void singleCurrency(XmlElement e, String currency, StringBuilder at) {
      for (XmlNode n : e.content()) {
        if (n instanceof XmlElement c) {
          int mark = at.length();
          at.append('/').append(c.name());
          String id = c.attribute("currencyID");
          if (id != null && !id.strip().equals(currency)) {
            finding(OrderRules.SINGLE_CURRENCY, null, at.toString(), c,
                "amount in " + id + " in an order in " + currency + ": an order is stated in a single currency");
          }
          if (!c.content().isEmpty()) {
            singleCurrency(c, currency, at);
          }
          at.setLength(mark);
        }
      }
    }

    BigDecimal amount(XmlElement e, String lineId, String at) {
      String text = text(e);
      if (text == null) {
        return null;
      }
      BigDecimal value = Numbers.decimal(text);
      if (value == null) {
        finding(OrderRules.FORMAT, lineId, at, e, "is not a decimal number: '" + text + "'");
      }
      return value;
    }

    LocalDate date(XmlElement e, String at) {
      String text = text(e);
      if (text == null) {
        return null;
      }
      LocalDate date = Numbers.date(text);
      if (date == null) {
        finding(OrderRules.FORMAT, null, at, e, "is not a date (YYYY-MM-DD): '" + text + "'");
      }
      return date;
    }

    XmlElement mandatory(XmlElement parent, String local, String at) {
      XmlElement e = child(parent, local);
      if (text(e) == null) {
        finding(OrderRules.MANDATORY, null, at, e == null ? parent : e, e == null ? "is missing" : "is empty");
        return null;
      }
      return e;
    }

    String mandatoryText(XmlElement parent, String local, String at) {
      return text(mandatory(parent, local, at));
    }

    void finding(String rule, String lineId, String location, XmlElement near, String message) {
      findings.add(new OrderFinding(rule, Severity.FATAL, lineId, location, near == null ? -1 : near.line(), message));
    }

    static BigDecimal round2(BigDecimal value) {
      return value.setScale(2, RoundingMode.HALF_UP);
    }

    static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s.strip();
    }
  }
}
