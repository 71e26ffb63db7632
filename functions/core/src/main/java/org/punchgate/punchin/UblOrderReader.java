package org.punchgate.punchin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.punchgate.cart.Classification;
import org.punchgate.punchin.OrderFinding.Severity;
import org.punchgate.punchin.PunchInOrder.Address;
import org.punchgate.punchin.PunchInOrder.Delivery;
import org.punchgate.punchin.PunchInOrder.Identifier;
import org.punchgate.punchin.PunchInOrder.Line;
import org.punchgate.punchin.PunchInOrder.Party;
import org.punchgate.punchin.PunchInOrder.References;
import org.punchgate.punchin.PunchInOrder.Totals;
import org.punchgate.xml.SecureXml;

/**
 * Reads a UBL 2.1 Order, PEPPOL BIS 3 (SPECS §4.2) or BIS 28A v1 (§4.4), into a {@link PunchInOrder}, in one
 * streaming pass over {@link SecureXml#stream} (the hardened parser and its limits, no tree): a 1,000-line
 * order is read in a few milliseconds. One reader serves both formats: the documents share the UBL Order
 * syntax and differ in identifiers and code lists, which are carried through as written. Structural problems
 * become findings under PEPPOL's own rule ids where the rule is PEPPOL's (single currency, unique line ids,
 * negative quantities and prices, totals arithmetic), never exceptions; the totals rules are checked the way
 * the T01 schematron checks them (two-decimal rounding of sums, 0.02 slack on line amounts). Input that is not
 * well-formed, or breaks the parser's limits, is one {@link OrderRules#MALFORMED} finding.
 *
 * <p>Where an element occurs more than once but the model holds one, the first is read, as UBL allows one.
 */
public final class UblOrderReader {

  private static final BigDecimal LINE_AMOUNT_SLACK = new BigDecimal("0.02");

  private UblOrderReader() {}

  /** Reads the order document {@code document}, whose format {@link OrderSniffer} told. */
  public static OrderReading read(OrderFormat format, byte[] document) {
    Reading reading = new Reading(format);
    XMLStreamReader stream = null;
    try {
      stream = SecureXml.stream(document);
      UblCursor cursor = new UblCursor(stream, reading);
      if (!cursor.root()) {
        return reading.malformed("no root element", -1);
      }
      return reading.order(cursor);
    } catch (XMLStreamException | RuntimeException e) {
      // the JDK parser reports some malformed input (bad encodings, limits) as unchecked exceptions
      SecureXml.Parsed.Malformed m = SecureXml.malformed(e);
      return reading.malformed(m.message(), m.line());
    } finally {
      close(stream);
    }
  }

  /**
   * Reads the Order element {@code at} is positioned on (its start tag just read), leaving the cursor after
   * its end tag: for orders embedded in another document, such as a rule test set.
   */
  public static OrderReading read(OrderFormat format, XMLStreamReader at) throws XMLStreamException {
    Reading reading = new Reading(format);
    UblCursor cursor = new UblCursor(at, reading);
    cursor.enterCurrent();
    return reading.order(cursor);
  }

  private static void close(XMLStreamReader stream) {
    if (stream != null) {
      try {
        stream.close();
      } catch (XMLStreamException ignored) {
        // nothing to release: the input is in memory
      }
    }
  }

  /** A leaf element as read: its stripped text (null when empty), source line and one attribute asked for. */
  private record Leaf(String text, int line, String attribute) {}

  /** An order line's leaves, collected while streaming and checked when the line ends. */
  private static final class LineItem {
    int line;
    Leaf id;
    Leaf quantity;
    Leaf lineAmount;
    Leaf priceAmount;
    Leaf baseQuantity;
    boolean hasItem;
    int itemLine;
    String name;
    String description;
    String sellersId;
    String buyersId;
    String manufacturersId;
    Leaf standardId;
    final List<Classification> classifications = new ArrayList<>(2);
    String taxCategory;
    Leaf taxPercent;
    final List<Leaf> allowances = new ArrayList<>(0);
    final List<Leaf> charges = new ArrayList<>(0);
  }

