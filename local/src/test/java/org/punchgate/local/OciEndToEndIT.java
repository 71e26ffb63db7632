package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.json.Json;
import org.punchgate.oci.OciCartParser;
import org.punchgate.oci.OciField;
import org.punchgate.oci.OciHtmlForms;
import org.punchgate.oci.OciItem;
import org.punchgate.oci.OciVersion;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;

/**
 * The OCI story end to end over HTTP through the local runner, the way SAP and a shop talk to the
 * gateway: OCI login for 3.0, 4.0 and 5.0 → token → session info → cart → the NEW_ITEM fields, checked
 * against the version's field table; and every refusal, each of which leaves the tables as they were.
 */
@ExtendWith(LocalRunnerExtension.class)
class OciEndToEndIT {

  private static final String CART = """
      {"currency":"EUR","lines":[
        {"lineId":"kit","sku":"DRL-18V-KIT","description":"Akku-Bohrschrauber-Set 18 V mit 2 Akkus und Ladegerät im Koffer",
         "quantity":1,"unit":"EA","unitPrice":"159.00","leadTimeDays":2,"manufacturer":"Voltwerk","manufacturerSku":"VW-18-KIT",
         "classification":{"scheme":"UNSPSC","code":"27112700"}},
        {"lineId":"bat","parentLineId":"kit","sku":"BAT-18V-40","description":"Akku 18 V 4,0 Ah","quantity":2,"unit":"EA",
         "unitPrice":0},
        {"lineId":"scr","sku":"SCR-4X40-TX","description":"Spanplattenschraube 4x40 TX20 <verzinkt> & \\"blank\\"",
         "quantity":500,"unit":"EA","unitPrice":"0.0125","contract":"4600000123","contractItem":"10"}]}
      """;

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private LocalRunner runner;

  @BeforeEach
  void runner(LocalRunner runner) {
    this.runner = runner;
  }

  private URI url(String path) {
    return runner.baseUrl().resolve(path);
  }

  private String hook() {
    return runner.baseUrl() + "/buyer/hook?sim=e2e&client=100";
  }

