package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.cart.CartLine;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.cxml.CxmlConformance;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.json.Json;
import org.punchgate.oci.OciHtmlForms;
import org.punchgate.testing.Fixtures;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * cXML punchout end to end, over HTTP through the local runner (real handlers, moto for DynamoDB): a buyer's
 * system posts the setup requests of {@code events/} (their BrowserFormPost moved to the runner's port), the
 * browser opens the StartPage, the shop reads the session and posts a cart, and the order message the
 * gateway's page would post is decoded and read back. Then the same through the buyer simulator and the
 * demo shop, and every refusal, each of which must leave the sessions table as it was.
 */
@ExtendWith(LocalRunnerExtension.class)
class CxmlPunchoutIT {

  private static final String EVENT_FORM_POST = "http://localhost:3000/buyer/cxml/return";
  private static final String SECRET = "<SharedSecret>demo-cxml-secret</SharedSecret>";
  private static final String DOCTYPE = "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd\">";

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private record Session(String id, String token) {}

  // --- the documents -----------------------------------------------------------------------------------

  /** The cXML body of a sample event, its BrowserFormPost pointed at this runner. */
  private static String eventBody(LocalRunner runner, String name) throws IOException {
    JsonNode event = Json.parse(Files.readAllBytes(Path.of("../events", name)));
    return event.get("body").asText().replace(EVENT_FORM_POST, runner.baseUrl() + CxmlBuyer.RETURN_PATH);
  }

  private static String create(LocalRunner runner) throws IOException {
    return eventBody(runner, "cxml-setup-create.json");
  }

  /** The create request as the Coupa-like demo connection sends it: other credentials, urlencoded return. */
  private static String coupaCreate(LocalRunner runner) throws IOException {
    return create(runner).replace("<Credential domain=\"NetworkID\">\n        <Identity>AN-DEMO-BUYER</Identity>",
        "<Credential domain=\"DUNS\">\n        <Identity>987654321</Identity>").replace(SECRET,
        "<SharedSecret>demo-cxml-coupa-secret</SharedSecret>");
  }

  private static String cartJson() throws IOException {
    return Json.parse(Files.readAllBytes(Path.of("../events/shop-cart-transfer.json"))).get("body").asText();
  }

  // --- the calls ---------------------------------------------------------------------------------------

  private HttpResponse<byte[]> postXml(LocalRunner runner, byte[] body, String contentType) throws Exception {
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/cxml"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Posts a setup or profile request in UTF-8 and reads the cXML Response (always in HTTP 200). */
  private CxmlPayload.Response setup(LocalRunner runner, String document) throws Exception {
    return response(postXml(runner, document.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8"));
  }

  private static CxmlPayload.Response response(HttpResponse<byte[]> answer) {
    assertEquals(200, answer.statusCode(), "a cXML status travels in HTTP 200");
    assertTrue(answer.headers().firstValue("content-type").orElseThrow().startsWith("text/xml"));
    if (conformanceAvailable()) {
      assertEquals(List.of(), CxmlConformance.dtdErrors(answer.body()), new String(answer.body(), StandardCharsets.UTF_8));
    }
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(answer.body()));
    return assertInstanceOf(CxmlPayload.Response.class, read.document().payload());
  }

  /** Opens the StartPage as the browser does: a redirect to the demo shop that carries the token. */
  private Session openStartPage(CxmlPayload.Response response) throws Exception {
    assertEquals(200, response.status().code(), response.status().toString());
    URI startPage = URI.create(response.startPageUrl());
    var redirect = http.send(HttpRequest.newBuilder(startPage).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, redirect.statusCode(), redirect.body());
    String location = redirect.headers().firstValue("location").orElseThrow();
    assertTrue(location.contains("/shop/?punchout_token="), location);
    var again = http.send(HttpRequest.newBuilder(startPage).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(403, again.statusCode(), "the StartPage ticket is single use");
    String path = startPage.getPath();
    return new Session(path.substring(path.lastIndexOf('/') + 1),
        URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + 15), StandardCharsets.US_ASCII));
  }

  private JsonNode sessionInfo(LocalRunner runner, Session session) throws Exception {
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/sessions/" + session.id()))
        .header("Authorization", "Bearer " + session.token()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, answer.statusCode(), new String(answer.body(), StandardCharsets.UTF_8));
    return Json.parse(answer.body());
  }

  private HttpResponse<String> postCart(LocalRunner runner, Session session, String cart) throws Exception {
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/sessions/" + session.id() + "/cart"))
        .header("Authorization", "Bearer " + session.token()).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(cart)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The gateway's return page read as a browser submits it: the action and the one cXML field. */
  private static OciHtmlForms.Form returnForm(HttpResponse<String> page) {
    assertEquals(200, page.statusCode(), page.body());
    List<OciHtmlForms.Form> forms = OciHtmlForms.extract(page.body());
    assertEquals(1, forms.size(), page.body());
    assertEquals(1, forms.getFirst().fields().size(), page.body());
    return forms.getFirst();
  }

  /** Decodes the posted field (cxml-base64 or cxml-urlencoded) and reads the PunchOutOrderMessage. */
  private static CxmlPayload.PunchOutOrderMessage decode(OciHtmlForms.Form form, String field) {
    String value = form.fields().first(field);
    assertNotNull(value, "the page posts " + field + ": " + form.fields());
    byte[] document = field.equals(CxmlSettings.BASE64)
        ? Base64.getMimeDecoder().decode(value) : value.getBytes(StandardCharsets.UTF_8);
    if (conformanceAvailable()) {
      assertEquals(List.of(), CxmlConformance.dtdErrors(document), new String(document, StandardCharsets.UTF_8));
    }
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(document));
    return assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class, read.document().payload());
  }

  /** Posts the gateway's form to its action, as the browser does, and answers the page it lands on. */
  private HttpResponse<String> submit(OciHtmlForms.Form form) throws Exception {
    String body = form.fields().all().stream()
        .map(p -> URLEncoder.encode(p.name(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p.value(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return http.send(HttpRequest.newBuilder(URI.create(form.action()))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertSameItems(Cart sent, Cart received) {
    assertEquals(sent.lines().size(), received.lines().size());
    for (int i = 0; i < sent.lines().size(); i++) {
      CartLine s = sent.lines().get(i);
      CartLine r = received.lines().get(i);
      String at = "line " + (i + 1);
      assertEquals(s.sku(), r.sku(), at);
      assertEquals(s.description(), r.description(), at);
      assertEquals(0, s.quantity().compareTo(r.quantity()), at);
      assertEquals(0, s.unitPrice().compareTo(r.unitPrice()), at);
      assertEquals(0, priceUnit(s).compareTo(priceUnit(r)), at);
      assertEquals(s.unit(), r.unit(), at);
      assertEquals(s.currency(), r.currency(), at);
      assertEquals(s.classification(), r.classification(), at);
      assertEquals(s.manufacturerSku(), r.manufacturerSku(), at);
      assertEquals(s.leadTimeDays(), r.leadTimeDays(), at);
    }
  }

  private static BigDecimal priceUnit(CartLine line) {
    return line.priceUnit() == null ? BigDecimal.ONE : line.priceUnit();
  }

  private static int sessionsStored(LocalRunner runner) {
    LocalEngines engines = runner.engines();
    return engines.dynamoDb().scan(b -> b.tableName(engines.tableName("SessionsTable")).select(Select.COUNT)).count();
  }

  private static int rows(String page) {
    return page.split("<tr class=\"item\"", -1).length - 1;
  }

  private static boolean conformanceAvailable() {
    String dir = System.getProperty("punchgate.conformance.dir");
    return dir != null && Files.isDirectory(Path.of(dir, "cxml", "dtd"));
  }

  // --- the gateway's contract ----------------------------------------------------------------------------

  @Test
  void createStartPageShopSessionCartAndTheOrderMessageBack(LocalRunner runner) throws Exception {
    Session session = openStartPage(setup(runner, create(runner)));

    JsonNode info = sessionInfo(runner, session);
    assertEquals("CXML", info.get("format").asText());
    assertEquals("demo-cxml", info.get("connectionId").asText());
    assertEquals("acme-buyers", info.get("userGroup").asText());
    assertEquals("jane.mueller@acme.example", info.get("user").asText());
    assertEquals("create", info.get("operation").asText());
    assertFalse(info.get("readOnly").asBoolean());
    assertEquals("M\u00fcller", info.get("extrinsics").get("LastName").asText());
    assertEquals("K\u00f6ln", info.get("shipTo").get("city").asText());

    OciHtmlForms.Form form = returnForm(postCart(runner, session, cartJson()));
    assertEquals(runner.baseUrl() + CxmlBuyer.RETURN_PATH, form.action());
    CxmlPayload.PunchOutOrderMessage message = decode(form, CxmlSettings.BASE64);
    assertEquals("demo-cart-2026-11-23-0001", message.buyerCookie());
    assertEquals(PunchOutOperation.EDIT, message.operationAllowed(), "a created cart may be edited later");
    Cart sent = CartJson.read(Json.parse(cartJson().getBytes(StandardCharsets.UTF_8))).cart();
    assertSameItems(sent, message.cart());
    assertEquals(0, sent.itemTotal().compareTo(message.total()));
    assertEquals("TRANSFERRED", sessionInfo(runner, session).get("status").asText());

    // the buyer's system (here the simulator's BrowserFormPost address) gets and reads it
    var received = submit(form);
    assertEquals(200, received.statusCode(), received.body());
    assertEquals(2, rows(received.body()), received.body());
    assertTrue(received.body().contains("<td data-field=\"SupplierPartID\">DRL-18V-BL</td>"), received.body());
    assertTrue(received.body().contains("b\u00fcrstenlos"), received.body());
  }

  @Test
  void theUrlencodedConnectionPostsTheDocumentAsTextThatReadsBackTheSame(LocalRunner runner) throws Exception {
    Session session = openStartPage(setup(runner, coupaCreate(runner)));
    assertEquals("globex-buyers", sessionInfo(runner, session).get("userGroup").asText());
    var page = postCart(runner, session, cartJson());
    assertTrue(page.body().contains("name=\"cxml-urlencoded\" value=\"&lt;?xml"), "HTML-escaped in the page");
    OciHtmlForms.Form form = returnForm(page);
    CxmlPayload.PunchOutOrderMessage message = decode(form, CxmlSettings.URLENCODED);
    assertSameItems(CartJson.read(Json.parse(cartJson().getBytes(StandardCharsets.UTF_8))).cart(), message.cart());
    var received = submit(form);
    assertEquals(2, rows(received.body()), received.body());
    assertTrue(received.body().contains("posted as cxml-urlencoded"), received.body());
  }

  @Test
  void anIso88591RequestKeepsItsNonAsciiText(LocalRunner runner) throws Exception {
    String latin1 = create(runner).replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
        .replace("CC-4711 Werkstatt", "Kostenstelle 4711 \u00c4nderungsdienst");
    Session session = openStartPage(response(postXml(runner, latin1.getBytes(StandardCharsets.ISO_8859_1), "text/xml")));
    JsonNode info = sessionInfo(runner, session);
    assertEquals("M\u00fcller", info.get("extrinsics").get("LastName").asText());
    assertEquals("Kostenstelle 4711 \u00c4nderungsdienst", info.get("extrinsics").get("CostCenter").asText());
    assertEquals("Hafenstra\u00dfe 12", info.get("shipTo").get("street").asText());
  }

  @Test
  void anEditReopensTheItemOutLinesAndAllowsEditingAgain(LocalRunner runner) throws Exception {
    Session session = openStartPage(setup(runner, eventBody(runner, "cxml-setup-edit.json")));
    JsonNode info = sessionInfo(runner, session);
    assertEquals("edit", info.get("operation").asText());
    JsonNode lines = info.get("initialCart").get("lines");
    assertEquals(2, lines.size());
    assertEquals("DRL-18V-KIT", lines.get(0).get("sku").asText());
    assertEquals("session=4f1c;line=1", lines.get(0).get("auxiliaryId").asText());
    assertEquals(0, new BigDecimal("2").compareTo(lines.get(0).get("quantity").decimalValue()));
    assertEquals(0, new BigDecimal("159.00").compareTo(new BigDecimal(lines.get(0).get("unitPrice").asText())));
    assertEquals("BAT-18V-40", lines.get(1).get("sku").asText());
    assertEquals("session=4f1c;line=2", lines.get(1).get("auxiliaryId").asText());

    var message = decode(returnForm(postCart(runner, session, cartJson())), CxmlSettings.BASE64);
    assertEquals(PunchOutOperation.EDIT, message.operationAllowed());
    assertEquals("demo-cart-2026-11-23-0002", message.buyerCookie());
  }

  @Test
  void anInspectIsReadOnlyAndCanOnlyBeClosed(LocalRunner runner) throws Exception {
    String inspect = eventBody(runner, "cxml-setup-edit.json").replace("operation=\"edit\"", "operation=\"inspect\"");
    Session session = openStartPage(setup(runner, inspect));
    JsonNode info = sessionInfo(runner, session);
    assertEquals("inspect", info.get("operation").asText());
    assertTrue(info.get("readOnly").asBoolean());
    assertEquals(2, info.get("initialCart").get("lines").size());

    var refused = postCart(runner, session, cartJson());
    assertEquals(409, refused.statusCode(), refused.body());
    assertEquals("OPEN", sessionInfo(runner, session).get("status").asText());

    var message = decode(returnForm(postCart(runner, session, "{\"cancel\": true, \"currency\": \"EUR\"}")), CxmlSettings.BASE64);
    assertTrue(message.cart().lines().isEmpty());
    assertEquals(PunchOutOperation.INSPECT, message.operationAllowed());
    assertEquals("CANCELLED", sessionInfo(runner, session).get("status").asText());
  }

  @Test
  void aProfileRequestListsTheTransactionsAndOpensNoSession(LocalRunner runner) throws Exception {
    int before = sessionsStored(runner);
    var answer = postXml(runner, eventBody(runner, "cxml-profile-request.json").getBytes(StandardCharsets.UTF_8), "text/xml");
    CxmlPayload.Response response = response(answer);
    assertEquals(200, response.status().code());
    assertEquals("ProfileResponse", response.responseName());
    String text = new String(answer.body(), StandardCharsets.UTF_8);
    assertTrue(text.contains("<Transaction requestName=\"PunchOutSetupRequest\">"), text);
    assertTrue(text.contains("<URL>" + runner.baseUrl() + "/punchout/cxml</URL>"), text);
    assertEquals(before, sessionsStored(runner));
  }

  // --- refusals: each in its cXML Status, nothing stored -----------------------------------------------

  @Test
  void everyRefusalHasItsStatusAndStoresNothing(LocalRunner runner) throws Exception {
    new DynamoDbConnectionStore(runner.engines().dynamoDb(), runner.engines().tableName("MappingsTable"))
        .put(Fixtures.inactive(withSender(Fixtures.cxmlConnection("it-cxml-inactive", CxmlSettings.BASE64), "AN-INACTIVE")));
    String create = create(runner);
    String orderRequest = create.substring(0, create.indexOf("<PunchOutSetupRequest"))
        + "<OrderRequest><OrderRequestHeader orderID=\"PO-1\" orderDate=\"2026-11-23\"/></OrderRequest>\n  </Request>\n</cXML>";
    record Case(String name, String document, int code, String detail) {}
    List<Case> cases = List.of(
        new Case("not XML", "this is not <cXML", 400, "not well-formed XML"),
        new Case("no BuyerCookie", create.replaceAll("<BuyerCookie>[^<]*</BuyerCookie>", ""), 400,
            "/cXML/Request/PunchOutSetupRequest/BuyerCookie"),
        new Case("no BrowserFormPost", create.replace(runner.baseUrl() + CxmlBuyer.RETURN_PATH, ""), 400,
            "BrowserFormPost/URL is missing"),
        new Case("wrong secret", create.replace(SECRET, "<SharedSecret>guess</SharedSecret>"), 401, null),
        new Case("unknown sender", create.replace("<Identity>AN-DEMO-BUYER</Identity>\n        <SharedSecret>",
            "<Identity>AN-STRANGER</Identity>\n        <SharedSecret>"), 401, null),
        new Case("From not listed", create.replaceFirst("<Identity>AN-DEMO-BUYER</Identity>", "<Identity>AN-OTHER</Identity>"),
            401, null),
        new Case("inactive connection", create.replace("AN-DEMO-BUYER", "AN-INACTIVE"), 403, "not active"),
        new Case("return address not allowed", create.replace(runner.baseUrl().toString(), "https://evil.example"), 403,
            "BrowserFormPost/URL points to https://evil.example:443"),
        new Case("OrderRequest", orderRequest, 406, "OrderRequest is not accepted here"),
        new Case("operation source", create.replace("operation=\"create\"", "operation=\"source\""), 406, "source"));
    for (Case c : cases) {
      int before = sessionsStored(runner);
      CxmlPayload.Response response = setup(runner, c.document());
      assertEquals(c.code(), response.status().code(), c.name() + ": " + response.status());
      if (c.detail() != null) {
        assertNotNull(response.status().detail(), c.name());
        assertTrue(response.status().detail().contains(c.detail()), c.name() + ": " + response.status().detail());
      }
      assertEquals(before, sessionsStored(runner), c.name() + ": nothing stored");
    }
  }

  private static org.punchgate.connection.Connection withSender(org.punchgate.connection.Connection c, String identity) {
    var buyer = new org.punchgate.connection.CxmlCredential("NetworkID", identity);
    var cxml = c.cxml();
    return new org.punchgate.connection.Connection(c.id(), c.name(), c.active(), c.format(), c.userGroup(),
        c.loginParameters(), c.username(), c.secretHash(), c.allowedReturnOrigins(), c.shopStartUrl(),
        c.sessionLifetime(), c.fieldMapping(), c.unitMap(), c.defaultClassification(),
        new CxmlSettings(List.of(buyer), List.of(buyer), cxml.to(), cxml.returnEncoding(), cxml.version(),
            cxml.extrinsicsToShop()));
  }

  @Test
  void externalEntitiesAreNeverResolved(LocalRunner runner, @TempDir Path dir) throws Exception {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      fetches.incrementAndGet();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/x.dtd";
      String xxe = create(runner).replace(DOCTYPE, "<!DOCTYPE cXML [<!ENTITY file SYSTEM \"" + secret.toUri()
          + "\"><!ENTITY remote SYSTEM \"" + remote + "\"><!ENTITY % ext SYSTEM \"" + remote + "\"> %ext;]>")
          .replace("demo-cart-2026-11-23-0001", "&file;&remote;");
      String externalDtd = create(runner).replace(DOCTYPE, "<!DOCTYPE cXML SYSTEM \"" + remote + "\">");
      int before = sessionsStored(runner);
      var answer = postXml(runner, xxe.getBytes(StandardCharsets.UTF_8), "text/xml");
      CxmlPayload.Response response = response(answer);
      assertEquals(400, response.status().code());
      assertFalse(new String(answer.body(), StandardCharsets.UTF_8).contains("TOP-SECRET"));
      // a DOCTYPE that only names an external DTD is accepted, and the DTD is never fetched
      assertEquals(200, setup(runner, externalDtd).status().code());
      assertEquals(0, fetches.get(), "nothing was fetched");
      assertEquals(before + 1, sessionsStored(runner), "only the harmless request opened a session");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void entityExpansionIsRefusedQuickly(LocalRunner runner) throws Exception {
    StringBuilder laughs = new StringBuilder("<!DOCTYPE cXML [<!ENTITY l0 \"lollollollollollollollollollol\">");
    for (int i = 1; i <= 12; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    String bomb = create(runner).replace(DOCTYPE, laughs + "]>").replace("demo-cart-2026-11-23-0001", "&l12;");
    String quadratic = create(runner).replace(DOCTYPE, "<!DOCTYPE cXML [<!ENTITY a \"" + "x".repeat(50_000) + "\">]>")
        .replace("demo-cart-2026-11-23-0001", "&a;".repeat(5_000));
    int before = sessionsStored(runner);
    long start = System.nanoTime();
    assertEquals(400, setup(runner, bomb).status().code());
    assertEquals(400, setup(runner, quadratic).status().code());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "refused without expanding");
    assertEquals(before, sessionsStored(runner));
  }

  // --- the buyer simulator and the demo shop: one buyer's story -----------------------------------------

  @Test
  void theSimulatorPunchesOutCreatesEditsAndInspectsThroughTheDemoShop(LocalRunner runner) throws Exception {
    var start = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(CxmlBuyer.BASE + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, start.statusCode());
    assertTrue(start.body().contains("value=\"demo-cxml\"") && start.body().contains("value=\"demo-cxml-coupa\""));

    // create: the simulator posts the setup request (in ISO-8859-1) and sends the browser to the StartPage
    ShopVisit create = shopVisit(runner, launch(runner, "create", "ISO-8859-1"));
    assertEquals("Wei\u00df", sessionInfo(runner, create.session()).get("extrinsics").get("LastName").asText());
    addToCart(runner, create.key(), "sku=DRL-18V-KIT&quantity=1");
    addToCart(runner, create.key(), "sku=SCR-4X40-TX&quantity=500");
    addToCart(runner, create.key(), "sku=PPE-GOGGLE-OTG&quantity=2");
    var received = submit(returnForm(shopPost(runner, "/shop/transfer", create.key())));
    assertEquals(200, received.statusCode(), received.body());
    String page = received.body();
    assertTrue(page.contains("from <b>demo-cxml</b>"), page);
    assertTrue(page.contains("<code id=\"operation-allowed\">edit</code>"), "a created cart may be edited later: " + page);
    assertEquals(4, rows(page), "the kit, its battery as a child line, screws, goggles: " + page);
    assertTrue(page.contains("<td data-field=\"parentLineNumber\">1</td>"), page);
    assertTrue(page.contains("<td data-field=\"SupplierPartID\">SCR-4X40-TX</td>"), page);
    assertTrue(page.contains("<td data-field=\"PriceBasisQuantity\">100</td>"), page);
    assertTrue(page.contains("f\u00fcr Brille"), page);

    // edit: the simulator sends what it received; the shop reopens it as the cart, and it goes back again
    ShopVisit edit = shopVisit(runner, launch(runner, "edit", "UTF-8"));
    JsonNode info = sessionInfo(runner, edit.session());
    assertEquals("edit", info.get("operation").asText());
    assertEquals(4, info.get("initialCart").get("lines").size());
    var cart = shopGet(runner, "/shop/cart?k=" + edit.key());
    assertEquals(3, cart.body().split("<tr class=\"cart-line\"", -1).length - 1, cart.body());
    assertTrue(cart.body().contains("data-sku=\"SCR-4X40-TX\""), cart.body());
    var again = submit(returnForm(shopPost(runner, "/shop/transfer", edit.key())));
    assertTrue(again.body().contains("<code id=\"operation-allowed\">edit</code>"), again.body());
    assertEquals(4, rows(again.body()), again.body());

    // inspect: the shop shows the cart read-only; closing it sends a message without items
    ShopVisit inspect = shopVisit(runner, launch(runner, "inspect", "UTF-8"));
    assertTrue(sessionInfo(runner, inspect.session()).get("readOnly").asBoolean());
    var readOnly = shopGet(runner, "/shop/cart?k=" + inspect.key());
    assertTrue(readOnly.body().contains("id=\"read-only\""), readOnly.body());
    assertFalse(readOnly.body().contains("id=\"transfer-cart\""), readOnly.body());
    assertEquals(409, shopPost(runner, "/shop/transfer", inspect.key()).statusCode());
    assertEquals(409, postCart(runner, inspect.session(), cartJson()).statusCode(), "the gateway refuses it too");
    var closed = submit(returnForm(shopPost(runner, "/shop/cancel", inspect.key())));
    assertTrue(closed.body().contains("id=\"no-items\""), closed.body());
    assertTrue(closed.body().contains("<code id=\"operation-allowed\">inspect</code>"), closed.body());
  }

  @Test
  void theSimulatorShowsTheGatewaysRefusal(LocalRunner runner) throws Exception {
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(CxmlBuyer.BASE + "/launch"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("connection=demo-cxml&operation=create&sharedSecret=wrong"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode());
    assertTrue(answer.body().contains("<code id=\"status-code\">401</code>"), answer.body());
    assertFalse(answer.body().contains("<SharedSecret>wrong"), "the secret is masked");
  }

  /** The simulator's launch: answers the StartPage URL it sends the browser to. */
  private URI launch(LocalRunner runner, String operation, String charset) throws Exception {
    String form = "connection=demo-cxml&sharedSecret=demo-cxml-secret&operation=" + operation + "&charset=" + charset
        + "&userEmail=juergen.weiss%40acme.example&firstName=" + URLEncoder.encode("J\u00fcrgen", StandardCharsets.UTF_8)
        + "&lastName=" + URLEncoder.encode("Wei\u00df", StandardCharsets.UTF_8) + "&costCenter=4711";
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(CxmlBuyer.BASE + "/launch"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(303, answer.statusCode(), answer.body());
    URI startPage = URI.create(answer.headers().firstValue("location").orElseThrow());
    assertTrue(startPage.getPath().startsWith("/punchout/cxml/start/"), startPage.toString());
    return startPage;
  }

  /** A buyer in the demo shop: the shop's visit key, and the session and token the shop got. */
  private record ShopVisit(String key, Session session) {}

  /** Opens the StartPage and the shop's landing, as the browser does. */
  private ShopVisit shopVisit(LocalRunner runner, URI startPage) throws Exception {
    var redirect = http.send(HttpRequest.newBuilder(startPage).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, redirect.statusCode(), redirect.body());
    String location = redirect.headers().firstValue("location").orElseThrow();
    var landing = http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(303, landing.statusCode(), landing.body());
    String next = landing.headers().firstValue("location").orElseThrow();
    String path = startPage.getPath();
    return new ShopVisit(next.substring(next.indexOf("k=") + 2).replaceAll("&.*", ""),
        new Session(path.substring(path.lastIndexOf('/') + 1),
            URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + 15), StandardCharsets.US_ASCII)));
  }

  private HttpResponse<String> shopGet(LocalRunner runner, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void addToCart(LocalRunner runner, String key, String item) throws Exception {
    assertEquals(303, shopPost(runner, "/shop/cart/add", key, item).statusCode());
  }

  private HttpResponse<String> shopPost(LocalRunner runner, String path, String key, String... more) throws Exception {
    String body = "k=" + key + (more.length == 0 ? "" : "&" + String.join("&", more));
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