  private static final class Reading implements UblCursor.CurrencyWatch {
    final OrderFormat format;
    final List<OrderFinding> findings = new ArrayList<>();
    /** Currency ids seen before DocumentCurrencyCode was read: checked once it is known. */
    final List<Leaf> pendingCurrencies = new ArrayList<>(0);
    final List<String> pendingPaths = new ArrayList<>(0);
    /** DocumentCurrencyCode, once read. */
    String currency;

    Reading(OrderFormat format) {
      this.format = format;
    }

    OrderReading malformed(String message, int line) {
      findings.clear();
      findings.add(new OrderFinding(OrderRules.MALFORMED, Severity.FATAL, null, "/", line,
          "not well-formed or not acceptable XML: " + message));
      return new OrderReading(new PunchInOrder(format, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, References.NONE, List.of(), null), findings);
    }

    @Override
    public void currency(String currencyId, UblCursor at) {
      if (currency == null) {
        pendingCurrencies.add(new Leaf(currencyId, at.line(), null));
        pendingPaths.add(at.path());
      } else if (!currencyId.strip().equals(currency)) {
        currencyFinding(currencyId, at.path(), at.line());
      }
    }

    void currencyFinding(String currencyId, String path, int line) {
      finding(OrderRules.SINGLE_CURRENCY, null, path, line,
          "amount in " + currencyId + " in an order in " + currency + ": an order is stated in a single currency");
    }

    OrderReading order(UblCursor c) throws XMLStreamException {
      int rootLine = c.line();
      Map<String, Leaf> header = new HashMap<>();
      Party buyer = null;
      Party seller = null;
      int buyerSeen = 0;
      int sellerSeen = 0;
      Delivery delivery = null;
      String quotation = null;
      String catalogue = null;
      String orderDocument = null;
      String contract = null;
      List<Line> lines = new ArrayList<>();
      Set<String> lineIds = new HashSet<>();
      int orderLines = 0;
      Map<String, Leaf> totals = null;
      int totalsLine = -1;
      while (c.nextChild()) {
        String local = c.local();
        switch (local) {
          case "CustomizationID", "ProfileID", "ID", "IssueDate", "IssueTime", "OrderTypeCode", "CustomerReference",
               "AccountingCost", "Note" -> {
            if (header.containsKey(local)) {
              c.skip();
            } else {
              header.put(local, leaf(c, null));
            }
          }
          case "DocumentCurrencyCode" -> {
            if (header.containsKey(local)) {
              c.skip();
            } else {
              Leaf code = leaf(c, null);
              header.put(local, code);
              documentCurrency(code.text());
            }
          }
          case "BuyerCustomerParty" -> {
            if (buyerSeen++ == 0) {
              buyer = partyOf(c, "BuyerCustomerParty");
            } else {
              c.skip();
            }
          }
          case "SellerSupplierParty" -> {
            if (sellerSeen++ == 0) {
              seller = partyOf(c, "SellerSupplierParty");
            } else {
              c.skip();
            }
          }
          case "Delivery" -> {
            if (delivery == null) {
              delivery = delivery(c);
            } else {
              c.skip();
            }
          }
          case "QuotationDocumentReference" -> quotation = quotation == null ? childText(c, "ID") : skipKeep(c, quotation);
          case "CatalogueReference" -> catalogue = catalogue == null ? childText(c, "ID") : skipKeep(c, catalogue);
          case "OrderDocumentReference" ->
              orderDocument = orderDocument == null ? childText(c, "ID") : skipKeep(c, orderDocument);
          case "Contract" -> contract = contract == null ? childText(c, "ID") : skipKeep(c, contract);
          case "OrderLine" -> {
            orderLines++;
            Line line = orderLine(c, orderLines);
            if (line != null) {
              if (line.id() != null && !lineIds.add(line.id())) {
                finding(OrderRules.UNIQUE_LINE_ID, line.id(), "/Order/cac:OrderLine[" + orderLines + "]/cac:LineItem/cbc:ID",
                    line.sourceLine(), "line id '" + line.id() + "' is used by more than one order line");
              }
              lines.add(line);
            }
          }
          case "AnticipatedMonetaryTotal" -> {
            if (totals == null) {
              totalsLine = c.line();
              totals = leaves(c);
            } else {
              c.skip();
            }
          }
          default -> c.skip();
        }
      }
      if (buyerSeen == 0) {
        finding(OrderRules.MANDATORY, null, "/Order/cac:BuyerCustomerParty/cac:Party", rootLine, "is missing");
      }
      if (sellerSeen == 0) {
        finding(OrderRules.MANDATORY, null, "/Order/cac:SellerSupplierParty/cac:Party", rootLine, "is missing");
      }
      String id = mandatory(header.get("ID"), rootLine, "/Order/cbc:ID");
      mandatory(header.get("IssueDate"), rootLine, "/Order/cbc:IssueDate");
      LocalDate issueDate = date(header.get("IssueDate"), "/Order/cbc:IssueDate");
      Leaf timeLeaf = header.get("IssueTime");
      LocalTime issueTime = null;
      if (timeLeaf != null && timeLeaf.text() != null) {
        issueTime = Numbers.time(timeLeaf.text());
        if (issueTime == null) {
          finding(OrderRules.FORMAT, null, "/Order/cbc:IssueTime", timeLeaf.line(),
              "is not a time: '" + timeLeaf.text() + "'");
        }
      }
      String currencyCode = mandatory(header.get("DocumentCurrencyCode"), rootLine, "/Order/cbc:DocumentCurrencyCode");
      if (orderLines == 0) {
        finding(OrderRules.MANDATORY, null, "/Order/cac:OrderLine", rootLine, "an order needs at least one line");
      }
      Totals total = totals == null ? null : totals(totals, totalsLine, lines);
      String orderType = text(header.get("OrderTypeCode"));
      PunchInOrder order = new PunchInOrder(format, text(header.get("CustomizationID")), text(header.get("ProfileID")),
          id, issueDate, issueTime, currencyCode, orderType == null ? OrderIdentifiers.DEFAULT_ORDER_TYPE : orderType,
          text(header.get("CustomerReference")), text(header.get("AccountingCost")), text(header.get("Note")), null,
          buyer, seller, delivery, new References(quotation, catalogue, orderDocument, contract), lines, total);
      return new OrderReading(order, findings);
    }

