package org.punchgate.cxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.returnform.ReturnFormPage;
import org.punchgate.security.RandomIds;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.connection.CxmlSettings;

class CxmlCartRendererTest {

  private final Clock clock = Clock.fixed(CxmlFixtures.t0(), ZoneOffset.UTC);
  private final CxmlCartRenderer renderer =
      new CxmlCartRenderer(new PayloadIds(new RandomIds(), clock, "gateway.example"), clock);

  private static Session session(Connection connection, String operation, String cookie) {
    Map<String, String> callUp = new LinkedHashMap<>();
    callUp.put("buyerCookie", cookie);
    callUp.put("browserFormPost", "https://procurement.buyer.example/hook-url?x=1&y=2");
    callUp.put("operation", operation);
    callUp.put("deploymentMode", "test");
    callUp.put("payloadID", "933695160890");
    callUp.put("fromDomain", "NetworkId");
    callUp.put("fromIdentity", "punchout@procurement.buyer.example");
    return new Session("s1", connection, "jdoe@example.com", SessionStatus.OPEN, CxmlFixtures.t0(),
        CxmlFixtures.t0().plusSeconds(3600), CallUp.fromStored(ConnectionFormat.CXML, callUp), Map.of(), null, null, null);
  }

  private static String documentOf(ReturnForm form) {
    ReturnForm.Field field = form.fields().get(0);
    return field.name().equals(CxmlSettings.BASE64)
        ? new String(Base64.getDecoder().decode(field.value()), StandardCharsets.UTF_8)
        : field.value();
  }

  private ReturnForm render(Session session, Cart cart, boolean cancel) {
    CartRenderer.Rendered rendered = renderer.render(session, cart, cancel);
    assertTrue(rendered.valid(), () -> rendered.violations().toString());
    return rendered.form();
  }

