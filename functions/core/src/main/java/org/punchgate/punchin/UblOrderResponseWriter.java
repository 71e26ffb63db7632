package org.punchgate.punchin;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.punchgate.punchin.OrderDecision.LineDecision;
import org.punchgate.punchin.OrderDecision.Outcome;
import org.punchgate.punchin.PunchInOrder.Identifier;
import org.punchgate.punchin.PunchInOrder.Line;
import org.punchgate.punchin.PunchInOrder.Party;
import org.punchgate.xml.XmlWriter;

/**
 * Writes the UBL OrderResponse that answers a UBL order, in the order's own generation:
 * <ul>
 *   <li>PEPPOL BIS 3 (T76, SPECS §4.3): {@code AB}, {@code AP} and {@code RE} without lines (RE with the
 *       reason as Note); {@code CA} with every order line and its LineStatusCode 5 / 7 / 3 and, for changed
 *       lines, the new quantity and price.</li>
 *   <li>BIS 28A v1 / Sveorder (SPECS §4.4): UNCL1225 codes 29 / 27 / 30 with {@code listID="UNCL1225"} on the
 *       header and on every line.</li>
 * </ul>
 * The seller and buyer parties echo the order's. Element order follows the UBL 2.1 OrderResponse schema.
 */
public final class UblOrderResponseWriter {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private UblOrderResponseWriter() {}

  /**
   * The response to {@code order}. A {@link Outcome#RECEIVED} answer exists only in BIS 3: BIS 28A v1 has no
   * acknowledgement code, so asking for one is a programming error.
   */
  public static String write(PunchInOrder order, OrderDecision decision) {
    boolean bis3 = switch (order.format()) {
      case PEPPOL_BIS3 -> true;
      case BIS28A -> false;
      case CXML -> throw new IllegalArgumentException("a cXML order is answered with a cXML Response");
    };
    if (!bis3 && decision.outcome() == Outcome.RECEIVED) {
      throw new IllegalArgumentException("BIS 28A v1 has no 'received' response code (UNCL1225)");
    }
    XmlWriter w = XmlWriter.document(1024 + 400 * order.lines().size());
    w.start("OrderResponse")
        .attribute("xmlns", OrderIdentifiers.NS_ORDER_RESPONSE)
        .attribute("xmlns:cac", OrderIdentifiers.NS_CAC)
        .attribute("xmlns:cbc", OrderIdentifiers.NS_CBC);
    if (!bis3) {
      w.element("cbc:UBLVersionID", OrderIdentifiers.UBL_VERSION);
    }
    w.element("cbc:CustomizationID", bis3 ? OrderIdentifiers.BIS3_ORDER_RESPONSE_CUSTOMIZATION
        : OrderIdentifiers.BIS28A_ORDER_RESPONSE_CUSTOMIZATION);
    w.element("cbc:ProfileID", bis3 ? OrderIdentifiers.BIS3_PROFILE_ORDERING : OrderIdentifiers.BIS28A_PROFILE);
    w.element("cbc:ID", decision.responseId());
    w.element("cbc:IssueDate", decision.issuedAt().toLocalDate().toString());
    w.element("cbc:IssueTime", TIME.format(decision.issuedAt()));
    if (bis3) {
      w.element("cbc:OrderResponseCode", bis3Code(decision.outcome()));
    } else {
      w.start("cbc:OrderResponseCode").attribute("listID", OrderIdentifiers.UNCL1225)
          .text(uncl1225(decision.outcome())).end();
    }
    w.element("cbc:Note", decision.reason());
    w.element("cbc:DocumentCurrencyCode", order.currency());
    w.element("cbc:CustomerReference", order.customerReference());
    w.start("cac:OrderReference").element("cbc:ID", order.id()).end();
    party(w, "cac:SellerSupplierParty", order.seller(), bis3);
    party(w, "cac:BuyerCustomerParty", order.buyer(), bis3);
    if (withLines(decision.outcome(), bis3)) {
      Map<String, LineDecision> byLine = new HashMap<>();
      for (LineDecision d : decision.lines()) {
        byLine.put(d.lineId(), d);
      }
      for (Line line : order.lines()) {
        LineDecision d = byLine.getOrDefault(line.id(), defaultFor(line.id(), decision.outcome()));
        line(w, order.currency(), line, d, bis3);
      }
    }
    w.end();
    return w.toString();
  }

  /** BIS 3 sends lines only with CA (T76-R007…R010); BIS 28A states every line's code. */
  private static boolean withLines(Outcome outcome, boolean bis3) {
    return bis3 ? outcome == Outcome.ACCEPTED_WITH_CHANGES : true;
  }

