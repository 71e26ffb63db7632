package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.json.Json;

/**
 * The PEPPOL story over HTTP through the local runner, as Proceedo and a shop talk to the gateway: posted login →
 * token → cart → a Base64 Catalogue that decodes and passes the BIS 3 schematron; a login link made through the
 * admin API → login → revoked → 410; and refusals that leave the sessions table as it was.
 */
@ExtendWith(LocalRunnerExtension.class)
class PeppolEndToEndIT {

  private static final String CART = """
      {"currency":"SEK","lines":[
        {"lineId":"kit","sku":"DRL-18V-KIT","description":"Borrskruvdragare 18 V i väska, två batterier",
         "quantity":1,"unit":"EA","unitPrice":"1590.00","leadTimeDays":2,"manufacturerSku":"VW-18-KIT",
         "classification":{"scheme":"UNSPSC","code":"27112700"},"attributes":{"gtin":"07350053850019"}},
        {"lineId":"bat","parentLineId":"kit","sku":"BAT-18V-40","description":"Batteri 18 V 4,0 Ah","quantity":2,
         "unit":"EA","unitPrice":0},
        {"lineId":"scr","sku":"SCR-4X40-TX","description":"Spånskiva skruv 4x40 <förzinkad> & \\"blank\\"",
         "quantity":500,"unit":"EA","unitPrice":"12.50","priceUnit":100,"attributes":{"vatCategory":"S","vatRate":"12"}}]}
      """;
  private static final Pattern FIELD = Pattern.compile("name=\"cart\" value=\"([^\"]*)\"");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private LocalRunner runner;

  @BeforeEach
  void runner(LocalRunner runner) {
    this.runner = runner;
  }

  private URI url(String path) {
    return runner.baseUrl().resolve(path);
  }

  private HttpResponse<String> postedLogin(String connection, String password, String returnUrl) throws Exception {
    String body = "USERNAME=demo-peppol&PASSWORD=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&RETURN_URL=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8)
        + "&BUYER_REFERENCE=" + URLEncoder.encode("anna.berg@nordby.example", StandardCharsets.UTF_8);
    return http.send(HttpRequest.newBuilder(url("/punchout/peppol/" + connection))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private long sessionCount() {
    return runner.engines().dynamoDb().scan(b -> b.tableName(runner.engines().tableName("SessionsTable"))).count();
  }

  private String token(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("location").orElseThrow();
    return URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + "punchout_token=".length()),
        StandardCharsets.US_ASCII);
  }

  private static String sessionId(String token) {
    String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return Json.text(Json.parse(payload), "sid");
  }