    /** DocumentCurrencyCode is known: the currency ids seen before it are checked now (R003). */
    void documentCurrency(String code) {
      if (code == null) {
        return;
      }
      currency = code;
      for (int i = 0; i < pendingCurrencies.size(); i++) {
        Leaf seen = pendingCurrencies.get(i);
        if (!seen.text().strip().equals(code)) {
          currencyFinding(seen.text(), pendingPaths.get(i), seen.line());
        }
      }
      pendingCurrencies.clear();
      pendingPaths.clear();
    }

    Party partyOf(UblCursor c, String role) throws XMLStreamException {
      String at = "/Order/cac:" + role + "/cac:Party";
      int roleLine = c.line();
      Party party = null;
      boolean seen = false;
      while (c.nextChild()) {
        if (!seen && c.local().equals("Party")) {
          seen = true;
          party = party(c, at);
        } else {
          c.skip();
        }
      }
      if (!seen) {
        finding(OrderRules.MANDATORY, null, at, roleLine, "is missing");
      }
      return party;
    }

    Party party(UblCursor c, String at) throws XMLStreamException {
      int partyLine = c.line();
      Leaf endpoint = null;
      List<Identifier> ids = new ArrayList<>(1);
      String partyName = null;
      String legalName = null;
      String country = null;
      while (c.nextChild()) {
        switch (c.local()) {
          case "EndpointID" -> endpoint = endpoint == null ? leaf(c, "schemeID") : skipKeep(c, endpoint);
          case "PartyIdentification" -> {
            while (c.nextChild()) {
              if (c.local().equals("ID")) {
                Identifier i = identifier(leaf(c, "schemeID"));
                if (i != null) {
                  ids.add(i);
                }
              } else {
                c.skip();
              }
            }
          }
          case "PartyName" -> partyName = partyName == null ? childText(c, "Name") : skipKeep(c, partyName);
          case "PartyLegalEntity" ->
              legalName = legalName == null ? childText(c, "RegistrationName") : skipKeep(c, legalName);
          case "PostalAddress" -> {
            String code = null;
            while (c.nextChild()) {
              if (code == null && c.local().equals("Country")) {
                code = childText(c, "IdentificationCode");
              } else {
                c.skip();
              }
            }
            country = country == null ? code : country;
          }
          default -> c.skip();
        }
      }
      Identifier endpointId = identifier(endpoint);
      if (format == OrderFormat.PEPPOL_BIS3) {
        if (endpointId == null) {
          finding(OrderRules.MANDATORY, null, at + "/cbc:EndpointID", partyLine, "is missing");
        } else if (endpointId.scheme() == null) {
          finding(OrderRules.MANDATORY, null, at + "/cbc:EndpointID/@schemeID", endpoint.line(), "is missing");
        }
      }
      return new Party(endpointId, ids, partyName != null ? partyName : legalName, country);
    }