  private static CxmlPayload.PunchOutOrderMessage reparse(String document) {
    var result = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(document.getBytes(StandardCharsets.UTF_8)));
    return assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class, result.document().payload());
  }

  private static Cart richCart() {
    CartLine parent = CxmlFixtures.line("1", null, "KIT-1", "Desk kit", "1", "piece", "500.00");
    CartLine child = CxmlFixtures.line("2", "1", "LEG-1", "Desk leg", "4", "piece", "0");
    return new Cart("EUR", List.of(CxmlFixtures.full("3"), parent, child), new BigDecimal("9.90"), new BigDecimal("19.00"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.050", "1.2.063"})
  void writesAnOrderMessageValidAgainstTheDtdOfItsVersion(String version) {
    Connection connection = CxmlFixtures.connection(version, CxmlSettings.BASE64, null, true);
    ReturnForm form = render(session(connection, "create", "550bce3e"), richCart(), false);
    String document = documentOf(form);
    assertTrue(document.contains("<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/" + version + "/cXML.dtd\">"));
    assertEquals(List.of(), CxmlConformance.dtdErrors(document.getBytes(StandardCharsets.UTF_8)), document);
  }

  @Test
  void namesTheCartInSupplierOrderInfoSoThatTheOrderPingCanNameItBack() {
    Connection connection = CxmlFixtures.connection("1.2.063", CxmlSettings.BASE64, null, true);
    Session session = session(connection, "create", "550bce3e");
    String document = documentOf(render(session, richCart(), false));
    assertTrue(document.contains("<SupplierOrderInfo orderID=\"" + session.cartId() + "\""), document);
  }

  @Test
  void writesTheOldestVersionWithoutWhatItsDtdLacks() {
    Connection connection = CxmlFixtures.connection("1.2.014", CxmlSettings.BASE64, null, true);
    Cart cart = new Cart("EUR", List.of(CxmlFixtures.line("1", null, "A", "Chair", "2", "piece", "10.50")), null, null);
    String document = documentOf(render(session(connection, "create", "c"), cart, false));
    assertEquals(List.of(), CxmlConformance.dtdErrors(document.getBytes(StandardCharsets.UTF_8)), document);
    var refused = renderer.render(session(connection, "create", "c"), richCart(), false);
    assertFalse(refused.valid());
    assertTrue(refused.violations().stream().anyMatch(v -> v.location().equals("lines[2].parentLineId")), refused.violations()::toString);
    assertTrue(refused.violations().stream().anyMatch(v -> v.location().equals("lines[0].priceUnit")), refused.violations()::toString);
  }

  @Test
  void reReadsToTheSameCart() {
    Connection connection = CxmlFixtures.connection("1.2.063", CxmlSettings.BASE64, null, true);
    Cart cart = richCart();
    var poom = reparse(documentOf(render(session(connection, "create", "c"), cart, false)));
    assertEquals(new BigDecimal("503.7035"), cart.itemTotal(), "3 x 12.345 / 10 + 1 x 500.00; the child is inside its parent");
    assertEquals(new BigDecimal("503.70"), poom.total(), "rounded half-up to the cent");
    assertEquals(new BigDecimal("9.90"), poom.cart().shipping());
    assertEquals(new BigDecimal("19.00"), poom.cart().tax());
    assertEquals(3, poom.cart().lines().size());
    CartLine sent = cart.lines().get(0);
    CartLine back = poom.cart().lines().get(0);
    assertEquals(sent.lineId(), back.lineId());
    assertEquals(sent.sku(), back.sku());
    assertEquals(sent.auxiliaryId(), back.auxiliaryId(), "SupplierPartAuxiliaryID byte-exact, spaces and markup characters included");
    assertEquals(sent.description(), back.description());
    assertEquals(0, sent.quantity().compareTo(back.quantity()));
    assertEquals(0, sent.unitPrice().compareTo(back.unitPrice()));
    assertEquals(0, sent.priceUnit().compareTo(back.priceUnit()));
    assertEquals("BX", back.unit(), "the shop unit 'box' goes out as the buyer's 'BX'");
    assertEquals(sent.classification(), back.classification());
    assertEquals(sent.leadTimeDays(), back.leadTimeDays());
    assertEquals(sent.manufacturer(), back.manufacturer());
    assertEquals(sent.manufacturerSku(), back.manufacturerSku());
    assertEquals(sent.buyerSku(), back.buyerSku());
    assertTrue(back.service());
    assertEquals(Map.of("Color", "r\u00f6d", "Channel", "punchgate"), back.attributes());
    CartLine child = poom.cart().lines().get(2);
    assertEquals("2", child.lineId());
    assertEquals("1", child.parentLineId());
    assertEquals(new Classification("UNSPSC", "44120000"), child.classification(), "the connection's default classification");
  }

  @Test
  void postsBase64OfUtf8OrTheEscapedText() {
    Cart cart = new Cart("EUR", List.of(CxmlFixtures.full("1")), null, null);
    ReturnForm base64 = render(session(CxmlFixtures.connection("1.2.063", CxmlSettings.BASE64, null, true), "create", "c"), cart, false);
    assertEquals(CxmlSettings.BASE64, base64.fields().get(0).name());
    assertTrue(base64.fields().get(0).value().matches("[A-Za-z0-9+/=]+"));
    assertTrue(documentOf(base64).contains("Gr\u00f6\u00dfe \u20ac &amp; &lt;Co&gt;"));
    assertEquals("https://procurement.buyer.example/hook-url?x=1&y=2", base64.action());
    assertEquals(StandardCharsets.UTF_8, base64.charset());

    ReturnForm urlencoded = render(session(CxmlFixtures.connection("1.2.063", CxmlSettings.URLENCODED, null, true), "create", "c"), cart, false);
    assertEquals(CxmlSettings.URLENCODED, urlencoded.fields().get(0).name());
    String text = urlencoded.fields().get(0).value();
    assertTrue(text.startsWith("<?xml"));
    String html = ReturnFormPage.html(urlencoded);
    assertTrue(html.contains("&lt;?xml version=&quot;1.0&quot;"), "the page escapes the document once more");
    assertTrue(html.contains("&amp;amp; &amp;lt;Co&amp;gt;"), "& and < in content appear double-escaped in the HTML source");
    assertFalse(html.contains("<cXML"));
  }

  @Test
  void speaksAsTheSupplierToTheBuyerAndEchoesTheCookie() {
    String cookie = "A&amp;B &lt;tail&gt;";
    String document = documentOf(render(session(CxmlFixtures.connection("1.2.063", CxmlSettings.BASE64, null, true),
        "edit", cookie), new Cart("EUR", List.of(CxmlFixtures.full("1")), null, null), false));
    assertEquals(List.of(), CxmlConformance.dtdErrors(document.getBytes(StandardCharsets.UTF_8)), document);
    // a cookie holding markup (ANY content) comes back as the same markup
    String markup = "<x a=\"1\">A&amp;B</x> tail";
    String withMarkup = documentOf(render(session(CxmlFixtures.connection("1.2.063", CxmlSettings.BASE64, null, true),
        "edit", markup), new Cart("EUR", List.of(CxmlFixtures.full("1")), null, null), false));
    assertEquals(markup, reparse(withMarkup).buyerCookie());
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(document.getBytes(StandardCharsets.UTF_8))).document();
    assertEquals("supplier-duns", read.header().from().get(0).identity());
    assertEquals("punchout@procurement.buyer.example", read.header().to().get(0).identity());
    assertEquals("supplier-duns", read.header().sender().get(0).identity());
    assertNull(read.header().sender().get(0).sharedSecret(), "no shared secret travels through the browser");
    assertEquals("test", read.deploymentMode());
    assertTrue(read.payloadId().matches("\\d+\\.[A-Za-z0-9_-]+@gateway\\.example"), read.payloadId());
    assertTrue(document.contains("timestamp=\"2026-03-01T10:00:00+00:00\""));
    assertTrue(document.contains("inReplyTo=\"933695160890\""));
    var poom = assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class, read.payload());
    assertEquals(cookie, poom.buyerCookie());
    assertEquals(PunchOutOperation.EDIT, poom.operationAllowed());
  }

  /** A cart from a create or edit session may be edited later; one opened to inspect, only inspected. */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"create,edit", "edit,edit", "inspect,inspect"})
  void allowsTheBuyerToComeBackToTheCart(String operation, String allowed) {
    String document = documentOf(render(session(CxmlFixtures.connection("1.2.050", CxmlSettings.BASE64, null, true),
        operation, "c"), new Cart("EUR", List.of(CxmlFixtures.full("1")), null, null), false));
    assertEquals(allowed, reparse(document).operationAllowed().value());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"create,create,create", "edit,create,create", "create,inspect,inspect",
      "edit,inspect,inspect", "inspect,create,create", "inspect,edit,inspect"})
  void aConnectionCanLowerWhatTheBuyerMayDoLater(String operation, String ceiling, String allowed) {
    Connection c = CxmlFixtures.connection("1.2.050", CxmlSettings.BASE64, null, true);
    CxmlSettings x = c.cxml();
    Connection lowered = new Connection(c.id(), c.name(), c.active(), c.format(), c.userGroup(), c.loginParameters(),
        c.username(), c.secretHash(), c.allowedReturnOrigins(), c.shopStartUrl(), c.sessionLifetime(), c.fieldMapping(),
        c.unitMap(), c.defaultClassification(), new CxmlSettings(x.from(), x.sender(), x.to(), x.returnEncoding(),
        x.version(), x.extrinsicsToShop(), PunchOutOperation.of(ceiling).orElseThrow()));
    String document = documentOf(render(session(lowered, operation, "c"),
        new Cart("EUR", List.of(CxmlFixtures.full("1")), null, null), false));
    assertEquals(allowed, reparse(document).operationAllowed().value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.2.014", "1.2.050", "1.2.063"})
  void cancelSendsAnOrderMessageWithoutItems(String version) {
    Session session = session(CxmlFixtures.connection(version, CxmlSettings.BASE64, null, true), "create", "c");
    String document = documentOf(render(session, null, true));
    assertEquals(List.of(), CxmlConformance.dtdErrors(document.getBytes(StandardCharsets.UTF_8)), document);
    var poom = reparse(document);
    assertTrue(poom.cart().isEmpty());
    assertEquals(new BigDecimal("0.00"), poom.total());
    assertFalse(document.contains("<ItemIn"));
    String empty = documentOf(render(session, Cart.empty("EUR"), false));
    assertEquals("EUR", reparse(empty).totalCurrency());
  }

  @Test
  void namesTheLinesItCannotCarry() {
    CartLine noUnit = CartLine.builder()
        .lineId("1")
        .sku("A")
        .description("Chair")
        .quantity(BigDecimal.ONE)
        .unitPrice(BigDecimal.TEN)
        .currency("EUR")
        .attributes(Map.of())
        .build();
    CartLine noSku = CartLine.builder()
        .lineId("2")
        .quantity(BigDecimal.ZERO)
        .unit("EA")
        .currency("USD")
        .attributes(Map.of())
        .build();
    Connection connection = CxmlFixtures.connection("1.2.063", CxmlSettings.BASE64, null, true);
    Connection noDefault = new Connection(connection.id(), connection.name(), true, connection.format(),
        connection.userGroup(), null, null, null, connection.allowedReturnOrigins(), connection.shopStartUrl(), null,
        null, null, null, connection.cxml());
    var rendered = renderer.render(session(noDefault, "create", "c"), new Cart("EUR", List.of(noUnit, noSku), null, null), false);
    assertFalse(rendered.valid());
    List<String> locations = rendered.violations().stream().map(v -> v.location()).toList();
    assertTrue(locations.containsAll(List.of("lines[0].unit", "lines[0].classification", "lines[1].sku",
        "lines[1].description", "lines[1].quantity", "lines[1].unitPrice", "lines[1].currency")), locations::toString);
    assertNull(rendered.form());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
      "EUR, 186.875, 1.005, 0.125, 186.88, 1.01, 0.13",
      "JPY, 1000.5, 10.4, 0.5, 1001, 10, 1",
      "KWD, 1.23456, 0.0005, 0, 1.235, 0.001, 0.000",
      "EUR, 10, 0, 0, 10.00, 0.00, 0.00"})
  void totalShippingAndTaxAreRoundedHalfUpToTheCurrencysMinorUnitWhileUnitPricesStayExact(String currency,
      String unitPrice, String shipping, String tax, String total, String shippingShown, String taxShown) {
    var line = org.punchgate.cart.CartLine.builder().lineId("1").sku("A-1").description("Thing")
        .quantity(java.math.BigDecimal.ONE).unit("EA").unitPrice(new java.math.BigDecimal(unitPrice)).currency(currency)
        .attributes(Map.of()).build();
    String document = documentOf(render(session(CxmlFixtures.connection("1.2.050", CxmlSettings.BASE64, null, true),
        "create", "c"), new Cart(currency, List.of(line), new java.math.BigDecimal(shipping), new java.math.BigDecimal(tax)), false));
    var message = reparse(document);
    assertEquals(total, message.total().toPlainString());
    assertEquals(shippingShown, message.cart().shipping().toPlainString());
    assertEquals(taxShown, message.cart().tax().toPlainString());
    assertEquals(new java.math.BigDecimal(unitPrice).compareTo(message.cart().lines().get(0).unitPrice()), 0,
        "the unit price is exact");
  }
}
