package org.punchgate.cartreturn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.cxml.CxmlConformance;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.cxml.CxmlSetupHttp;
import org.punchgate.cxml.CxmlSetupService;
import org.punchgate.cxml.CxmlStartPage;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.json.Json;
import org.punchgate.lambda.HttpFunction;
import org.punchgate.oci.OciLogin;
import org.punchgate.oci.OciLoginHttp;
import org.punchgate.oci.OciHtmlForms;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;

/**
 * The shop API events of {@code events/} through the cart-return handler, for sessions opened by the real
 * login services from the login events: an OCI 4.0 call-up and a cXML PunchOutSetupRequest (create, edit,
 * inspect). The returned page is read the way a browser submits it, and a cXML message is decoded and read
 * back to the cart the shop sent.
 */
class CartReturnHandlerTest {

  private static final String TOKEN_PLACEHOLDER = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.REPLACE-WITH-THE-PUNCHOUT-TOKEN.signature";
  private static final String SESSION_PLACEHOLDER = "REPLACE-WITH-SESSION-ID";

  private final InMemoryWiring memory = new InMemoryWiring();
  private final CartReturnHandler handler = new CartReturnHandler(memory.wiring);

  private record Login(String sessionId, String token) {}

  static APIGatewayV2HTTPEvent event(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("../../events", name))) {
      return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, CartReturnHandlerTest.class.getClassLoader())
          .fromJson(in);
    }
  }

  /** A shop API event for this session and token: the placeholders replaced. */
  private static APIGatewayV2HTTPEvent shopEvent(String name, Login login) throws IOException {
    APIGatewayV2HTTPEvent event = event(name);
    event.setRawPath(event.getRawPath().replace(SESSION_PLACEHOLDER, login.sessionId()));
    event.getRequestContext().getHttp().setPath(event.getRawPath());
    event.setPathParameters(Map.of("sessionId", login.sessionId()));
    assertEquals("Bearer " + TOKEN_PLACEHOLDER, event.getHeaders().get("authorization"));
    event.getHeaders().put("authorization", "Bearer " + login.token());
    return event;
  }

  private APIGatewayV2HTTPResponse call(String eventName, Login login) throws IOException {
    return handler.handleRequest(shopEvent(eventName, login), null);
  }

  private APIGatewayV2HTTPResponse transfer(Login login, String body) throws IOException {
    APIGatewayV2HTTPEvent event = shopEvent("shop-cart-transfer.json", login);
    event.setBody(body);
    return handler.handleRequest(event, null);
  }

  private static Cart eventCart() throws IOException {
    CartJson.Submission submission = CartJson.read(Json.parse(event("shop-cart-transfer.json").getBody()
        .getBytes(StandardCharsets.UTF_8)));
    assertTrue(submission.valid(), submission.violations().toString());
    return submission.cart();
  }

  /** OCI 4.0 login from {@code oci-login-get.json}: the token comes with the redirect to the shop. */
  private Login ociLogin() throws IOException {
    memory.connections.put(Fixtures.ociConnection("demo-oci4", ConnectionFormat.OCI_4_0));
    OciLoginHttp login = new OciLoginHttp(new OciLogin(memory.connections, memory.sessions, memory.wiring.tokens(),
        memory.wiring.ids(), memory.clock), 1 << 20);
    HttpResponse redirect = login.login(HttpFunction.toRequest(event("oci-login-get.json")));
    assertEquals(302, redirect.status());
    return new Login(redirect.sessionId(), tokenOf(redirect.headers().get("location")));
  }

  /**
   * cXML setup from a login event (the text replaced where asked), then the StartPage opened as the browser
   * would: the token comes with the redirect to the shop.
   */
  private Login cxmlLogin(String encoding, String eventName, String from, String to) throws IOException {
    memory.connections.put(Fixtures.cxmlConnection("demo-cxml", encoding));
    CxmlSetupHttp setup = new CxmlSetupHttp(new CxmlSetupService(memory.connections, memory.sessions,
        memory.wiring.ids(), memory.clock), memory.wiring.ids(), memory.clock, memory.wiring.config().publicBaseUrl(),
        1 << 20);
    APIGatewayV2HTTPEvent event = event(eventName);
    event.setBody(event.getBody().replace(from, to));
    HttpResponse answer = setup.handle(HttpFunction.toRequest(event));
    var response = (CxmlPayload.Response) ((CxmlReader.Result.Read) CxmlReader.read(answer.body())).document().payload();
    assertEquals(200, response.status().code(), response.status().toString());
    URI startPage = URI.create(response.startPageUrl());
    HttpResponse redirect = new CxmlStartPage(memory.sessions, memory.wiring.tokens(), memory.wiring.ids(), memory.clock)
        .handle(new HttpRequest("GET", startPage.getPath(), Map.of(), startPage.getRawQuery(), Map.of(), null));
    assertEquals(302, redirect.status());
    return new Login(answer.sessionId(), tokenOf(redirect.headers().get("location")));
  }

  private Login cxmlCreate(String encoding) throws IOException {
    return cxmlLogin(encoding, "cxml-setup-create.json", "", "");
  }

  private static String tokenOf(String location) {
    return URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + "punchout_token=".length()),
        StandardCharsets.US_ASCII);
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    assertTrue(response.getHeaders().get("content-type").startsWith("application/json"), response.getHeaders().toString());
    return Json.parse(response.getBody().getBytes(StandardCharsets.UTF_8));
  }

  /** The one form of a return page, as the browser would submit it. */
  private static OciHtmlForms.Form form(APIGatewayV2HTTPResponse page) {
    assertEquals(200, page.getStatusCode(), page.getBody());
    assertTrue(page.getHeaders().get("content-type").startsWith("text/html"), page.getHeaders().toString());
    String html = page.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(page.getBody()), StandardCharsets.UTF_8) : page.getBody();
    List<OciHtmlForms.Form> forms = OciHtmlForms.extract(html);
    assertEquals(1, forms.size(), html);
    return forms.get(0);
  }

  /** The PunchOutOrderMessage a return page posts, decoded from its field and checked against the DTD. */
  private static CxmlPayload.PunchOutOrderMessage orderMessage(OciHtmlForms.Form form, String field) {
    assertEquals(1, form.fields().size(), form.fields().toString());
    String value = form.fields().first(field);
    assertNotNull(value, "the page posts " + field);
    byte[] document = CxmlSettings.BASE64.equals(field)
        ? Base64.getMimeDecoder().decode(value) : value.getBytes(StandardCharsets.UTF_8);
    if (conformanceAvailable()) {
      assertEquals(List.of(), CxmlConformance.dtdErrors(document), new String(document, StandardCharsets.UTF_8));
    }
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(document));
    return assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class, read.document().payload());
  }

  private static void assertSameLines(Cart expected, Cart actual) {
    assertEquals(expected.lines().size(), actual.lines().size());
    for (int i = 0; i < expected.lines().size(); i++) {
      CartLine e = expected.lines().get(i);
      CartLine a = actual.lines().get(i);
      String at = "line " + (i + 1);
      assertEquals(e.sku(), a.sku(), at);
      assertEquals(0, e.quantity().compareTo(a.quantity()), at);
      assertEquals(0, e.unitPrice().compareTo(a.unitPrice()), at);
      assertEquals(0, priceUnit(e).compareTo(priceUnit(a)), at + ": a price unit travels as PriceBasisQuantity");
      assertEquals(e.unit(), a.unit(), at);
      assertEquals(e.description(), a.description(), at);
      assertEquals(e.classification(), a.classification(), at);
      assertEquals(e.manufacturerSku(), a.manufacturerSku(), at);
      assertEquals(e.manufacturer(), a.manufacturer(), at);
      assertEquals(e.leadTimeDays(), a.leadTimeDays(), at);
      assertEquals(e.currency(), a.currency(), at);
    }
  }

  private static BigDecimal priceUnit(CartLine line) {
    return line.priceUnit() == null ? BigDecimal.ONE : line.priceUnit();
  }

  @Test
  void ociSessionInfoAndCartPageForAnOci40Session() throws IOException {
    Login login = ociLogin();
    JsonNode info = json(call("shop-session-info.json", login));
    assertEquals(login.sessionId(), info.get("sessionId").asText());
    assertEquals("OCI_4_0", info.get("format").asText());
    assertEquals("OPEN", info.get("status").asText());
    assertFalse(info.has("operation"), "operation belongs to cXML sessions");

    OciHtmlForms.Form form = form(call("shop-cart-transfer.json", login));
    assertEquals("http://localhost:3000/buyer/hook", form.action());
    assertEquals("_top", form.target());
    assertEquals("events", form.fields().first("sim"), "the HOOK_URL's query comes back as fields");
    assertEquals("DRL-18V-BL", form.fields().first("NEW_ITEM-VENDORMAT[1]"));
    assertEquals("Akku-Bohrschrauber 18 V b\u00fcrstenlos, 2 Ak", form.fields().first("NEW_ITEM-DESCRIPTION[1]"),
        "cut to the 40 characters of the OCI field");
    assertEquals("1000", form.fields().first("NEW_ITEM-QUANTITY[2]").strip());
    assertEquals("TRANSFERRED", json(call("shop-session-info.json", login)).get("status").asText());
  }

  @Test
  void cxmlSessionInfoTellsTheShopWhatTheSetupRequestSaid() throws IOException {
    Login login = cxmlCreate(CxmlSettings.BASE64);
    JsonNode info = json(call("shop-session-info.json", login));
    assertEquals("CXML", info.get("format").asText());
    assertEquals("acme-buyers", info.get("userGroup").asText());
    assertEquals("jane.mueller@acme.example", info.get("user").asText());
    assertEquals("create", info.get("operation").asText());
    assertFalse(info.get("readOnly").asBoolean());
    assertEquals("M\u00fcller", info.get("extrinsics").get("LastName").asText());
    assertEquals("CC-4711 Werkstatt", info.get("extrinsics").get("CostCenter").asText());
    assertEquals("K\u00f6ln", info.get("shipTo").get("city").asText());
    assertEquals("DE", info.get("shipTo").get("countryCode").asText());
    assertFalse(info.has("initialCart"));
  }

  @Test
  void cxmlCartGoesBackAsBase64OrderMessageThatReadsBackToTheSameCart() throws IOException {
    Login login = cxmlCreate(CxmlSettings.BASE64);
    OciHtmlForms.Form form = form(call("shop-cart-transfer.json", login));
    assertEquals("http://localhost:3000/buyer/cxml/return", form.action());
    CxmlPayload.PunchOutOrderMessage message = orderMessage(form, CxmlSettings.BASE64);
    assertEquals("demo-cart-2026-11-23-0001", message.buyerCookie());
    assertEquals(PunchOutOperation.EDIT, message.operationAllowed(), "a created cart may be edited later");
    assertEquals("EUR", message.totalCurrency());
    Cart sent = eventCart();
    assertEquals(0, sent.itemTotal().compareTo(message.total()), "Total is the exact sum: 2 x 189.90 + 1000 x 1.25 / 100");
    assertSameLines(sent, message.cart());
    assertEquals(SessionStatus.TRANSFERRED, memory.sessions.find(login.sessionId()).orElseThrow().status());
  }

  @Test
  void cxmlCartGoesBackAsUrlencodedOrderMessageThatReadsBackToTheSameCart() throws IOException {
    Login login = cxmlCreate(CxmlSettings.URLENCODED);
    APIGatewayV2HTTPResponse page = call("shop-cart-transfer.json", login);
    assertTrue(page.getBody().contains("name=\"cxml-urlencoded\" value=\"&lt;?xml"), "the document is HTML-escaped");
    CxmlPayload.PunchOutOrderMessage message = orderMessage(form(page), CxmlSettings.URLENCODED);
    assertEquals("demo-cart-2026-11-23-0001", message.buyerCookie());
    assertSameLines(eventCart(), message.cart());
  }

  @Test
  void anEditSessionOffersTheBuyersLinesAndAllowsEditingLater() throws IOException {
    Login login = cxmlLogin(CxmlSettings.BASE64, "cxml-setup-edit.json", "", "");
    JsonNode info = json(call("shop-session-info.json", login));
    assertEquals("edit", info.get("operation").asText());
    JsonNode lines = info.get("initialCart").get("lines");
    assertEquals(2, lines.size());
    assertEquals("DRL-18V-KIT", lines.get(0).get("sku").asText());
    assertEquals("session=4f1c;line=1", lines.get(0).get("auxiliaryId").asText());
    CxmlPayload.PunchOutOrderMessage message = orderMessage(form(call("shop-cart-transfer.json", login)), CxmlSettings.BASE64);
    assertEquals(PunchOutOperation.EDIT, message.operationAllowed());
  }

  @Test
  void anInspectSessionIsReadOnly() throws IOException {
    Login login = cxmlLogin(CxmlSettings.BASE64, "cxml-setup-edit.json", "operation=\"edit\"", "operation=\"inspect\"");
    JsonNode info = json(call("shop-session-info.json", login));
    assertEquals("inspect", info.get("operation").asText());
    assertTrue(info.get("readOnly").asBoolean());
    assertEquals(2, info.get("initialCart").get("lines").size());
    APIGatewayV2HTTPResponse refused = call("shop-cart-transfer.json", login);
    assertEquals(409, refused.getStatusCode());
    assertTrue(refused.getHeaders().get("content-type").startsWith("application/problem+json"));
    assertTrue(refused.getBody().contains("{\\\"cancel\\\":true,\\\"currency\\\":"), "the problem says how to close it: " + refused.getBody());
    assertEquals(SessionStatus.OPEN, memory.sessions.find(login.sessionId()).orElseThrow().status());
  }

  @Test
  void aCancelSendsAnOrderMessageWithoutItemsAndClosesTheSession() throws IOException {
    Login login = cxmlCreate(CxmlSettings.BASE64);
    CxmlPayload.PunchOutOrderMessage message = orderMessage(form(transfer(login, "{\"cancel\": true, \"currency\": \"EUR\"}")),
        CxmlSettings.BASE64);
    assertEquals("demo-cart-2026-11-23-0001", message.buyerCookie());
    assertTrue(message.cart().lines().isEmpty());
    assertEquals(0, message.total().signum());
    assertEquals(SessionStatus.CANCELLED, memory.sessions.find(login.sessionId()).orElseThrow().status());
    assertEquals("CANCELLED", json(call("shop-session-info.json", login)).get("status").asText());
  }

  @Test
  void anInspectSessionMayBeClosedWithACancel() throws IOException {
    Login login = cxmlLogin(CxmlSettings.BASE64, "cxml-setup-edit.json", "operation=\"edit\"", "operation=\"inspect\"");
    CxmlPayload.PunchOutOrderMessage message = orderMessage(form(transfer(login, "{\"cancel\": true, \"currency\": \"EUR\"}")), CxmlSettings.BASE64);
    assertEquals(PunchOutOperation.INSPECT, message.operationAllowed());
    assertTrue(message.cart().lines().isEmpty());
    assertEquals(SessionStatus.CANCELLED, memory.sessions.find(login.sessionId()).orElseThrow().status());
  }

  @Test
  void theEventsPlaceholderTokenIsRefused() throws IOException {
    Login login = cxmlCreate(CxmlSettings.BASE64);
    APIGatewayV2HTTPResponse refused = call("shop-session-info.json", new Login(login.sessionId(), TOKEN_PLACEHOLDER));
    assertEquals(401, refused.getStatusCode());
  }

  private static boolean conformanceAvailable() {
    String dir = System.getProperty("punchgate.conformance.dir");
    return dir != null && Files.isDirectory(Path.of(dir, "cxml", "dtd"));
  }
}