    Delivery delivery(UblCursor c) throws XMLStreamException {
      Leaf locationId = null;
      Address address = null;
      String name = null;
      Leaf start = null;
      Leaf end = null;
      while (c.nextChild()) {
        switch (c.local()) {
          case "DeliveryLocation" -> {
            while (c.nextChild()) {
              switch (c.local()) {
                case "ID" -> locationId = locationId == null ? leaf(c, "schemeID") : skipKeep(c, locationId);
                case "Address" -> address = address == null ? address(c) : skipKeep(c, address);
                default -> c.skip();
              }
            }
          }
          case "RequestedDeliveryPeriod" -> {
            while (c.nextChild()) {
              switch (c.local()) {
                case "StartDate" -> start = start == null ? leaf(c, null) : skipKeep(c, start);
                case "EndDate" -> end = end == null ? leaf(c, null) : skipKeep(c, end);
                default -> c.skip();
              }
            }
          }
          case "DeliveryParty" -> {
            while (c.nextChild()) {
              if (name == null && c.local().equals("PartyName")) {
                name = childText(c, "Name");
              } else {
                c.skip();
              }
            }
          }
          default -> c.skip();
        }
      }
      return new Delivery(identifier(locationId), name, address,
          date(start, "/Order/cac:Delivery/cac:RequestedDeliveryPeriod/cbc:StartDate"),
          date(end, "/Order/cac:Delivery/cac:RequestedDeliveryPeriod/cbc:EndDate"));
    }

    static Address address(UblCursor c) throws XMLStreamException {
      String streetName = null;
      String additional = null;
      List<String> addressLines = new ArrayList<>(0);
      String city = null;
      String postalZone = null;
      String region = null;
      String country = null;
      while (c.nextChild()) {
        switch (c.local()) {
          case "StreetName" -> streetName = streetName == null ? c.text() : skipKeep(c, streetName);
          case "AdditionalStreetName" -> additional = additional == null ? c.text() : skipKeep(c, additional);
          case "AddressLine" -> {
            String line = childText(c, "Line");
            if (line != null) {
              addressLines.add(line);
            }
          }
          case "CityName" -> city = city == null ? c.text() : skipKeep(c, city);
          case "PostalZone" -> postalZone = postalZone == null ? c.text() : skipKeep(c, postalZone);
          case "CountrySubentity" -> region = region == null ? c.text() : skipKeep(c, region);
          case "Country" -> country = country == null ? childText(c, "IdentificationCode") : skipKeep(c, country);
          default -> c.skip();
        }
      }
      List<String> street = new ArrayList<>(2 + addressLines.size());
      if (streetName != null) {
        street.add(streetName);
      }
      if (additional != null) {
        street.add(additional);
      }
      street.addAll(addressLines);
      return new Address(street, city, postalZone, region, country);
    }

    /** One OrderLine: its note and line item, checked when it ends; null when it has no line item. */
    Line orderLine(UblCursor c, int index) throws XMLStreamException {
      int orderLineLine = c.line();
      String note = null;
      LineItem item = null;
      while (c.nextChild()) {
        switch (c.local()) {
          case "Note" -> note = note == null ? c.text() : skipKeep(c, note);
          case "LineItem" -> item = item == null ? lineItem(c) : skipKeep(c, item);
          default -> c.skip();
        }
      }
      String at = "/Order/cac:OrderLine[" + index + "]/cac:LineItem";
      if (item == null) {
        finding(OrderRules.MANDATORY, null, at, orderLineLine, "is missing");
        return null;
      }
      return line(item, at, note);
    }

