package org.punchgate.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.punchgate.punchin.OrderIdentifiers;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

/**
 * The gateway's answer to a PunchIn order as the buyer's system reads it: a UBL OrderResponse (PEPPOL BIS 3 codes
 * AB / AP / RE / CA with UNCL1229 line codes, or BIS 28A's UNCL1225 codes on header and lines) or a cXML Response
 * Status, with the meaning of each code spelled out for the simulator's page.
 */
record PunchInAnswer(Kind kind, String code, String codeList, String meaning, List<String> notes,
                     List<Line> lines, String problem) {

  enum Kind { UBL_ORDER_RESPONSE, CXML_RESPONSE, UNREADABLE }

  /** A response line: the order line it answers, its code and what the gateway changed. */
  record Line(String lineId, String code, String meaning, String note, String quantity, String price) {}

  /** BIS 3 header codes (UNCL4343 subset, SPECS §4.3). */
  private static final Map<String, String> BIS3 = Map.of(
      OrderIdentifiers.RESPONSE_RECEIVED, "received, the decision is left to a person",
      OrderIdentifiers.RESPONSE_ACCEPTED, "accepted as ordered",
      OrderIdentifiers.RESPONSE_REJECTED, "rejected",
      OrderIdentifiers.RESPONSE_ACCEPTED_WITH_CHANGES, "accepted with changes");
  /** BIS 3 line codes (UNCL1229 subset). */
  private static final Map<String, String> BIS3_LINES = Map.of(
      OrderIdentifiers.LINE_ACCEPTED, "accepted",
      OrderIdentifiers.LINE_NOT_ACCEPTED, "not accepted",
      OrderIdentifiers.LINE_CHANGED, "changed");
  /** BIS 28A codes on header and lines (UNCL1225, SPECS §4.4). */
  private static final Map<String, String> UNCL1225 = Map.of(
      OrderIdentifiers.UNCL1225_ACCEPTED, "accepted",
      OrderIdentifiers.UNCL1225_NOT_ACCEPTED, "not accepted",
      OrderIdentifiers.UNCL1225_ACCEPTED_WITH_AMENDMENT, "accepted with amendment");
  /** cXML Status codes the import answers with (SPECS §2.5). */
  private static final Map<String, String> CXML = Map.of(
      "200", "OK: accepted", "201", "Accepted: received, the decision follows later", "400", "Bad Request: rejected",
      "401", "Unauthorized: unknown Sender or wrong SharedSecret", "406", "Not Acceptable: not a request taken here");

  static PunchInAnswer read(byte[] body) {
    if (!(SecureXml.parse(body) instanceof SecureXml.Parsed.Document document)) {
      return unreadable("the answer is not well-formed XML");
    }
    XmlElement root = document.root();
    return switch (local(root)) {
      case "OrderResponse" -> orderResponse(root);
      case "cXML" -> cxml(root);
      default -> unreadable("the answer is a " + root.name() + ", neither an OrderResponse nor a cXML Response");
    };
  }

  private static PunchInAnswer orderResponse(XmlElement root) {
    XmlElement header = child(root, "OrderResponseCode");
    String code = header == null ? null : header.allText().strip();
    boolean uncl1225 = header != null && OrderIdentifiers.UNCL1225.equals(header.attribute("listID"));
    List<String> notes = new ArrayList<>();
    for (XmlElement e : root.children()) {
      if (local(e).equals("Note")) {
        notes.add(e.allText().strip());
      }
    }
    List<Line> lines = new ArrayList<>();
    for (XmlElement orderLine : root.children()) {
      if (!local(orderLine).equals("OrderLine")) {
        continue;
      }
      XmlElement item = child(orderLine, "LineItem");
      XmlElement reference = child(orderLine, "OrderLineReference");
      String lineId = reference != null ? text(child(reference, "LineID")) : text(child(item, "ID"));
      String lineCode = text(child(item, "LineStatusCode"));
      XmlElement quantity = child(item, "Quantity");
      XmlElement price = child(item, "Price");
      lines.add(new Line(lineId, lineCode, (uncl1225 ? UNCL1225 : BIS3_LINES).getOrDefault(lineCode, "unknown code"),
          text(child(item, "Note")), quantity == null ? null : text(quantity) + " " + quantity.attribute("unitCode"),
          price == null ? null : text(child(price, "PriceAmount"))
              + (child(price, "BaseQuantity") == null ? "" : " per " + text(child(price, "BaseQuantity")))));
    }
    return new PunchInAnswer(Kind.UBL_ORDER_RESPONSE, code, uncl1225 ? "UNCL1225" : "UNCL4343",
        (uncl1225 ? UNCL1225 : BIS3).getOrDefault(code, "unknown code"), notes, lines, null);
  }

  private static PunchInAnswer cxml(XmlElement root) {
    XmlElement response = child(root, "Response");
    XmlElement status = response == null ? null : child(response, "Status");
    if (status == null) {
      return unreadable("a cXML document without Response/Status");
    }
    String code = status.attribute("code");
    List<String> notes = new ArrayList<>();
    if (status.attribute("text") != null) {
      notes.add(status.attribute("text"));
    }
    if (!status.allText().isBlank()) {
      notes.add(status.allText().strip());
    }
    return new PunchInAnswer(Kind.CXML_RESPONSE, code, "cXML Status", CXML.getOrDefault(code, "see the cXML status list"),
        notes, List.of(), null);
  }

  private static PunchInAnswer unreadable(String problem) {
    return new PunchInAnswer(Kind.UNREADABLE, null, null, null, List.of(), List.of(), problem);
  }

  /** The name without its prefix: senders choose prefixes freely. */
  private static String local(XmlElement e) {
    String name = e.name();
    return name.substring(name.indexOf(':') + 1);
  }

  private static XmlElement child(XmlElement parent, String local) {
    if (parent == null) {
      return null;
    }
    for (XmlElement e : parent.children()) {
      if (local(e).equals(local)) {
        return e;
      }
    }
    return null;
  }

  private static String text(XmlElement e) {
    return e == null ? null : e.allText().strip();
  }
}