  private HttpResponse<String> transfer(String token, String cart) throws Exception {
    return http.send(HttpRequest.newBuilder(url("/punchout/sessions/" + sessionId(token) + "/cart"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(cart)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(HttpRequest.Builder request, String key) throws Exception {
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void postedLoginThenCartGivesABase64CatalogueThatPassesTheSchematron() throws Exception {
    var login = postedLogin("demo-peppol", "demo-peppol-pass", runner.baseUrl() + "/buyer/peppol/return?sim=e2e");
    assertEquals(302, login.statusCode());
    String token = token(login);
    var answer = transfer(token, CART);
    assertEquals(200, answer.statusCode(), answer.body());
    assertTrue(answer.body().contains("action=\"" + runner.baseUrl() + "/buyer/peppol/return?sim=e2e\""));
    Matcher cart = FIELD.matcher(answer.body());
    assertTrue(cart.find(), answer.body());
    var decoded = assertInstanceOf(PeppolCartDecoder.Decoded.Cart.class, PeppolCartDecoder.decode(cart.group(1)));
    String xml = decoded.text();
    assertTrue(xml.contains("<cbc:ID>" + sessionId(token) + "</cbc:ID>"), "Catalogue ID is the cart id (session id)");
    assertTrue(xml.contains("<cbc:ID>anna.berg@nordby.example</cbc:ID>"), "buyer reference in ReceiverParty/Contact");
    assertTrue(xml.contains("förzinkad"));
    assertTrue(xml.contains("<cbc:BaseQuantity unitCode=\"EA\">100</cbc:BaseQuantity>"), xml);
    assertTrue(xml.contains("<cbc:Value>DRL-18V-KIT</cbc:Value>"), "the battery is PartOf the kit");
    var report = assertInstanceOf(PeppolCartValidator.Report.Checked.class, PeppolCartValidator.validate(decoded.bytes()));
    assertEquals(java.util.List.of(), report.errors());

    var again = transfer(token, CART);
    assertEquals(200, again.statusCode(), "the very same transfer again is a replay");
    var other = transfer(token, CART.replace("\"quantity\":500", "\"quantity\":600"));
    assertEquals(409, other.statusCode());
  }

  @Test
  void aCartWithAnUnknownVatCategoryIsRefusedWith422NamingTheLine() throws Exception {
    var login = postedLogin("demo-peppol", "demo-peppol-pass", runner.baseUrl() + "/buyer/peppol/return");
    var answer = transfer(token(login), CART.replace("\"vatCategory\":\"S\"", "\"vatCategory\":\"X\""));
    assertEquals(422, answer.statusCode());
    assertTrue(answer.body().contains("line scr"), answer.body());
  }

  @Test
  void refusedLoginsWriteNothing() throws Exception {
    long before = sessionCount();
    assertEquals(404, postedLogin("no-such", "x", runner.baseUrl() + "/buyer/peppol/return").statusCode());
    assertEquals(404, postedLogin("demo-oci4", "demo-peppol-pass", runner.baseUrl() + "/r").statusCode());
    assertEquals(401, postedLogin("demo-peppol", "wrong", runner.baseUrl() + "/buyer/peppol/return").statusCode());
    assertEquals(400, postedLogin("demo-peppol", "demo-peppol-pass", "https://evil.example/steal").statusCode());
    var big = http.send(HttpRequest.newBuilder(url("/punchout/peppol/demo-peppol"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("USERNAME=" + "x".repeat(1_100_000))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(413, big.statusCode());
    assertEquals(before, sessionCount());
  }

  @Test
  void loginLinkMadeThroughTheAdminApiOpensASessionUntilRevokedThenAnswers410() throws Exception {
    String returnUrl = "http://127.0.0.1:" + runner.port() + "/buyer/peppol/return";
    var noKey = admin(HttpRequest.newBuilder(url("/admin/connections/demo-peppol/links"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"returnUrl\":\"" + returnUrl + "\"}")), null);
    assertEquals(401, noKey.statusCode());
    var wrongKey = admin(HttpRequest.newBuilder(url("/admin/connections/demo-peppol/links")).GET(), "not-the-key-at-all");
    assertEquals(401, wrongKey.statusCode());

    var created = admin(HttpRequest.newBuilder(url("/admin/connections/demo-peppol/links"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"returnUrl\":\"" + returnUrl
            + "\",\"buyerReference\":\"erik.lund@nordby.example\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}")),
        runner.adminKey());
    assertEquals(201, created.statusCode(), created.body());
    JsonNode link = Json.parse(created.body());
    String linkUrl = Json.text(link, "url");
    String linkId = Json.text(link, "linkId");
    assertEquals("2099-01-01T00:00:00Z", Json.text(link, "expiresAt"));
    assertFalse(linkUrl.contains(linkId), "the URL carries the secret, the id is its hash");

    var listed = admin(HttpRequest.newBuilder(url("/admin/connections/demo-peppol/links")).GET(), runner.adminKey());
    assertEquals(200, listed.statusCode());
    assertTrue(listed.body().contains(linkId));
    String secret = linkUrl.substring(linkUrl.lastIndexOf('/') + 1);
    assertFalse(listed.body().contains(secret), "lists never show the secret");

    long before = sessionCount();
    var opened = http.send(HttpRequest.newBuilder(URI.create(linkUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, opened.statusCode());
    assertEquals(before + 1, sessionCount());
    var cart = transfer(token(opened), CART);
    assertTrue(cart.body().contains("action=\"" + returnUrl + "\""));

    var revoked = admin(HttpRequest.newBuilder(url("/admin/links/" + linkId)).DELETE(), runner.adminKey());
    assertEquals(200, revoked.statusCode());
    assertTrue(revoked.body().contains("REVOKED"));
    var gone = http.send(HttpRequest.newBuilder(URI.create(linkUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(410, gone.statusCode());
    assertTrue(gone.headers().firstValue("content-type").orElse("").startsWith("text/html"));
    assertFalse(gone.body().contains("demo-peppol"), "a gone link does not name its connection");
    var unknown = http.send(HttpRequest.newBuilder(url("/punchout/link/" + "A".repeat(43))).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(404, unknown.statusCode());
    assertEquals(before + 1, sessionCount(), "neither wrote a session");
  }

  @Test
  void theDemoLoginLinkPrintedAtStartOpensTheShop() throws Exception {
    assertTrue(runner.banner().contains(runner.demoLoginLink()));
    var opened = http.send(HttpRequest.newBuilder(URI.create(runner.demoLoginLink())).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(302, opened.statusCode());
    String shop = opened.headers().firstValue("location").orElseThrow();
    assertTrue(shop.contains("/shop/?punchout_token="));
    var landing = http.send(HttpRequest.newBuilder(URI.create(shop)).GET().build(), HttpResponse.BodyHandlers.ofString());
    String catalog = landing.headers().firstValue("location").orElseThrow();
    String key = catalog.replaceAll(".*[?&]k=([^&]+).*", "$1");
    var checkout = http.send(HttpRequest.newBuilder(url("/shop/checkout?k=" + key)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(303, checkout.statusCode(), "a buyer who opens the checkout goes back to the shop's start page");
    String start = checkout.headers().firstValue("location").orElseThrow();
    assertTrue(start.startsWith("/shop/catalog?k=" + key + "&notice="), start);
    var notice = http.send(HttpRequest.newBuilder(url(start)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(notice.body().contains("use Send order to send the cart"), "the notice names the PEPPOL button: "
        + notice.body());
  }
}