    LineItem lineItem(UblCursor c) throws XMLStreamException {
      LineItem item = new LineItem();
      item.line = c.line();
      while (c.nextChild()) {
        switch (c.local()) {
          case "ID" -> item.id = item.id == null ? leaf(c, null) : skipKeep(c, item.id);
          case "Quantity" -> item.quantity = item.quantity == null ? leaf(c, "unitCode") : skipKeep(c, item.quantity);
          case "LineExtensionAmount" ->
              item.lineAmount = item.lineAmount == null ? leaf(c, null) : skipKeep(c, item.lineAmount);
          case "Price" -> {
            while (c.nextChild()) {
              switch (c.local()) {
                case "PriceAmount" ->
                    item.priceAmount = item.priceAmount == null ? leaf(c, null) : skipKeep(c, item.priceAmount);
                case "BaseQuantity" ->
                    item.baseQuantity = item.baseQuantity == null ? leaf(c, null) : skipKeep(c, item.baseQuantity);
                default -> c.skip();
              }
            }
          }
          case "AllowanceCharge" -> allowanceCharge(c, item);
          case "Item" -> {
            if (item.hasItem) {
              c.skip();
            } else {
              item.hasItem = true;
              item.itemLine = c.line();
              item(c, item);
            }
          }
          default -> c.skip();
        }
      }
      return item;
    }

    static void allowanceCharge(UblCursor c, LineItem item) throws XMLStreamException {
      String indicator = null;
      Leaf amount = null;
      while (c.nextChild()) {
        switch (c.local()) {
          case "ChargeIndicator" -> indicator = indicator == null ? c.text() : skipKeep(c, indicator);
          case "Amount" -> amount = amount == null ? leaf(c, null) : skipKeep(c, amount);
          default -> c.skip();
        }
      }
      if (amount != null) {
        ("true".equals(indicator) ? item.charges : item.allowances).add(amount);
      }
    }

    static void item(UblCursor c, LineItem item) throws XMLStreamException {
      while (c.nextChild()) {
        switch (c.local()) {
          case "Name" -> item.name = item.name == null ? c.text() : skipKeep(c, item.name);
          case "Description" -> item.description = item.description == null ? c.text() : skipKeep(c, item.description);
          case "BuyersItemIdentification" ->
              item.buyersId = item.buyersId == null ? childText(c, "ID") : skipKeep(c, item.buyersId);
          case "SellersItemIdentification" ->
              item.sellersId = item.sellersId == null ? childText(c, "ID") : skipKeep(c, item.sellersId);
          case "ManufacturersItemIdentification" -> item.manufacturersId =
              item.manufacturersId == null ? childText(c, "ID") : skipKeep(c, item.manufacturersId);
          case "StandardItemIdentification" -> {
            Leaf id = null;
            while (c.nextChild()) {
              if (id == null && c.local().equals("ID")) {
                id = leaf(c, "schemeID");
              } else {
                c.skip();
              }
            }
            item.standardId = item.standardId == null ? id : item.standardId;
          }
          case "CommodityClassification" -> {
            while (c.nextChild()) {
              if (c.local().equals("ItemClassificationCode")) {
                Leaf code = leaf(c, "listID");
                if (code.text() != null) {
                  item.classifications.add(new Classification(code.attribute(), code.text()));
                }
              } else {
                c.skip();
              }
            }
          }
          case "ClassifiedTaxCategory" -> {
            String category = null;
            Leaf percent = null;
            while (c.nextChild()) {
              switch (c.local()) {
                case "ID" -> category = category == null ? c.text() : skipKeep(c, category);
                case "Percent" -> percent = percent == null ? leaf(c, null) : skipKeep(c, percent);
                default -> c.skip();
              }
            }
            if (item.taxCategory == null && item.taxPercent == null) {
              item.taxCategory = category;
              item.taxPercent = percent;
            }
          }
          default -> c.skip();
        }
      }
    }

