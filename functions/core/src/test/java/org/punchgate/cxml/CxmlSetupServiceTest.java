package org.punchgate.cxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.cart.Cart;
import org.punchgate.connection.Connection;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretHash;
import org.punchgate.session.CallUp;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore;
import org.punchgate.session.TransferOutcome;
import org.punchgate.connection.CxmlSettings;

class CxmlSetupServiceTest {

  /** The project's own setup request (test resources), so that this suite runs without the shared samples. */
  static final String SAMPLE = "/cxml/setup-create-shipto-itemout.xml";

  private final Clock clock = Clock.fixed(CxmlFixtures.t0(), ZoneOffset.UTC);
  private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  private final RecordingSessionStore sessions = new RecordingSessionStore();
  private final CxmlSetupHttp service =
      new CxmlSetupHttp(new CxmlSetupService(connections, sessions, new RandomIds(), clock), new RandomIds(), clock, "https://gw.example/", 64 * 1024);

  CxmlSetupServiceTest() {
    connections.put(CxmlFixtures.connection("1.2.050", CxmlSettings.BASE64,
        SecretHash.hash("s3cr3t", new SecureRandom(), 1000), true));
  }

  static HttpRequest post(byte[] body) {
    return post(body, "text/xml; charset=utf-8");
  }

  static HttpRequest post(byte[] body, String contentType) {
    return new HttpRequest("POST", CxmlSetupService.ROUTE, Map.of(), "",
        Map.of("content-type", contentType, "host", "ignored.example"), body);
  }

