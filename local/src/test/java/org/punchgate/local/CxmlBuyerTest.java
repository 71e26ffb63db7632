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
import org.punchgate.connection.PunchOutOperation;
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
    CartLine kit = CartLine.builder()
        .lineId("1")
        .sku("DRL-18V-KIT")
        .auxiliaryId("q=7&line=<1>")
        .description("Cordless drill driver 18 V, kit in case")
        .quantity(new BigDecimal("2"))
        .unit("EA")
        .unitPrice(new BigDecimal("159.00"))
        .currency("EUR")
        .leadTimeDays(3)
        .manufacturer("Voltara Tools")
        .manufacturerSku("VT-DD18-60K")
        .classification(new Classification("UNSPSC", "27112703"))
        .attributes(Map.of())
        .build();
    CartLine battery = CartLine.builder()
        .lineId("2")
        .parentLineId("1")
        .sku("BAT-18V-40")
        .description("Li-ion battery pack 18 V 4.0 Ah")
        .quantity(new BigDecimal("4"))
        .unit("EA")
        .unitPrice(new BigDecimal("0"))
        .currency("EUR")
        .classification(new Classification("UNSPSC", "26111701"))
        .attributes(Map.of())
        .build();
    CartLine screws = CartLine.builder()
        .lineId("3")
        .sku("SCR-4X40-TX")
        .description("Chipboard screw 4 x 40 mm")
        .quantity(new BigDecimal("500"))
        .unit("EA")
        .unitPrice(new BigDecimal("5.40"))
        .priceUnit(new BigDecimal("100"))
        .currency("EUR")
        .leadTimeDays(2)
        .classification(new Classification("UNSPSC", "31161504"))
        .attributes(Map.of())
        .build();
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
