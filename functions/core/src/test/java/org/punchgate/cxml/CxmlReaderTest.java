package org.punchgate.cxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.PunchOutOperation;

class CxmlReaderTest {

  static CxmlDocument read(byte[] xml) {
    CxmlReader.Result result = CxmlReader.read(xml);
    if (result instanceof CxmlReader.Result.Invalid invalid) {
      throw new AssertionError("not read: " + invalid.violations());
    }
    return ((CxmlReader.Result.Read) result).document();
  }

  static List<String> violations(String xml) {
    CxmlReader.Result result = CxmlReader.read(xml.getBytes(StandardCharsets.UTF_8));
    return assertInstanceOf(CxmlReader.Result.Invalid.class, result).violations().stream().map(Object::toString).toList();
  }

  @Test
  void readsEverySampleOfTheConformanceFolder() throws Exception {
    for (Path sample : CxmlConformance.samples()) {
      CxmlDocument doc = read(Files.readAllBytes(sample));
      String name = sample.getFileName().toString();
      CxmlPayload payload = doc.payload();
      if (name.contains("punchoutsetuprequest")) {
        assertInstanceOf(CxmlPayload.PunchOutSetupRequest.class, payload, name);
      } else if (name.contains("punchoutordermessage")) {
        assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class, payload, name);
      } else if (name.contains("response")) {
        assertInstanceOf(CxmlPayload.Response.class, payload, name);
      } else {
        // OrderRequest, ConfirmationRequest, ShipNoticeRequest, StatusUpdateRequest: read, not handled here
        assertInstanceOf(CxmlPayload.Other.class, payload, name);
      }
    }
  }

  @Test
  void readsASetupRequestWithExtrinsicsAndShipTo() {
    CxmlDocument doc = read(CxmlConformance.sample("cxml-1.2.040-punchoutsetuprequest-create-extrinsics-shipto.xml"));
    assertEquals("1539050765.0492@example.com", doc.payloadId());
    assertEquals("1.2.040", doc.version(), "version from the DOCTYPE when the attribute is absent");
    assertEquals("production", doc.deploymentMode());
    assertEquals("NetworkId", doc.header().sender().get(0).domain());
    assertEquals("buyer", doc.header().sender().get(0).identity());
    assertEquals("jd8je3$ndP", doc.header().sender().get(0).sharedSecret());
    assertEquals("Application Name v1.2.3", doc.header().userAgent());
    assertEquals("DUNS", doc.header().to().get(0).domain());
    var setup = assertInstanceOf(CxmlPayload.PunchOutSetupRequest.class, doc.payload());
    assertEquals(PunchOutOperation.CREATE, setup.operation());
    assertEquals("550bce3e592023b2e7b015307f965133", setup.buyerCookie());
    assertEquals(Map.of("UserEmail", "jdoe@example.com", "FirstName", "John", "LastName", "Doe",
        "PhoneNumber", "555-555-5555"), setup.extrinsics());
    assertEquals("https://example.com/cxml_cart", setup.browserFormPostUrl());
    assertEquals("TEST", setup.shipTo().addressId());
    assertEquals("My Address", setup.shipTo().name());
    assertEquals(List.of("123 Street Address"), setup.shipTo().street());
    assertEquals("Mountain View", setup.shipTo().city());
    assertEquals("US", setup.shipTo().countryCode());
    assertTrue(setup.items().isEmpty());
    assertTrue(doc.header().sender().get(0).toString().contains("***"));
    assertTrue(!doc.header().sender().get(0).toString().contains("jd8je3"), "toString never shows the secret");
  }

  @Test
  void readsItemOutLinesAsACart() {
    CxmlDocument doc = read(CxmlConformance.sample("cxml-1.2.050-punchoutsetuprequest-create-shipto-selecteditem-itemout.xml"));
    assertEquals("test", doc.deploymentMode());
    assertEquals("en-US", doc.lang());
    var setup = assertInstanceOf(CxmlPayload.PunchOutSetupRequest.class, doc.payload());
    assertEquals("4545321", setup.selectedItem().supplierPartId());
    assertEquals("http://workchairs.com/cxml", setup.supplierSetupUrl());
    assertEquals(List.of("Joe Smith", "Mailstop M-543"), setup.shipTo().deliverTo());
    assertEquals("EUR", setup.items().currency());
    assertEquals(2, setup.items().lines().size());
    CartLine first = setup.items().lines().get(0);
    assertEquals("10", first.lineId());
    assertEquals("5555", first.sku());
    assertEquals(new BigDecimal("2"), first.quantity());
    assertEquals(new BigDecimal("763.20"), first.unitPrice());
    assertEquals("EA", first.unit());
    assertEquals("Excelsior Desk Chair", first.description());
    assertEquals(new Classification("UNSPSC", "ean1234"), first.classification());
    assertEquals("20", setup.items().lines().get(1).lineId());
  }

  @Test
  void toleratesWhitespaceAroundUrlsAndNoDoctype() {
    CxmlDocument doc = read(CxmlConformance.sample("cxml-punchoutsetuprequest-create-minimal.xml"));
    assertNull(doc.version());
    var setup = assertInstanceOf(CxmlPayload.PunchOutSetupRequest.class, doc.payload());
    assertEquals("http://return_to_supplier_url.com", setup.browserFormPostUrl());
    assertEquals("demoSCAWIGP", setup.buyerCookie());
    assertEquals("IESAnetworkUserID", doc.header().sender().get(0).domain());
    assertEquals("88888888", doc.header().sender().get(0).identity());
  }

  @Test
  void readsAnOrderMessageWithCdataAndPriceBasisQuantity() {
    var poom = assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class,
        read(CxmlConformance.sample("cxml-1.2.050-punchoutordermessage-2-items-cdata.xml")).payload());
    assertEquals("1CX3L4843PPZO", poom.buyerCookie());
    assertEquals(PunchOutOperation.CREATE, poom.operationAllowed());
    assertEquals(new BigDecimal("763.20"), poom.total());
    assertEquals("USD", poom.totalCurrency());
    assertEquals("Excelsior Desk Chair", poom.cart().lines().get(0).description());
    assertEquals("KD5555", poom.cart().lines().get(0).buyerSku());
    var basis = assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class,
        read(CxmlConformance.sample("cxml-1.2.050-punchoutordermessage-pricebasisquantity.xml")).payload());
    assertEquals(0, new BigDecimal("4").compareTo(basis.cart().lines().get(0).priceUnit()),
        "2 BOX at conversionFactor 0.5 per EA: the price is for 4 EA");
  }

  @Test
  void readsTheStartPageOfASetupResponse() {
    var response = assertInstanceOf(CxmlPayload.Response.class,
        read(CxmlConformance.sample("cxml-1.2.040-punchoutsetupresponse-200.xml")).payload());
    assertEquals(200, response.status().code());
    assertEquals("PunchOutSetupResponse", response.responseName());
    assertEquals("https://www.example.com/punchout?sid=76857247543634381", response.startPageUrl());
  }

  @Test
  void keepsABuyerCookieWithMarkupAsXml() {
    String xml = setupRequest("<BuyerCookie><x a=\"1\">A&amp;B</x> tail</BuyerCookie>", "");
    var setup = assertInstanceOf(CxmlPayload.PunchOutSetupRequest.class, read(xml.getBytes(StandardCharsets.UTF_8)).payload());
    assertEquals("<x a=\"1\">A&amp;B</x> tail", setup.buyerCookie());
  }

  @Test
  void keepsAnAuxiliaryIdExactly() {
    String item = "<ItemOut quantity=\"1\"><ItemID><SupplierPartID>A</SupplierPartID>"
        + "<SupplierPartAuxiliaryID> 42|x&amp;y  </SupplierPartAuxiliaryID></ItemID></ItemOut>";
    var setup = assertInstanceOf(CxmlPayload.PunchOutSetupRequest.class,
        read(setupRequest("<BuyerCookie>c</BuyerCookie>", item).getBytes(StandardCharsets.UTF_8)).payload());
    assertEquals(" 42|x&y  ", setup.items().lines().get(0).auxiliaryId());
  }

  @Test
  void namesMissingAndWrongPartsPrecisely() {
    List<String> v = violations(setupRequest("", "<ItemOut quantity=\"-1\"><ItemID/></ItemOut>")
        .replace("operation=\"create\"", "operation=\"delete\""));
    assertTrue(v.stream().anyMatch(s -> s.startsWith("/cXML/Request/PunchOutSetupRequest/@operation")), v::toString);
    assertTrue(v.stream().anyMatch(s -> s.startsWith("/cXML/Request/PunchOutSetupRequest/BuyerCookie")), v::toString);
    assertTrue(v.stream().anyMatch(s -> s.startsWith("/cXML/Request/PunchOutSetupRequest/ItemOut[1]/@quantity")), v::toString);
    assertTrue(v.stream().anyMatch(s -> s.startsWith("/cXML/Request/PunchOutSetupRequest/ItemOut[1]/ItemID/SupplierPartID")), v::toString);
  }

  @Test
  void refusesADocumentThatIsNotCxml() {
    assertTrue(violations("<html/>").get(0).contains("must be cXML"));
    assertTrue(violations("<cXML payloadID=\"1\" timestamp=\"t\"/>").get(0).contains("neither Request"));
    assertTrue(violations("not xml").get(0).contains("not well-formed"));
  }

  static String setupRequest(String cookie, String items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cXML payloadID=\"p@x\" timestamp=\"2025-01-01T00:00:00+00:00\">"
        + "<Header><From><Credential domain=\"NetworkID\"><Identity>buyer</Identity></Credential></From>"
        + "<To><Credential domain=\"DUNS\"><Identity>supplier</Identity></Credential></To>"
        + "<Sender><Credential domain=\"NetworkID\"><Identity>buyer</Identity><SharedSecret>s</SharedSecret></Credential>"
        + "<UserAgent>t</UserAgent></Sender></Header><Request><PunchOutSetupRequest operation=\"create\">" + cookie
        + "<BrowserFormPost><URL>https://buyer.example/return</URL></BrowserFormPost>" + items
        + "</PunchOutSetupRequest></Request></cXML>";
  }
}