  private HttpResponse<String> login(String connection, Charset charset, String... pairs) throws Exception {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(pairs[i], charset)).append('=')
          .append(URLEncoder.encode(pairs[i + 1], charset));
    }
    return http.send(HttpRequest.newBuilder(url("/punchout/oci/" + connection))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.US_ASCII))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<byte[]> shop(String method, String sessionId, String token, String body, String accept)
      throws Exception {
    var builder = HttpRequest.newBuilder(url("/punchout/sessions/" + sessionId + ("POST".equals(method) ? "/cart" : "")))
        .header("Authorization", "Bearer " + token).header("Accept", accept);
    builder = "POST".equals(method)
        ? builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
        : builder.GET();
    return http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String token(HttpResponse<String> login) {
    String location = login.headers().firstValue("location").orElseThrow();
    Matcher m = Pattern.compile("punchout_token=([^&#]+)").matcher(location);
    assertTrue(m.find(), location);
    return URLDecoder.decode(m.group(1), StandardCharsets.US_ASCII);
  }

  private static String sid(String token) {
    return Json.parse(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sid").asText();
  }

  private int sessionCount() {
    return runner.engines().dynamoDb().scan(b -> b.tableName(runner.engines().tableName("SessionsTable"))).count();
  }

  @ParameterizedTest(name = "OCI {0}")
  @CsvSource({"demo-oci3, 3.0, ISO-8859-1", "demo-oci4, 4.0, UTF-8", "demo-oci5, 5.0, ISO-8859-1"})
  void loginTokenSessionInfoCartAndFields(String connection, String version, String charsetName) throws Exception {
    Charset charset = Charset.forName(charsetName);
    var login = login(connection, charset, "USERNAME", connection, "PASSWORD", connection + "-pass",
        "HOOK_URL", hook(), "OCI_VERSION", version, "returntarget", "_parent", "http_content_charset", charsetName,
        "~OkCode", "ADDI", "~TARGET", "_top", "~CALLER", "CTLG");
    assertEquals(302, login.statusCode(), login.body());
    assertTrue(login.headers().firstValue("location").orElseThrow().startsWith(runner.baseUrl() + "/shop/?punchout_token="));
    String token = token(login);

    var info = Json.parse(shop("GET", sid(token), token, null, "application/json").body());
    assertEquals("OPEN", info.get("status").asText());
    assertEquals(connection, info.get("connectionId").asText());
    assertEquals("OCI_" + version.replace('.', '_'), info.get("format").asText());

    var page = shop("POST", sid(token), token, CART, "text/html");
    assertEquals(200, page.statusCode(), new String(page.body(), StandardCharsets.UTF_8));
    assertTrue(page.headers().firstValue("content-type").orElseThrow().toLowerCase().contains(charsetName.toLowerCase()));
    String html = new String(page.body(), charset);
    assertTrue(html.contains("charset=" + charsetName.toLowerCase()), "the page declares the buyer's charset");
    assertFalse(html.contains("<verzinkt>"), "values are HTML-escaped");
    var form = OciHtmlForms.extract(html).getFirst();
    assertEquals(runner.baseUrl() + "/buyer/hook", form.action(), "HOOK_URL without its query");
    assertEquals("POST", form.method().toUpperCase());
    assertEquals("_parent", form.target(), "returntarget wins over ~TARGET");
    assertEquals("e2e", form.fields().first("sim"));
    assertEquals("100", form.fields().first("client"));
    assertEquals("ADDI", form.fields().first("~OkCode"));

    OciVersion ociVersion = OciVersion.of(ConnectionFormat.valueOf("OCI_" + version.replace('.', '_')));
    for (var field : form.fields().all()) {
      if (field.name().startsWith("NEW_ITEM-")) {
        String bare = field.name().substring(9).replaceAll("\\[\\d*]$", "").replaceAll("_\\d+:132$", "");
        OciField known = OciField.byName(bare).orElseThrow(() -> new AssertionError("unknown field " + field.name()));
        assertTrue(known.isIn(ociVersion), field.name() + " exists in OCI " + version);
        if (known.maxLength(ociVersion) > 0) {
          assertTrue(field.value().length() <= known.maxLength(ociVersion), field.name() + " fits " + known.maxLength(ociVersion));
        }
      }
    }
    List<OciItem> items = OciCartParser.parse(form.fields());
    OciItem kit = items.getFirst();
    assertEquals("Akku-Bohrschrauber-Set 18 V mit 2 Akkus", kit.get(OciField.DESCRIPTION), "cut at 40, trailing space dropped");
    assertTrue(kit.get(OciField.LONGTEXT).contains("im Koffer"), "the full description goes to the long text");
    assertEquals("159.00", kit.get(OciField.PRICE));
    assertEquals("EUR", kit.get(OciField.CURRENCY));
    assertEquals("DRL-18V-KIT", kit.get(OciField.VENDORMAT));
    assertEquals("DRL-18V-KIT", kit.get(OciField.EXT_PRODUCT_ID));
    OciItem screws = items.getLast();
    assertEquals("1.25", screws.get(OciField.PRICE), "0.0125 per piece, expressed exactly");
    assertEquals("100", screws.get(OciField.PRICEUNIT));
    assertEquals("500", screws.get(OciField.QUANTITY));
    assertEquals("4600000123", screws.get(OciField.CONTRACT));
    assertEquals("Spanplattenschraube 4x40 TX20 <verzinkt>", screws.get(OciField.DESCRIPTION), "escaped in HTML, intact in the form");
    assertTrue(screws.get(OciField.LONGTEXT).contains("<verzinkt> & \"blank\""));
    if ("5.0".equals(version)) {
      assertEquals(3, items.size());
      assertEquals("R", kit.get(OciField.ITEM_TYPE));
      assertEquals("1", items.get(1).get(OciField.PARENT_ID));
    } else {
      assertEquals(2, items.size(), "children are priced within their parent before OCI 5.0");
    }

    var closed = Json.parse(shop("GET", sid(token), token, null, "application/json").body());
    assertEquals("TRANSFERRED", closed.get("status").asText());
    assertEquals(409, shop("POST", sid(token), token, CART.replace("\"quantity\":500", "\"quantity\":501"), "text/html").statusCode());
  }

  @Test
  void theShopMayAskForTheFormAsJson() throws Exception {
    var login = login("demo-oci4", StandardCharsets.UTF_8, "USERNAME", "demo-oci4", "PASSWORD", "demo-oci4-pass",
        "HOOK_URL", hook());
    String token = token(login);
    var json = Json.parse(shop("POST", sid(token), token, CART, "application/json").body());
    assertEquals("POST", json.get("method").asText());
    assertEquals(runner.baseUrl() + "/buyer/hook", json.get("action").asText());
    assertTrue(json.get("autoSubmit").asBoolean());
    assertEquals("sim", json.at("/fields/0/name").asText());
  }

  @Test
  void everyRefusedLoginAnswersItsStatusAndWritesNothing() throws Exception {
    Connection demo = new DynamoDbConnectionStore(runner.engines().dynamoDb(), runner.engines().tableName("MappingsTable"))
        .find("demo-oci4").orElseThrow();
    new DynamoDbConnectionStore(runner.engines().dynamoDb(), runner.engines().tableName("MappingsTable"))
        .put(new Connection("e2e-inactive", "inactive", false, demo.format(), demo.userGroup(), demo.loginParameters(),
            "demo-oci4", demo.secretHash(), demo.allowedReturnOrigins(), demo.shopStartUrl(), demo.sessionLifetime(),
            demo.fieldMapping(), demo.unitMap(), demo.defaultClassification(), null));
    int before = sessionCount();
    String[] good = {"USERNAME", "demo-oci4", "PASSWORD", "demo-oci4-pass", "HOOK_URL", hook()};

    assertEquals(404, login("no-such-catalog", StandardCharsets.UTF_8, good).statusCode());
    assertEquals(403, login("e2e-inactive", StandardCharsets.UTF_8, good).statusCode());
    assertEquals(401, login("demo-oci4", StandardCharsets.UTF_8, "USERNAME", "demo-oci4", "PASSWORD", "guess", "HOOK_URL", hook()).statusCode());
    assertEquals(401, login("demo-oci4", StandardCharsets.UTF_8, "USERNAME", "demo-oci3", "PASSWORD", "demo-oci3-pass", "HOOK_URL", hook()).statusCode());
    assertEquals(400, login("demo-oci4", StandardCharsets.UTF_8, "USERNAME", "demo-oci4", "PASSWORD", "demo-oci4-pass").statusCode());
    var foreign = login("demo-oci4", StandardCharsets.UTF_8, "USERNAME", "demo-oci4", "PASSWORD", "demo-oci4-pass",
        "HOOK_URL", "https://attacker.example.net/collect");
    assertEquals(400, foreign.statusCode());
    assertTrue(foreign.headers().firstValue("content-type").orElseThrow().startsWith("text/html"));
    assertTrue(foreign.body().contains("not allowed for this connection"));
    assertEquals(413, login("demo-oci4", StandardCharsets.UTF_8, "USERNAME", "demo-oci4", "PASSWORD", "x".repeat(1_100_000),
        "HOOK_URL", hook()).statusCode());
    assertEquals(before, sessionCount());
  }

  @Test
  void everyRefusedCartAnswersItsStatusAndChangesNothing() throws Exception {
    var login = login("demo-oci5", StandardCharsets.UTF_8, "USERNAME", "demo-oci5", "PASSWORD", "demo-oci5-pass",
        "HOOK_URL", hook());
    String token = token(login);
    String sid = sid(token);

    assertEquals(401, shop("POST", sid, "forged." + token, CART, "text/html").statusCode());
    var bad = shop("POST", sid, token, "{\"currency\":\"EUR\",\"lines\":[{\"sku\":\"X\",\"quantity\":-1,\"unit\":\"EA\",\"unitPrice\":1}]}", "text/html");
    assertEquals(422, bad.statusCode());
    var problem = Json.parse(bad.body());
    assertEquals("lines[0].description", problem.at("/errors/0/location").asText());
    assertEquals("lines[0].quantity", problem.at("/errors/1/location").asText());
    var tooLong = shop("POST", sid, token, CART.replace("\"4600000123\"", "\"46000001234567\""), "text/html");
    assertEquals(422, tooLong.statusCode(), "CONTRACT allows 10 characters");
    assertEquals("OPEN", Json.parse(shop("GET", sid, token, null, "application/json").body()).get("status").asText());

    // a session whose time is up: stored directly, with a token signed by the runner's key
    var store = new DynamoDbSessionStore(runner.engines().dynamoDb(), runner.engines().tableName("SessionsTable"), Duration.ofDays(1));
    Connection demo = new DynamoDbConnectionStore(runner.engines().dynamoDb(), runner.engines().tableName("MappingsTable"))
        .find("demo-oci5").orElseThrow();
    Instant past = Instant.now().minus(Duration.ofHours(2));
    store.create(new Session("e2e-expired", demo.withoutSecret(), "demo-oci5", SessionStatus.OPEN, past,
        past.plus(Duration.ofHours(1)), new CallUp.Oci(Map.of("HOOK_URL", hook())), Map.of(), null, null, null), null);
    String expired = new PunchoutTokens(LocalRunner.DEMO_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
        .issue(new TokenClaims("e2e-expired", "demo-oci5", demo.userGroup(), "demo-oci5", null, past,
            past.plus(Duration.ofHours(1)), "jti"));
    assertEquals(410, shop("POST", "e2e-expired", expired, CART, "text/html").statusCode());
    assertEquals(SessionStatus.OPEN, store.find("e2e-expired").orElseThrow().status());

    String unknown = new PunchoutTokens(LocalRunner.DEMO_TOKEN_SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC())
        .issue(new TokenClaims("never-stored", "demo-oci5", demo.userGroup(), "demo-oci5", null, Instant.now(),
            Instant.now().plusSeconds(600), "jti"));
    assertEquals(404, shop("POST", "never-stored", unknown, CART, "text/html").statusCode());
  }
}
