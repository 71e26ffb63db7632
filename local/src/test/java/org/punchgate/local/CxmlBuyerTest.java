package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.cxml.CxmlConformance;
import org.punchgate.cxml.CxmlDocument;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.cxml.PunchOutOperation;
import org.punchgate.testing.Fixtures;

/** The setup requests the buyer simulator's cXML mode writes: valid against the DTD, read back as sent. */
class CxmlBuyerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static CxmlDocument read(byte[] document) {
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(document));
    return read.document();
  }

  @Test
  void createInIso88591KeepsTextTheCharsetCannotCarryAsReferences() {
    Map<String, String> extrinsics = new LinkedHashMap<>();
    extrinsics.put("UserEmail", "juergen.weiss@acme.example");
    extrinsics.put("LastName", "Wei\u00df");
    extrinsics.put("CostCenter", "4711 \u2013 Werkstatt K\u00f6ln");
    var request = new CxmlBuyer.SetupRequest(Fixtures.cxmlConnection("demo-cxml", CxmlSettings.BASE64),
        "demo-cxml-secret", "create", "cookie-1", extrinsics, "http://localhost:3000/buyer/cxml/return", null);
    byte[] bytes = request.write("1@buyer", NOW, StandardCharsets.ISO_8859_1);

    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertEquals(true, text.startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), text);
    assertEquals(true, text.contains("4711 &#8211; Werkstatt K\u00f6ln"), text);
    assertEquals(List.of(), CxmlConformance.dtdErrors(bytes), text);
    CxmlDocument document = read(bytes);
    var setup = assertInstanceOf(CxmlPayload.PunchOutSetupRequest.class, document.payload());
    assertEquals(PunchOutOperation.CREATE, setup.operation());
    assertEquals(extrinsics, setup.extrinsics());
    assertEquals("K\u00f6ln", setup.shipTo().city());
    assertEquals("cookie-1", setup.buyerCookie());
    assertEquals("demo-cxml-secret", document.header().sender().getFirst().sharedSecret());
    assertEquals("AN-DEMO-BUYER", document.header().from().getFirst().identity());
  }

  @Test
  void editSendsTheItemsReceivedLastTimeAsItemOut() {
    CartLine kit = new CartLine("1", null, "DRL-18V-KIT", "q=7&line=<1>", "Cordless drill driver 18 V, kit in case", null,
        new BigDecimal("2"), "EA", new BigDecimal("159.00"), null, "EUR", 3, "Voltara Tools", "VT-DD18-60K", null,
        new Classification("UNSPSC", "27112703"), null, null, null, null, null, null, false, Map.of());
    CartLine battery = new CartLine("2", "1", "BAT-18V-40", null, "Li-ion battery pack 18 V 4.0 Ah", null,
        new BigDecimal("4"), "EA", new BigDecimal("0"), null, "EUR", null, null, null, null,
        new Classification("UNSPSC", "26111701"), null, null, null, null, null, null, false, Map.of());
    CartLine screws = new CartLine("3", null, "SCR-4X40-TX", null, "Chipboard screw 4 x 40 mm", null,
        new BigDecimal("500"), "EA", new BigDecimal("5.40"), new BigDecimal("100"), "EUR", 2, null, null, null,
        new Classification("UNSPSC", "31161504"), null, null, null, null, null, null, false, Map.of());
    Cart last = new Cart("EUR", List.of(kit, battery, screws), null, null);
    var request = new CxmlBuyer.SetupRequest(Fixtures.cxmlConnection("demo-cxml", CxmlSettings.BASE64),
        "demo-cxml-secret", "edit", "cookie-2", Map.of(), "http://localhost:3000/buyer/cxml/return", last);
    byte[] bytes = request.write("2@buyer", NOW, StandardCharsets.UTF_8);

    assertEquals(List.of(), CxmlConformance.dtdErrors(bytes), new String(bytes, StandardCharsets.UTF_8));
    var setup = assertInstanceOf(CxmlPayload.PunchOutSetupRequest.class, read(bytes).payload());
    assertEquals(PunchOutOperation.EDIT, setup.operation());
    List<CartLine> items = setup.items().lines();
    assertEquals(3, items.size());
    assertEquals("q=7&line=<1>", items.get(0).auxiliaryId(), "the auxiliary id goes back as it came");
    assertEquals("1", items.get(1).parentLineId());
    assertEquals(0, new BigDecimal("500").compareTo(items.get(2).quantity()));
    assertEquals(0, new BigDecimal("100").compareTo(items.get(2).priceUnit()));
    assertEquals(new BigDecimal("5.40"), items.get(2).unitPrice());
    assertEquals(new Classification("UNSPSC", "27112703"), items.get(0).classification());
  }
}
