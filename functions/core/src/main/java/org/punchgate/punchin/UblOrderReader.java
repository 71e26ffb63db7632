package org.punchgate.punchin;

import static org.punchgate.punchin.UblLeaf.childText;
import static org.punchgate.punchin.UblLeaf.leaf;
import static org.punchgate.punchin.UblLeaf.leaves;
import static org.punchgate.punchin.UblLeaf.skipKeep;
import static org.punchgate.punchin.UblLeaf.text;

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
import org.punchgate.punchin.OrderFinding.Severity;
import org.punchgate.punchin.PunchInOrder.Delivery;
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

  private UblOrderReader() {}

  /** Reads the order document {@code document}, whose format {@link OrderSniffer} told. */
  public static OrderReading read(OrderFormat format, byte[] document) {
    UblFindings checks = new UblFindings(format);
    XMLStreamReader stream = null;
    try {
      stream = SecureXml.stream(document);
      UblCursor cursor = new UblCursor(stream, checks);
      if (!cursor.root()) {
        return malformed(checks, "no root element", -1);
      }
      return new Reading(checks).order(cursor);
    } catch (XMLStreamException | RuntimeException e) {
      // the JDK parser reports some malformed input (bad encodings, limits) as unchecked exceptions
      SecureXml.Parsed.Malformed m = SecureXml.malformed(e);
      return malformed(checks, m.message(), m.line());
    } finally {
      close(stream);
    }
  }

  /**
   * Reads the Order element {@code at} is positioned on (its start tag just read), leaving the cursor after
   * its end tag: for orders embedded in another document, such as a rule test set.
   */
  public static OrderReading read(OrderFormat format, XMLStreamReader at) throws XMLStreamException {
    UblFindings checks = new UblFindings(format);
    UblCursor cursor = new UblCursor(at, checks);
    cursor.enterCurrent();
    return new Reading(checks).order(cursor);
  }

  private static OrderReading malformed(UblFindings checks, String message, int line) {
    checks.findings.clear();
    checks.findings.add(new OrderFinding(OrderRules.MALFORMED, Severity.FATAL, null, "/", line,
        "not well-formed or not acceptable XML: " + message));
    return new OrderReading(new PunchInOrder(checks.format, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, References.NONE, List.of(), null), checks.findings);
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

  /** The children of the Order element as they stream by: the first of each kind the model holds once. */
  private static final class Reading {
    final UblFindings checks;
    final UblParties parties;
    final UblLines orderLines;
    final Map<String, UblLeaf> header = new HashMap<>();
    Party buyer;
    Party seller;
    int buyerSeen;
    int sellerSeen;
    Delivery delivery;
    String quotation;
    String catalogue;
    String orderDocument;
    String contract;
    final List<Line> lines = new ArrayList<>();
    final Set<String> lineIds = new HashSet<>();
    int lineCount;
    Map<String, UblLeaf> totals;
    int totalsLine = -1;

    Reading(UblFindings checks) {
      this.checks = checks;
      this.parties = new UblParties(checks);
      this.orderLines = new UblLines(checks);
    }

    OrderReading order(UblCursor c) throws XMLStreamException {
      int rootLine = c.line();
      while (c.nextChild()) {
        child(c);
      }
      return new OrderReading(order(rootLine), checks.findings);
    }

    private void child(UblCursor c) throws XMLStreamException {
      String local = c.local();
      switch (local) {
        case "CustomizationID", "ProfileID", "ID", "IssueDate", "IssueTime", "OrderTypeCode", "CustomerReference",
             "AccountingCost", "Note", "DocumentCurrencyCode" -> headerLeaf(c, local);
        case "BuyerCustomerParty" -> {
          if (buyerSeen++ == 0) {
            buyer = parties.partyOf(c, "BuyerCustomerParty");
          } else {
            c.skip();
          }
        }
        case "SellerSupplierParty" -> {
          if (sellerSeen++ == 0) {
            seller = parties.partyOf(c, "SellerSupplierParty");
          } else {
            c.skip();
          }
        }
        case "Delivery" -> delivery = delivery == null ? parties.delivery(c) : skipKeep(c, delivery);
        case "QuotationDocumentReference" -> quotation = quotation == null ? childText(c, "ID") : skipKeep(c, quotation);
        case "CatalogueReference" -> catalogue = catalogue == null ? childText(c, "ID") : skipKeep(c, catalogue);
        case "OrderDocumentReference" ->
            orderDocument = orderDocument == null ? childText(c, "ID") : skipKeep(c, orderDocument);
        case "Contract" -> contract = contract == null ? childText(c, "ID") : skipKeep(c, contract);
        case "OrderLine" -> orderLine(c);
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

    private void headerLeaf(UblCursor c, String local) throws XMLStreamException {
      if (header.containsKey(local)) {
        c.skip();
        return;
      }
      UblLeaf leaf = leaf(c, null);
      header.put(local, leaf);
      if (local.equals("DocumentCurrencyCode")) {
        checks.documentCurrency(leaf.text());
      }
    }

    private void orderLine(UblCursor c) throws XMLStreamException {
      lineCount++;
      Line line = orderLines.orderLine(c, lineCount);
      if (line != null) {
        if (line.id() != null && !lineIds.add(line.id())) {
          checks.finding(OrderRules.UNIQUE_LINE_ID, line.id(), "/Order/cac:OrderLine[" + lineCount + "]/cac:LineItem/cbc:ID",
              line.sourceLine(), "line id '" + line.id() + "' is used by more than one order line");
        }
        lines.add(line);
      }
    }

    /** The order as read, once the Order element has ended: the checks that need all of it run here. */
    private PunchInOrder order(int rootLine) {
      if (buyerSeen == 0) {
        checks.finding(OrderRules.MANDATORY, null, "/Order/cac:BuyerCustomerParty/cac:Party", rootLine, "is missing");
      }
      if (sellerSeen == 0) {
        checks.finding(OrderRules.MANDATORY, null, "/Order/cac:SellerSupplierParty/cac:Party", rootLine, "is missing");
      }
      String id = checks.mandatory(header.get("ID"), rootLine, "/Order/cbc:ID");
      checks.mandatory(header.get("IssueDate"), rootLine, "/Order/cbc:IssueDate");
      LocalDate issueDate = checks.date(header.get("IssueDate"), "/Order/cbc:IssueDate");
      LocalTime issueTime = issueTime(header.get("IssueTime"));
      String currencyCode = checks.mandatory(header.get("DocumentCurrencyCode"), rootLine, "/Order/cbc:DocumentCurrencyCode");
      if (lineCount == 0) {
        checks.finding(OrderRules.MANDATORY, null, "/Order/cac:OrderLine", rootLine, "an order needs at least one line");
      }
      Totals total = totals == null ? null : new UblTotals(checks).totals(totals, totalsLine, lines);
      String orderType = text(header.get("OrderTypeCode"));
      return new PunchInOrder(checks.format, text(header.get("CustomizationID")), text(header.get("ProfileID")),
          id, issueDate, issueTime, currencyCode, orderType == null ? OrderIdentifiers.DEFAULT_ORDER_TYPE : orderType,
          text(header.get("CustomerReference")), text(header.get("AccountingCost")), text(header.get("Note")), null,
          buyer, seller, delivery, new References(quotation, catalogue, orderDocument, contract, null), lines, total);
    }

    private LocalTime issueTime(UblLeaf timeLeaf) {
      if (timeLeaf == null || timeLeaf.text() == null) {
        return null;
      }
      LocalTime issueTime = Numbers.time(timeLeaf.text());
      if (issueTime == null) {
        checks.finding(OrderRules.FORMAT, null, "/Order/cbc:IssueTime", timeLeaf.line(),
            "is not a time: '" + timeLeaf.text() + "'");
      }
      return issueTime;
    }
  }
}
