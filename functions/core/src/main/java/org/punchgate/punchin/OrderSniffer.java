package org.punchgate.punchin;

import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

/**
 * Tells from the document itself which order format it is (SPECS §2.4, §4.1, §4.4), reading it once with
 * {@link SecureXml} (no DTDs or entities, size and depth limits, the document's own encoding: UTF-8 with or
 * without BOM, ISO-8859-1, UTF-16). A cXML DOCTYPE is accepted and never loaded. Anything that is not an
 * order we read is refused with a finding that says precisely what it is instead.
 */
public final class OrderSniffer {

  private OrderSniffer() {}

  /** The outcome: an order of a known format, with its parsed tree for the reader, or why not. */
  public sealed interface Sniffed {
    record Order(OrderFormat format, SecureXml.Parsed.Document document) implements Sniffed {}

    record Refused(OrderFinding reason) implements Sniffed {}
  }

  public static Sniffed sniff(byte[] document) {
    SecureXml.Parsed parsed = SecureXml.parse(document);
    if (parsed instanceof SecureXml.Parsed.Malformed m) {
      return refused(OrderRules.MALFORMED, "/", m.line(), "not well-formed or not acceptable XML: " + m.message());
    }
    SecureXml.Parsed.Document doc = (SecureXml.Parsed.Document) parsed;
    return sniff(doc);
  }

  /** Sniffs a document already read with {@link SecureXml}. */
  public static Sniffed sniff(SecureXml.Parsed.Document doc) {
    XmlElement root = doc.root();
    String rootName = UblTree.localName(root);
    return switch (rootName) {
      case "cXML" -> cxml(doc, root);
      case "Order" -> ubl(doc, root);
      default -> refused(OrderRules.NOT_AN_ORDER, "/" + root.name(), root.line(),
          "a document with root element " + rootName + " is neither a UBL Order nor a cXML OrderRequest");
    };
  }

  private static Sniffed cxml(SecureXml.Parsed.Document doc, XmlElement root) {
    XmlElement request = root.child("Request");
    if (request != null) {
      if (request.child("OrderRequest") != null) {
        return new Sniffed.Order(OrderFormat.CXML, doc);
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

  private static Sniffed ubl(SecureXml.Parsed.Document doc, XmlElement root) {
    XmlElement customizationElement = UblTree.child(root, "CustomizationID");
    String customization = UblTree.text(customizationElement);
    String profile = UblTree.text(root, "ProfileID");
    if (customization == null) {
      return refused(OrderRules.MANDATORY, "/Order/cbc:CustomizationID", root.line(),
          "a UBL Order without CustomizationID: cannot tell PEPPOL BIS 3 from BIS 28A");
    }
    int line = customizationElement.line();
    if (customization.startsWith(OrderIdentifiers.BIS3_ORDER_CUSTOMIZATION)) {
      if (profile == null || !OrderIdentifiers.BIS3_ORDER_PROFILES.contains(profile)) {
        return refused(OrderRules.PROFILE, "/Order/cbc:ProfileID", line,
            "a PEPPOL BIS 3 Order must name the profile order_only, ordering or advanced_ordering, not '"
                + profile + "'");
      }
      return new Sniffed.Order(OrderFormat.PEPPOL_BIS3, doc);
    }
    if (customization.startsWith(OrderIdentifiers.BIS28A_ORDER_CUSTOMIZATION)) {
      if (!OrderIdentifiers.BIS28A_PROFILE.equals(profile)) {
        return refused(OrderRules.NOT_AN_ORDER, "/Order/cbc:ProfileID", line,
            "a BIS 28A Order must name the profile " + OrderIdentifiers.BIS28A_PROFILE + ", not '" + profile + "'");
      }
      return new Sniffed.Order(OrderFormat.BIS28A, doc);
    }
    return refused(OrderRules.CUSTOMIZATION, "/Order/cbc:CustomizationID", line,
        "CustomizationID '" + customization + "' is neither a PEPPOL BIS 3 Order ("
            + OrderIdentifiers.BIS3_ORDER_CUSTOMIZATION + "...) nor a BIS 28A v1 Order");
  }

  private static Sniffed refused(String rule, String location, int line, String message) {
    return new Sniffed.Refused(new OrderFinding(rule, OrderFinding.Severity.FATAL, null, location, line, message));
  }
}
