package org.punchgate.punchin;

import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

/**
 * Tells from the document itself which order format it is (SPECS §2.4, §4.1, §4.4), with {@link SecureXml} (no
 * DTDs or entities, size and depth limits, the document's own encoding: UTF-8 with or without BOM, ISO-8859-1,
 * UTF-16). A cXML DOCTYPE is accepted and never loaded. Anything that is not an order we read is refused with a
 * finding that says precisely what it is instead.
 *
 * <p>A UBL order is told by its first elements (CustomizationID, ProfileID) on a streaming cursor, so the
 * 1,000-line order is not parsed twice: {@link UblOrderReader} reads it in one pass, and reports input that turns
 * out malformed further on. A refused document is read to its end first, so malformed input is always refused as
 * malformed, whatever else is wrong with it. A cXML document is read into a tree, which the cXML reader walks.
 */
public final class OrderSniffer {

  private static final Set<String> UBL_HEAD = Set.of("UBLExtensions", "UBLVersionID", "CustomizationID", "ProfileID");

  private OrderSniffer() {}

  /** The outcome: an order of a known format, ready for its reader, or why not. */
  public sealed interface Sniffed {

    /** An order of a format we read. */
    sealed interface Order extends Sniffed {
      OrderFormat format();
    }

    /** A UBL order (PEPPOL BIS 3 or BIS 28A), for {@link UblOrderReader#read(OrderFormat, byte[])}. */
    record Ubl(OrderFormat format, byte[] document) implements Order {}

    /** A cXML OrderRequest, read into a tree for {@link CxmlOrderRequestReader}. */
    record Cxml(SecureXml.Parsed.Document document) implements Order {
      @Override
      public OrderFormat format() {
        return OrderFormat.CXML;
      }
    }

    record Refused(OrderFinding reason) implements Sniffed {}
  }

  public static Sniffed sniff(byte[] document) {
    XMLStreamReader stream = null;
    try {
      stream = SecureXml.stream(document);
      UblCursor cursor = new UblCursor(stream, (currency, at) -> { });
      if (!cursor.root()) {
        return refused(OrderRules.MALFORMED, "/", -1, "not well-formed or not acceptable XML: no root element");
      }
      String root = cursor.local();
      Sniffed sniffed = switch (root) {
        case "cXML" -> cxml(document);
        case "Order" -> ubl(cursor, document);
        default -> refused(OrderRules.NOT_AN_ORDER, cursor.path(), cursor.line(),
            "a document with root element " + root + " is neither a UBL Order nor a cXML OrderRequest");
      };
      if (sniffed instanceof Sniffed.Refused) {
        while (stream.hasNext()) {
          stream.next(); // a refusal names malformed input as such: read on to the end
        }
      }
      return sniffed;
    } catch (XMLStreamException | RuntimeException e) {
      // the JDK parser reports some malformed input (bad encodings, limits) as unchecked exceptions
      SecureXml.Parsed.Malformed m = SecureXml.malformed(e);
      return refused(OrderRules.MALFORMED, "/", m.line(), "not well-formed or not acceptable XML: " + m.message());
    } finally {
      if (stream != null) {
        try {
          stream.close();
        } catch (XMLStreamException ignored) {
          // nothing to release: the input is in memory
        }
      }
    }
  }

  private static Sniffed cxml(byte[] document) {
    SecureXml.Parsed parsed = SecureXml.parse(document);
    if (parsed instanceof SecureXml.Parsed.Malformed m) {
      return refused(OrderRules.MALFORMED, "/", m.line(), "not well-formed or not acceptable XML: " + m.message());
    }
    SecureXml.Parsed.Document doc = (SecureXml.Parsed.Document) parsed;
    XmlElement root = doc.root();
    XmlElement request = root.child("Request");
    if (request != null) {
      if (request.child("OrderRequest") != null) {
        return new Sniffed.Cxml(doc);
      }
      String what = request.children().isEmpty() ? "an empty Request" : "a " + request.children().get(0).name();
      return refused(OrderRules.NOT_AN_ORDER, "/cXML/Request", request.line(),
          "a cXML document with " + what + ", not an OrderRequest");
    }
    for (String kind : new String[] {"Message", "Response"}) {
      XmlElement body = root.child(kind);
      if (body != null) {
        return refused(OrderRules.NOT_AN_ORDER, "/cXML/" + kind, body.line(),
            "a cXML " + kind + ", not an OrderRequest");
      }
    }
    return refused(OrderRules.NOT_AN_ORDER, "/cXML", root.line(), "a cXML document without a Request");
  }

  private static Sniffed ubl(UblCursor cursor, byte[] document) throws XMLStreamException {
    int rootLine = cursor.line();
    String customization = null;
    String profile = null;
    int line = rootLine;
    // the header's first elements, in the UBL schema's order; the first other element ends the look
    while (cursor.nextChild() && UBL_HEAD.contains(cursor.local())) {
      switch (cursor.local()) {
        case "CustomizationID" -> {
          line = cursor.line();
          customization = cursor.text();
        }
        case "ProfileID" -> profile = cursor.text();
        default -> cursor.skip();
      }
      if (customization != null && profile != null) {
        break;
      }
    }
    if (customization == null) {
      return refused(OrderRules.MANDATORY, "/Order/cbc:CustomizationID", rootLine,
          "a UBL Order without CustomizationID: cannot tell PEPPOL BIS 3 from BIS 28A");
    }
    if (customization.startsWith(OrderIdentifiers.BIS3_ORDER_CUSTOMIZATION)) {
      if (profile == null || !OrderIdentifiers.BIS3_ORDER_PROFILES.contains(profile)) {
        return refused(OrderRules.PROFILE, "/Order/cbc:ProfileID", line,
            "a PEPPOL BIS 3 Order must name the profile order_only, ordering or advanced_ordering, not '"
                + profile + "'");
      }
      return new Sniffed.Ubl(OrderFormat.PEPPOL_BIS3, document);
    }
    if (customization.startsWith(OrderIdentifiers.BIS28A_ORDER_CUSTOMIZATION)) {
      if (!OrderIdentifiers.BIS28A_PROFILE.equals(profile)) {
        return refused(OrderRules.NOT_AN_ORDER, "/Order/cbc:ProfileID", line,
            "a BIS 28A Order must name the profile " + OrderIdentifiers.BIS28A_PROFILE + ", not '" + profile + "'");
      }
      return new Sniffed.Ubl(OrderFormat.BIS28A, document);
    }
    return refused(OrderRules.CUSTOMIZATION, "/Order/cbc:CustomizationID", line,
        "CustomizationID '" + customization + "' is neither a PEPPOL BIS 3 Order ("
            + OrderIdentifiers.BIS3_ORDER_CUSTOMIZATION + "...) nor a BIS 28A v1 Order");
  }

  private static Sniffed refused(String rule, String location, int line, String message) {
    return new Sniffed.Refused(new OrderFinding(rule, OrderFinding.Severity.FATAL, null, location, line, message));
  }
}