    Line line(LineItem item, String at, String note) {
      String id = text(item.id);
      if (id == null) {
        finding(OrderRules.MANDATORY, null, at + "/cbc:ID", item.line, "is missing");
      }
      BigDecimal quantity = amount(item.quantity, id, at + "/cbc:Quantity");
      String unit = item.quantity == null ? null : item.quantity.attribute();
      if (item.quantity == null) {
        finding(OrderRules.MANDATORY, id, at + "/cbc:Quantity", item.line, "is missing: the ordered quantity is needed");
      } else if (unit == null) {
        finding(OrderRules.MANDATORY, id, at + "/cbc:Quantity/@unitCode", item.quantity.line(), "is missing");
      }
      if (quantity != null && quantity.signum() < 0) {
        finding(OrderRules.QUANTITY_NOT_NEGATIVE, id, at + "/cbc:Quantity", item.quantity.line(),
            "the ordered quantity " + quantity.toPlainString() + " is negative");
      } else if (quantity != null && quantity.signum() == 0) {
        finding(OrderRules.QUANTITY_POSITIVE, id, at + "/cbc:Quantity", item.quantity.line(),
            "the ordered quantity is zero");
      }
      BigDecimal lineAmount = amount(item.lineAmount, id, at + "/cbc:LineExtensionAmount");
      BigDecimal priceAmount = amount(item.priceAmount, id, at + "/cac:Price/cbc:PriceAmount");
      if (priceAmount != null && priceAmount.signum() < 0) {
        finding(OrderRules.PRICE_NOT_NEGATIVE, id, at + "/cac:Price/cbc:PriceAmount", item.priceAmount.line(),
            "the net price " + priceAmount.toPlainString() + " is negative");
      }
      BigDecimal baseQuantity = amount(item.baseQuantity, id, at + "/cac:Price/cbc:BaseQuantity");
      if (baseQuantity != null && baseQuantity.signum() <= 0) {
        finding(OrderRules.BASE_QUANTITY_POSITIVE, id, at + "/cac:Price/cbc:BaseQuantity", item.baseQuantity.line(),
            "the base quantity must be above zero, not " + baseQuantity.toPlainString());
      }
      lineAmountRule(item, id, at, quantity, lineAmount, priceAmount, baseQuantity);
      if (item.name == null) {
        finding(OrderRules.MANDATORY, id, at + "/cac:Item/cbc:Name", item.hasItem ? item.itemLine : item.line,
            "is missing");
      }
      BigDecimal taxPercent = amount(item.taxPercent, id, at + "/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent");
      return new Line(id, quantity, unit, lineAmount, priceAmount, baseQuantity, item.name, item.description,
          item.sellersId, null, item.buyersId, identifier(item.standardId), item.manufacturersId,
          item.classifications, item.taxCategory, taxPercent, note, item.line);
    }

    /** PEPPOL-T01-R024 as the schematron states it: absent amount 0, absent quantity 1, absent price 0. */
    void lineAmountRule(LineItem item, String id, String at, BigDecimal quantity, BigDecimal lineAmount,
                        BigDecimal price, BigDecimal baseQuantity) {
      if (format != OrderFormat.PEPPOL_BIS3) {
        return; // a BIS 3 rule; BIS 28A v1 states no such arithmetic on order lines
      }
      BigDecimal amount = lineAmount == null ? BigDecimal.ZERO : lineAmount;
      BigDecimal q = quantity == null ? BigDecimal.ONE : quantity;
      BigDecimal p = price == null ? BigDecimal.ZERO : price;
      BigDecimal base = baseQuantity == null || baseQuantity.signum() == 0 ? BigDecimal.ONE : baseQuantity;
      BigDecimal allowances = sum(item.allowances, id, at);
      BigDecimal charges = sum(item.charges, id, at);
      BigDecimal expected = q.multiply(p).divide(base, 10, RoundingMode.HALF_UP)
          .add(round2(charges)).subtract(round2(allowances));
      if (amount.subtract(expected).abs().compareTo(LINE_AMOUNT_SLACK) > 0) {
        finding(OrderRules.LINE_AMOUNT, id, at + "/cbc:LineExtensionAmount", item.line, "the line amount "
            + amount.toPlainString() + " is not quantity × price ÷ base quantity + charges − allowances = "
            + expected.setScale(2, RoundingMode.HALF_UP).toPlainString());
      }
    }