  static CxmlPayload.Response response(HttpResponse http) {
    assertTrue(http.contentType().startsWith("text/xml"), http.contentType());
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(http.body()));
    return assertInstanceOf(CxmlPayload.Response.class, read.document().payload());
  }

  private CxmlPayload.Response refused(HttpResponse http, int cxmlStatus) {
    assertEquals(200, http.status(), "a cXML status travels in HTTP 200");
    CxmlPayload.Response response = response(http);
    assertEquals(cxmlStatus, response.status().code(), () -> response.status().toString());
    assertEquals(List.of(), CxmlConformance.dtdErrors(http.body()), http.bodyText());
    assertTrue(sessions.created.isEmpty(), "nothing is stored on error");
    return response;
  }

  static byte[] sample() {
    try (var in = CxmlSetupServiceTest.class.getResourceAsStream(SAMPLE)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] sampleWith(String from, String to) {
    return new String(sample(), StandardCharsets.UTF_8).replace(from, to).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void opensASessionAndAnswersWithAStartPage() {
    HttpResponse http = service.handle(post(sample()));
    assertEquals(200, http.status());
    assertEquals(List.of(), CxmlConformance.dtdErrors(http.body()), http.bodyText());
    CxmlPayload.Response response = response(http);
    assertEquals(200, response.status().code());
    assertEquals("PunchOutSetupResponse", response.responseName());
    String url = response.startPageUrl();
    assertTrue(url.startsWith("https://gw.example/punchout/cxml/start/"), url);
    assertEquals(1, sessions.created.size());
    Session session = sessions.created.values().iterator().next();
    assertEquals(session.id(), http.sessionId());
    assertTrue(url.contains("/start/" + session.id() + "?ticket="), url);
    assertEquals(SessionStatus.OPEN, session.status());
    assertNull(session.connection().secretHash(), "the session keeps the connection without its secret");
    assertEquals("erika.berg@buyer.example", session.username());
    assertEquals(CxmlFixtures.t0().plusSeconds(3600), session.expiresAt());
    Map<String, String> c = session.callUp().stored();
    assertEquals("7f3c0a9e21d84b6b9d0e5c4a1b2f6e88", c.get("buyerCookie"));
    assertEquals("https://procurement.buyer.example/hook-url", c.get("browserFormPost"));
    assertEquals("create", c.get("operation"));
    assertEquals("test", c.get("deploymentMode"));
    assertEquals("1795428000000.42@procurement.buyer.example", c.get("payloadID"));
    assertEquals("NetworkId", c.get("fromDomain"));
    assertEquals("punchout@procurement.buyer.example", c.get("fromIdentity"));
    assertEquals("orders@supplier.example", c.get("toIdentity"));
    assertEquals("Erika Berg\nDock 4", c.get("shipTo.deliverTo"));
    assertEquals("Rotterdam", c.get("shipTo.city"));
    assertEquals("NL", c.get("shipTo.countryCode"));
    assertEquals("CH-2000", c.get("selectedItem.supplierPartID"));
    assertEquals(Map.of("UserEmail", "erika.berg@buyer.example"), session.extrinsics(), "only the listed extrinsics");
    assertNull(session.initialCart(), "a create starts with an empty cart");
    var ticket = sessions.tickets.get(session.id());
    assertEquals(CxmlFixtures.t0().plus(CxmlSetupService.START_TICKET_LIFETIME), ticket.expiresAt());
    assertTrue(url.endsWith("?ticket=" + ticket.value()));
  }

  @Test
  void anEditReopensTheBuyersCartInShopUnits() {
    HttpResponse http = service.handle(post(sampleWith("operation=\"create\"", "operation=\"edit\"")));
    assertEquals(200, response(http).status().code());
    Session session = sessions.created.values().iterator().next();
    assertEquals("edit", session.callUp().stored().get("operation"));
    Cart cart = session.initialCart();
    assertEquals(2, cart.lines().size());
    assertEquals("CH-100", cart.lines().get(0).sku());
    assertEquals("piece", cart.lines().get(0).unit(), "the buyer's EA is the shop's piece");
    assertEquals(new BigDecimal("412.50"), cart.lines().get(0).unitPrice());
    assertEquals("EUR", cart.currency());
  }

  @Test
  void refusesAWrongSharedSecret() {
    var r = refused(service.handle(post(sampleWith("<SharedSecret>s3cr3t</SharedSecret>", "<SharedSecret>guess</SharedSecret>"))), 401);
    assertEquals("Unauthorized", r.status().text());
  }

  @Test
  void refusesAnUnknownSenderLikeAWrongSecret() {
    var r = refused(service.handle(post(sampleWith("<Identity>punchout@procurement.buyer.example</Identity>\n                <SharedSecret>",
        "<Identity>stranger@example.com</Identity>\n                <SharedSecret>"))), 401);
    assertEquals("unknown Sender credential or wrong SharedSecret", r.status().detail());
  }

  @Test
  void refusesAFromCredentialTheConnectionDoesNotList() {
    refused(service.handle(post(sampleWith("<From>\n            <Credential domain=\"NetworkId\">\n                <Identity>punchout@procurement.buyer.example",
        "<From>\n            <Credential domain=\"NetworkId\">\n                <Identity>someone-else"))), 401);
  }

  @Test
  void refusesAnInactiveConnection() {
    connections.put(CxmlFixtures.connection("1.2.050", CxmlSettings.BASE64,
        SecretHash.hash("s3cr3t", new SecureRandom(), 1000), false));
    refused(service.handle(post(sample())), 403);
  }

  @Test
  void refusesAReturnAddressOutsideTheAllowList() {
    var r = refused(service.handle(post(sampleWith("https://procurement.buyer.example/hook-url", "https://evil.example/steal"))), 403);
    assertTrue(r.status().detail().startsWith("BrowserFormPost/URL points to https://evil.example:443"), r.status().detail());
    var missing = refused(service.handle(post(sampleWith("<URL>https://procurement.buyer.example/hook-url</URL>", "<URL></URL>"))), 400);
    assertEquals("BrowserFormPost/URL is missing", missing.status().detail());
  }

  @Test
  void refusesAnOversizedBodyBeforeReadingIt() {
    byte[] big = new byte[64 * 1024 + 1];
    var r = refused(service.handle(post(big)), 400);
    assertTrue(r.status().detail().contains("larger than 65536 bytes"));
  }

  @Test
  void namesTheProblemOfABrokenRequest() {
    var r = refused(service.handle(post(sampleWith("<BuyerCookie>7f3c0a9e21d84b6b9d0e5c4a1b2f6e88</BuyerCookie>", ""))), 400);
    assertTrue(r.status().detail().startsWith("/cXML/Request/PunchOutSetupRequest/BuyerCookie"), r.status().detail());
    var notXml = refused(service.handle(post("hello".getBytes(StandardCharsets.UTF_8))), 400);
    assertTrue(notXml.status().detail().contains("not well-formed XML"), notXml.status().detail());
  }

  @Test
  void refusesRequestsItDoesNotHandle() {
    var order = refused(service.handle(post(CxmlConformance.sample("cxml-1.2.050-orderrequest.xml"))), 406);
    assertTrue(order.status().detail().startsWith("OrderRequest is not accepted here"), order.status().detail());
    refused(service.handle(post(CxmlConformance.sample("cxml-1.2.050-punchoutordermessage-2-items-cdata.xml"))), 406);
    refused(service.handle(post(sampleWith("operation=\"create\"", "operation=\"source\""))), 406);
  }

  @Test
  void refusesExternalEntitiesAndEntityExpansion() {
    String xxe = new String(sample(), StandardCharsets.UTF_8)
        .replace("<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd\">",
            "<!DOCTYPE cXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
        .replace("7f3c0a9e21d84b6b9d0e5c4a1b2f6e88", "&xxe;");
    var r = refused(service.handle(post(xxe.getBytes(StandardCharsets.UTF_8))), 400);
    assertFalse(r.status().detail().contains("root:"), r.status().detail());
  }

  @Test
  void readsAnIso88591Request() {
    String text = new String(sample(), StandardCharsets.UTF_8)
        .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
        .replace("<City>Rotterdam</City>", "<City>K\u00f6ln</City>")
        .replace("erika.berg@buyer.example", "j\u00fcrgen@buyer.example");
    HttpResponse http = service.handle(post(text.getBytes(StandardCharsets.ISO_8859_1), "text/xml"));
    assertEquals(200, response(http).status().code());
    Session session = sessions.created.values().iterator().next();
    assertEquals("K\u00f6ln", session.callUp().stored().get("shipTo.city"));
    assertEquals("j\u00fcrgen@buyer.example", session.username());
  }

  @Test
  void acceptsARequestPostedAsAForm() {
    String form = "cXML-urlencoded=" + URLEncoder.encode(new String(sample(), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    HttpResponse http = service.handle(post(form.getBytes(StandardCharsets.US_ASCII), "application/x-www-form-urlencoded"));
    assertEquals(200, response(http).status().code());
    String base64 = "cxml-base64=" + URLEncoder.encode(Base64.getEncoder().encodeToString(sample()), StandardCharsets.UTF_8);
    assertEquals(200, response(service.handle(post(base64.getBytes(StandardCharsets.US_ASCII),
        "application/x-www-form-urlencoded"))).status().code());
  }

  @Test
  void answersAProfileRequest() {
    String profile = new String(sample(), StandardCharsets.UTF_8);
    int start = profile.indexOf("<PunchOutSetupRequest");
    int end = profile.indexOf("</PunchOutSetupRequest>") + "</PunchOutSetupRequest>".length();
    profile = profile.substring(0, start) + "<ProfileRequest/>" + profile.substring(end);
    HttpResponse http = service.handle(post(profile.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), CxmlConformance.dtdErrors(http.body()), http.bodyText());
    CxmlPayload.Response response = response(http);
    assertEquals(200, response.status().code());
    assertEquals("ProfileResponse", response.responseName());
    assertTrue(http.bodyText().contains("<Transaction requestName=\"PunchOutSetupRequest\">"));
    assertTrue(http.bodyText().contains("<URL>https://gw.example/punchout/cxml</URL>"));
    assertTrue(sessions.created.isEmpty());
  }

  @Test
  void takesItsBaseUrlFromTheRequestWhenNotConfigured() {
    var fromHost = new CxmlSetupHttp(new CxmlSetupService(connections, sessions, new RandomIds(), clock), new RandomIds(), clock, null, 64 * 1024);
    HttpRequest request = new HttpRequest("POST", CxmlSetupService.ROUTE, Map.of(), "",
        Map.of("content-type", "text/xml", "host", "abc.execute-api.eu-west-1.amazonaws.com"), sample());
    assertTrue(response(fromHost.handle(request)).startPageUrl()
        .startsWith("https://abc.execute-api.eu-west-1.amazonaws.com/punchout/cxml/start/"));
  }

  @Test
  void answersOurOwnFaultWith500AndACorrelationId() {
    var failing = new CxmlSetupHttp(new CxmlSetupService(connections, new RecordingSessionStore() {
      @Override
      public void create(Session session, StartTicket startTicket) {
        throw new IllegalStateException("table unavailable: secret detail");
      }
    }, new RandomIds(), clock), new RandomIds(), clock, "https://gw.example", 64 * 1024);
    // the fault leaves the service; the one 500 path (HttpFunction) catches it and asks for the cXML answer
    assertThrows(IllegalStateException.class, () -> failing.handle(post(sample())));
    HttpResponse http = failing.internalError("request-1");
    assertEquals(500, http.status());
    CxmlPayload.Response response = response(http);
    assertEquals(500, response.status().code());
    assertTrue(response.status().detail().startsWith("internal error, correlation id "));
    assertFalse(http.bodyText().contains("secret detail"));
  }

  @Test
  void acceptsTheSetupRequestSamplesOfTheConformanceFolder() {
    connections.put(withSender(CxmlFixtures.connection("1.2.050", CxmlSettings.BASE64,
        SecretHash.hash("jd8je3$ndP", new SecureRandom(), 1000), true), "NetworkId", "buyer", "https://example.com"));
    HttpResponse http = service.handle(post(CxmlConformance.sample("cxml-1.2.040-punchoutsetuprequest-create-extrinsics-shipto.xml")));
    assertEquals(200, response(http).status().code(), http.bodyText());
    connections.put(withSender(CxmlFixtures.connection("1.2.050", CxmlSettings.BASE64,
        SecretHash.hash("{shared secret in here}", new SecureRandom(), 1000), true), "IESAnetworkUserID", "88888888",
        "http://return_to_supplier_url.com"));
    // deliberately refused: "return_to_supplier_url.com" is no valid host name (underscores), so the return
    // address cannot be checked against the allow-list; the sample is read correctly otherwise (CxmlReaderTest)
    sessions.created.clear();
    var refused = refused(service.handle(post(CxmlConformance.sample("cxml-punchoutsetuprequest-create-minimal.xml"))), 400);
    assertEquals("BrowserFormPost/URL is not an absolute http or https URL", refused.status().detail());
  }

  private static Connection withSender(Connection c, String domain, String identity, String origin) {
    CxmlSettings s = c.cxml();
    CxmlSettings settings = new CxmlSettings(List.of(), List.of(new CxmlCredential(domain, identity)), s.to(),
        s.returnEncoding(), s.version(), s.extrinsicsToShop());
    return new Connection(c.id() + "-" + identity, c.name(), true, c.format(), c.userGroup(), null, null,
        c.secretHash(), List.of(origin), c.shopStartUrl(), null, c.fieldMapping(), c.unitMap(),
        c.defaultClassification(), settings);
  }

  /** The in-memory store, remembering what was created and with which ticket. */
  static class RecordingSessionStore implements SessionStore {
    final InMemorySessionStore delegate = new InMemorySessionStore();
    final Map<String, Session> created = new ConcurrentHashMap<>();
    final Map<String, StartTicket> tickets = new ConcurrentHashMap<>();

    @Override
    public void create(Session session, StartTicket startTicket) {
      delegate.create(session, startTicket);
      created.put(session.id(), session);
      tickets.put(session.id(), startTicket);
    }

    @Override
    public Optional<Session> find(String sessionId) {
      return delegate.find(sessionId);
    }

    @Override
    public TransferOutcome close(String sessionId, SessionStatus newStatus, Cart cart, java.time.Instant now) {
      return delegate.close(sessionId, newStatus, cart, now);
    }

    @Override
    public Optional<Session> redeemStartTicket(String sessionId, String ticket, java.time.Instant now) {
      return delegate.redeemStartTicket(sessionId, ticket, now);
    }
  }

  @Test
  void theSessionsCartReturnsAsAValidOrderMessage() {
    HttpResponse http = service.handle(post(sampleWith("operation=\"create\"", "operation=\"edit\"")));
    assertEquals(200, response(http).status().code());
    Session session = sessions.created.values().iterator().next();
    var renderer = new CxmlCartRenderer(new PayloadIds(new RandomIds(), clock, "gw.example"), clock);
    var rendered = renderer.render(session, session.initialCart(), false);
    assertTrue(rendered.valid(), rendered.violations()::toString);
    byte[] document = Base64.getDecoder().decode(rendered.form().fields().get(0).value());
    assertEquals(List.of(), CxmlConformance.dtdErrors(document));
    var poom = assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class,
        ((CxmlReader.Result.Read) CxmlReader.read(document)).document().payload());
    assertEquals("7f3c0a9e21d84b6b9d0e5c4a1b2f6e88", poom.buyerCookie());
    assertEquals(PunchOutOperation.EDIT, poom.operationAllowed());
    assertEquals(new BigDecimal("864.90"), poom.total(), "2 x 412.50 + 39.90");
    assertEquals("EA", poom.cart().lines().get(0).unit());
    assertNotNull(rendered.form().action());
    assertEquals("10", poom.cart().lines().get(0).lineId(), "the buyer's line numbers survive the edit");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"identity", "domain"})
  void anOversizedSenderIsRefusedBeforeAnyLookup(String part) {
    var guarded = new org.punchgate.testing.LookupCountingStore(connections);
    var strict = new CxmlSetupHttp(new CxmlSetupService(guarded, sessions, new RandomIds(), clock), new RandomIds(), clock,
        "https://gw.example/", 64 * 1024);
    String big = "x".repeat(2100);
    byte[] xml = part.equals("identity")
        ? sampleWith("<Identity>punchout@procurement.buyer.example</Identity>\n                <SharedSecret>",
            "<Identity>" + big + "</Identity>\n                <SharedSecret>")
        : sampleWith("<Sender>\n            <Credential domain=\"NetworkId\">",
            "<Sender>\n            <Credential domain=\"" + big + "\">");
    assertTrue(new String(xml, StandardCharsets.UTF_8).contains(big));
    int code = response(strict.handle(post(xml))).status().code();
    assertTrue(code == 400 || code == 401, "status " + code);
    assertEquals(0, guarded.lookups(), "no lookup with an oversized key");
  }

  @Test
  void theShipToKeepsItsAddressIdAndItsDomain() {
    service.handle(post(sampleWith("<ShipTo>\n                <Address addressID=\"PLANT-7\">",
        "<ShipTo>\n                <Address addressID=\"1000467\" addressIDDomain=\"buyerLocationID\">")));
    var shipTo = ((CallUp.Cxml) sessions.created.values().iterator().next().callUp()).shipTo();
    assertEquals("1000467", shipTo.addressId());
    assertEquals("buyerLocationID", shipTo.addressIdDomain());
  }
}