  /** A line the decision does not name shares the header's fate. */
  private static LineDecision defaultFor(String lineId, Outcome outcome) {
    return outcome == Outcome.REJECTED ? LineDecision.rejected(lineId, null) : LineDecision.accepted(lineId);
  }

  private static void party(XmlWriter w, String role, Party party, boolean bis3) {
    w.start(role).start("cac:Party");
    if (party != null) {
      Identifier endpoint = party.endpoint();
      if (endpoint != null) {
        w.start("cbc:EndpointID").attribute("schemeID", endpoint.scheme()).text(endpoint.value()).end();
      }
      for (Identifier id : party.identifiers()) {
        w.start("cac:PartyIdentification").start("cbc:ID").attribute("schemeID", id.scheme()).text(id.value())
            .end().end();
      }
      if (party.name() != null) {
        if (bis3) {
          w.start("cac:PartyLegalEntity").element("cbc:RegistrationName", party.name()).end();
        } else {
          w.start("cac:PartyName").element("cbc:Name", party.name()).end();
        }
      }
    }
    w.end().end();
  }

  private static void line(XmlWriter w, String currency, Line line, LineDecision d, boolean bis3) {
    w.start("cac:OrderLine").start("cac:LineItem");
    w.element("cbc:ID", line.id());
    w.element("cbc:Note", d.reason());
    if (bis3) {
      w.element("cbc:LineStatusCode", bis3LineCode(d.outcome()));
    } else {
      w.start("cbc:LineStatusCode").attribute("listID", OrderIdentifiers.UNCL1225).text(uncl1225(d.outcome())).end();
    }
    if (d.outcome() == OrderDecision.LineOutcome.CHANGED && d.quantity() != null) {
      w.start("cbc:Quantity").attribute("unitCode", line.unitCode()).text(d.quantity().toPlainString()).end();
    }
    if (d.outcome() == OrderDecision.LineOutcome.CHANGED && d.price() != null) {
      w.start("cac:Price");
      w.start("cbc:PriceAmount").attribute("currencyID", currency).text(d.price().toPlainString()).end();
      BigDecimal base = line.baseQuantity();
      if (base != null) {
        w.start("cbc:BaseQuantity").attribute("unitCode", line.unitCode()).text(base.toPlainString()).end();
      }
      w.end();
    }
    w.start("cac:Item");
    w.element("cbc:Name", line.name() == null ? line.sellersItemId() : line.name());
    if (line.sellersItemId() != null) {
      w.start("cac:SellersItemIdentification").element("cbc:ID", line.sellersItemId()).end();
    }
    w.end();
    w.end();
    w.start("cac:OrderLineReference").element("cbc:LineID", line.id()).end();
    w.end();
  }

  static String bis3Code(Outcome outcome) {
    return switch (outcome) {
      case RECEIVED -> OrderIdentifiers.RESPONSE_RECEIVED;
      case ACCEPTED -> OrderIdentifiers.RESPONSE_ACCEPTED;
      case REJECTED -> OrderIdentifiers.RESPONSE_REJECTED;
      case ACCEPTED_WITH_CHANGES -> OrderIdentifiers.RESPONSE_ACCEPTED_WITH_CHANGES;
    };
  }

  static String uncl1225(Outcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> OrderIdentifiers.UNCL1225_ACCEPTED;
      case REJECTED -> OrderIdentifiers.UNCL1225_NOT_ACCEPTED;
      case ACCEPTED_WITH_CHANGES -> OrderIdentifiers.UNCL1225_ACCEPTED_WITH_AMENDMENT;
      case RECEIVED -> throw new IllegalArgumentException("no UNCL1225 code for 'received'");
    };
  }

  static String bis3LineCode(OrderDecision.LineOutcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> OrderIdentifiers.LINE_ACCEPTED;
      case REJECTED -> OrderIdentifiers.LINE_NOT_ACCEPTED;
      case CHANGED -> OrderIdentifiers.LINE_CHANGED;
    };
  }

  static String uncl1225(OrderDecision.LineOutcome outcome) {
    return switch (outcome) {
      case ACCEPTED -> OrderIdentifiers.UNCL1225_ACCEPTED;
      case REJECTED -> OrderIdentifiers.UNCL1225_NOT_ACCEPTED;
      case CHANGED -> OrderIdentifiers.UNCL1225_ACCEPTED_WITH_AMENDMENT;
    };
  }
}
