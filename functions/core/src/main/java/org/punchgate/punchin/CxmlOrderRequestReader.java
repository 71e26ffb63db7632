package org.punchgate.punchin;

import static org.punchgate.punchin.CxmlOrderChecks.blankToNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
    final CxmlOrderChecks checks;

    Reading(List<OrderFinding> findings) {
      this.checks = new CxmlOrderChecks(findings);
    }

    /** What the OrderRequestHeader says; all null but the type when it is missing. */
    private record Header(String id, LocalDate date, LocalTime time, String type, String currency, BigDecimal total,
                          Delivery delivery, String billToName, String billToCountry, String note,
                          String supplierOrderId) {}

    PunchInOrder order(XmlElement orderRequest, CxmlDocument envelope, String payloadId) {
      if (orderRequest == null) {
        checks.finding(OrderRules.NOT_AN_ORDER, null, AT, null, "is missing");
        return new PunchInOrder(OrderFormat.CXML, null, null, null, null, null, null, null, null, null, null,
            payloadId, null, null, null, References.NONE, List.of(), null);
      }
      XmlElement headerElement = orderRequest.child("OrderRequestHeader");
      String at = AT + "/OrderRequestHeader";
      Header header;
      if (headerElement == null) {
        checks.finding(OrderRules.MANDATORY, null, at, orderRequest, "is missing");
        header = new Header(null, null, null, DEFAULT_TYPE, null, null, null, null, null, null, null);
      } else {
        header = header(headerElement, at);
      }
      CxmlHeader h = envelope == null ? null : envelope.header();
      Party buyer = new Party(null, h == null ? List.of() : identifiers(h.from()), header.billToName(),
          header.billToCountry());
      Party seller = new Party(null, h == null ? List.of() : identifiers(h.to()), null, null);
      List<Line> lines = new CxmlOrderLineReader(checks).lines(orderRequest, AT, header.currency());
      Totals totals = new Totals(null, null, null, null, null, null, null, header.total());
      return new PunchInOrder(OrderFormat.CXML, null, null, header.id(), header.date(), header.time(),
          header.currency(), header.type(), null, null, header.note(), payloadId, buyer, seller, header.delivery(),
          new References(null, null, null, null, header.supplierOrderId()), lines, totals);
    }

    private Header header(XmlElement header, String at) {
      String id = checks.required(header, at, "orderID");
      String orderDate = checks.required(header, at, "orderDate");
      OffsetDateTime dateTime = orderDate == null ? null : dateTime(orderDate);
      LocalDate date = dateTime != null ? dateTime.toLocalDate() : orderDate == null ? null : day(header, at, orderDate);
      LocalTime time = dateTime == null ? null : dateTime.toLocalTime();
      String t = header.attribute("type");
      String type = t != null && !t.isBlank() ? t.strip() : DEFAULT_TYPE;
      String currency = null;
      BigDecimal total = null;
      XmlElement money = header.child("Total") == null ? null : header.child("Total").child("Money");
      if (money == null) {
        checks.finding(OrderRules.MANDATORY, null, at + "/Total/Money", header, "is missing");
      } else {
        currency = blankToNull(money.attribute("currency"));
        total = checks.decimal(money, null, at + "/Total/Money");
        if (currency == null) {
          checks.finding(OrderRules.MANDATORY, null, at + "/Total/Money/@currency", money, "is missing");
        }
      }
      Delivery delivery = null;
      XmlElement shipTo = header.child("ShipTo");
      if (shipTo != null && shipTo.child("Address") != null) {
        CxmlAddress a = CxmlReader.address(shipTo.child("Address"));
        delivery = new Delivery(a.addressId() == null ? null : new Identifier(a.addressId(), null), a.name(),
            new Address(a.street(), a.city(), a.postalCode(), a.state(), a.countryCode()),
            Numbers.date(dayOf(header.attribute("requestedDeliveryDate"))), null);
      }
      XmlElement billTo = header.child("BillTo");
      CxmlAddress billToAddress = null;
      if (billTo == null || billTo.child("Address") == null) {
        checks.finding(OrderRules.MANDATORY, null, at + "/BillTo/Address", header, "is missing");
      } else {
        billToAddress = CxmlReader.address(billTo.child("Address"));
      }
      XmlElement comments = header.child("Comments");
      XmlElement supplierOrderInfo = header.child("SupplierOrderInfo");
      return new Header(id, date, time, type, currency, total, delivery,
          billToAddress == null ? null : billToAddress.name(), billToAddress == null ? null : billToAddress.countryCode(),
          comments == null ? null : blankToNull(comments.ownText()),
          supplierOrderInfo == null ? null : blankToNull(supplierOrderInfo.attribute("orderID")));
    }

    /** An orderDate that is no date-time: its first ten characters as a day, or a finding. */
    private LocalDate day(XmlElement header, String at, String orderDate) {
      LocalDate date = Numbers.date(orderDate.length() >= 10 ? orderDate.substring(0, 10) : orderDate);
      if (date == null) {
        checks.finding(OrderRules.FORMAT, null, at + "/@orderDate", header, "is not an ISO 8601 date: '" + orderDate + "'");
      }
      return date;
    }

    static List<Identifier> identifiers(List<CxmlHeader.SentCredential> credentials) {
      List<Identifier> ids = new ArrayList<>();
      for (CxmlHeader.SentCredential c : credentials) {
        if (c.identity() != null) {
          ids.add(new Identifier(c.identity(), c.domain()));
        }
      }
      return ids;
    }

    static OffsetDateTime dateTime(String text) {
      try {
        return OffsetDateTime.parse(text.strip());
      } catch (DateTimeParseException e) {
        try {
          return LocalDateTime.parse(text.strip()).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e2) {
          return null;
        }
      }
    }

    static String dayOf(String dateTime) {
      return dateTime == null || dateTime.strip().length() < 10 ? null : dateTime.strip().substring(0, 10);
    }
  }
}