    BigDecimal sum(List<Leaf> amounts, String id, String at) {
      BigDecimal total = BigDecimal.ZERO;
      for (Leaf a : amounts) {
        BigDecimal value = amount(a, id, at + "/cac:AllowanceCharge/cbc:Amount");
        if (value != null) {
          total = total.add(value);
        }
      }
      return total;
    }

    Totals totals(Map<String, Leaf> t, int line, List<Line> lines) {
      String at = "/Order/cac:AnticipatedMonetaryTotal/cbc:";
      BigDecimal lineExtension = amount(t.get("LineExtensionAmount"), null, at + "LineExtensionAmount");
      BigDecimal taxExclusive = amount(t.get("TaxExclusiveAmount"), null, at + "TaxExclusiveAmount");
      BigDecimal taxInclusive = amount(t.get("TaxInclusiveAmount"), null, at + "TaxInclusiveAmount");
      BigDecimal allowanceTotal = amount(t.get("AllowanceTotalAmount"), null, at + "AllowanceTotalAmount");
      BigDecimal chargeTotal = amount(t.get("ChargeTotalAmount"), null, at + "ChargeTotalAmount");
      BigDecimal prepaid = amount(t.get("PrepaidAmount"), null, at + "PrepaidAmount");
      BigDecimal rounding = amount(t.get("PayableRoundingAmount"), null, at + "PayableRoundingAmount");
      BigDecimal payable = amount(t.get("PayableAmount"), null, at + "PayableAmount");
      if (lineExtension == null) {
        finding(OrderRules.MANDATORY, null, at + "LineExtensionAmount", line, "is missing");
      }
      if (payable == null) {
        finding(OrderRules.MANDATORY, null, at + "PayableAmount", line, "is missing");
      }
      if (format == OrderFormat.PEPPOL_BIS3) {
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

    /** The first occurrence of each child of the current element, by local name, as leaves. */
    static Map<String, Leaf> leaves(UblCursor c) throws XMLStreamException {
      Map<String, Leaf> found = new HashMap<>();
      while (c.nextChild()) {
        if (found.containsKey(c.local())) {
          c.skip();
        } else {
          found.put(c.local(), leaf(c, null));
        }
      }
      return found;
    }

    static Leaf leaf(UblCursor c, String attribute) throws XMLStreamException {
      int line = c.line();
      String value = attribute == null ? null : c.attribute(attribute);
      return new Leaf(c.text(), line, value);
    }

    /** The text of the first child named {@code local} of the current element; the rest is passed over. */
    static String childText(UblCursor c, String local) throws XMLStreamException {
      String text = null;
      boolean seen = false;
      while (c.nextChild()) {
        if (!seen && c.local().equals(local)) {
          seen = true;
          text = c.text();
        } else {
          c.skip();
        }
      }
      return text;
    }

    /** A repeated element the model holds once: passed over, the first value kept. */
    static <T> T skipKeep(UblCursor c, T kept) throws XMLStreamException {
      c.skip();
      return kept;
    }

    static String text(Leaf leaf) {
      return leaf == null ? null : leaf.text();
    }

    static Identifier identifier(Leaf leaf) {
      return leaf == null || leaf.text() == null ? null : new Identifier(leaf.text(), leaf.attribute());
    }

    BigDecimal amount(Leaf leaf, String lineId, String at) {
      if (leaf == null || leaf.text() == null) {
        return null;
      }
      BigDecimal value = Numbers.decimal(leaf.text());
      if (value == null) {
        finding(OrderRules.FORMAT, lineId, at, leaf.line(), "is not a decimal number: '" + leaf.text() + "'");
      }
      return value;
    }

    LocalDate date(Leaf leaf, String at) {
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
    String mandatory(Leaf leaf, int parentLine, String at) {
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
}
