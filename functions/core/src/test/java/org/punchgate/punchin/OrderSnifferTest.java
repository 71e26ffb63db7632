package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.punchin.PunchInFixtures.resource;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OrderSnifferTest {

  private static final String BIS3 = new String(resource("bis3-order.xml"), StandardCharsets.UTF_8);

  @Test
  void tellsTheThreeOrderFormatsApart() {
    assertEquals(OrderFormat.PEPPOL_BIS3, format(resource("bis3-order.xml")));
    assertEquals(OrderFormat.BIS28A, format(resource("bis28a-order.xml")));
    assertEquals(OrderFormat.CXML, format(resource("cxml-orderrequest-iso-8859-1.xml")));
  }

  @Test
  void acceptsExtendedCustomizationIdsByPrefix() {
    String ehf = BIS3.replace("urn:fdc:peppol.eu:poacc:trns:order:3<",
        "urn:fdc:peppol.eu:poacc:trns:order:3:extended:urn:fdc:anskaffelser.no:2019:ehf:spec:3.0<");
    assertEquals(OrderFormat.PEPPOL_BIS3, format(ehf.getBytes(StandardCharsets.UTF_8)));
    String ehf1 = new String(resource("bis28a-order.xml"), StandardCharsets.UTF_8).replace("peppol28a:ver1.0<",
        "peppol28a:ver1.0:extended:urn:www.difi.no:ehf:ordre:ver1.0<");
    assertEquals(OrderFormat.BIS28A, format(ehf1.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesAProfileOutsideTheOrderingProfilesWithR031() {
    String invoicing = BIS3.replace("urn:fdc:peppol.eu:poacc:bis:ordering:3", "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
    assertRefused(invoicing.getBytes(StandardCharsets.UTF_8), OrderRules.PROFILE, "billing");
  }

  @Test
  void refusesOtherCustomizationsWithR034() {
    String punchOut = BIS3.replace("urn:fdc:peppol.eu:poacc:trns:order:3", "urn:fdc:peppol.eu:poacc:trns:punch_out:3");
    assertRefused(punchOut.getBytes(StandardCharsets.UTF_8), OrderRules.CUSTOMIZATION, "punch_out");
  }

  @Test
  void refusesOtherDocumentsSayingWhatTheyAre() {
    assertRefused("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>".getBytes(StandardCharsets.UTF_8),
        OrderRules.NOT_AN_ORDER, "root element Invoice");
    String setup = """
        <cXML payloadID="1@x" timestamp="2026-11-23T10:00:00+00:00"><Header/><Request>
        <PunchOutSetupRequest operation="create"/></Request></cXML>""";
    assertRefused(setup.getBytes(StandardCharsets.UTF_8), OrderRules.NOT_AN_ORDER, "PunchOutSetupRequest, not an OrderRequest");
    assertRefused("not xml".getBytes(StandardCharsets.UTF_8), OrderRules.MALFORMED, "not well-formed");
    assertRefused(BIS3.replace("<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>", "")
        .getBytes(StandardCharsets.UTF_8), OrderRules.MANDATORY, "without CustomizationID");
  }

  @Test
  void refusesExternalEntitiesWithoutReadingThem() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE Order [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <Order xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID><cbc:Note>&xxe;</cbc:Note>
        </Order>""";
    OrderFinding f = assertRefused(xxe.getBytes(StandardCharsets.UTF_8), OrderRules.MALFORMED, "");
    assertTrue(!f.message().contains("root:"), f.message());
  }

  @Test
  void refusesEntityExpansion() {
    String lol = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <Order><cbc:Note xmlns:cbc="urn:x">&lol3;</cbc:Note></Order>""";
    assertRefused(lol.getBytes(StandardCharsets.UTF_8), OrderRules.MALFORMED, "");
    String undeclared = "<Order><Note>&lol;</Note></Order>";
    assertRefused(undeclared.getBytes(StandardCharsets.UTF_8), OrderRules.MALFORMED, "");
  }

  @Test
  void refusesHugeDepth() {
    String deep = "<Order>" + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</Order>";
    assertRefused(deep.getBytes(StandardCharsets.UTF_8), OrderRules.MALFORMED, "");
  }

  @Test
  void acceptsACxmlDoctypeWithoutLoadingIt() {
    // the system id points nowhere reachable: a loaded DTD would fail or hang, an ignored one changes nothing
    String cxml = new String(resource("cxml-orderrequest-iso-8859-1.xml"), StandardCharsets.ISO_8859_1)
        .replace("http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd", "http://192.0.2.1/cXML/1.2.050/cXML.dtd");
    assertEquals(OrderFormat.CXML, format(cxml.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static OrderFormat format(byte[] document) {
    return assertInstanceOf(OrderSniffer.Sniffed.Order.class, OrderSniffer.sniff(document)).format();
  }

  private static OrderFinding assertRefused(byte[] document, String rule, String text) {
    OrderFinding f = assertInstanceOf(OrderSniffer.Sniffed.Refused.class, OrderSniffer.sniff(document)).reason();
    assertEquals(rule, f.ruleId(), f::toString);
    assertTrue(f.message().contains(text), f::toString);
    return f;
  }
}
