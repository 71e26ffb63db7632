package org.punchgate.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.login.PunchoutLoginHandlerTest.event;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cxml.CxmlConformance;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStore;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;
import org.punchgate.testing.StandardError;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;

/**
 * The cXML events of {@code events/} through the login handler: a buyer's system posts a PunchOutSetupRequest
 * (or a ProfileRequest) server to server, and the buyer's browser opens the StartPage it was given.
 */
class CxmlSetupHandlerTest {

  private static final String SECRET = "<SharedSecret>demo-cxml-secret</SharedSecret>";

  private final InMemoryWiring memory = new InMemoryWiring();
  private final PunchoutLoginHandler handler = new PunchoutLoginHandler(memory.wiring);

  CxmlSetupHandlerTest() {
    memory.connections.put(Fixtures.cxmlConnection("demo-cxml", CxmlSettings.BASE64));
  }

  private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
    return handler.handleRequest(event, null);
  }

  /** The cXML Response of an answer, which always travels in HTTP 200 as text/xml. */
  private static CxmlPayload.Response cxmlResponse(APIGatewayV2HTTPResponse http) {
    assertEquals(200, http.getStatusCode(), "a cXML status travels in HTTP 200");
    assertTrue(http.getHeaders().get("content-type").startsWith("text/xml"), http.getHeaders().toString());
    byte[] body = http.getBody().getBytes(StandardCharsets.UTF_8);
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(body), http.getBody());
    return assertInstanceOf(CxmlPayload.Response.class, read.document().payload());
  }

  private static APIGatewayV2HTTPEvent withBody(String eventName, String from, String to) throws IOException {
    APIGatewayV2HTTPEvent event = event(eventName);
    assertTrue(event.getBody().contains(from), "the event holds " + from);
    event.setBody(event.getBody().replace(from, to));
    return event;
  }

  /** The one stored session, found by the id in the StartPage URL. */
  private Session sessionOf(CxmlPayload.Response response) {
    assertEquals(1, memory.sessions.size());
    String path = URI.create(response.startPageUrl()).getPath();
    return memory.sessions.find(path.substring(path.lastIndexOf('/') + 1)).orElseThrow();
  }

  @Test
  void answersOurOwnFaultWithACxml500WhoseCorrelationIdIsTheLambdaRequestId() throws IOException {
    SessionStore failingSessions = new SessionStore() {
      @Override
      public void create(Session session, StartTicket startTicket) {
        throw new IllegalStateException("table unavailable: secret detail");
      }

      @Override
      public java.util.Optional<Session> find(String sessionId) {
        return memory.sessions.find(sessionId);
      }

      @Override
      public org.punchgate.session.TransferOutcome close(String sessionId, org.punchgate.session.SessionStatus status,
          Cart cart, java.time.Instant now) {
        return memory.sessions.close(sessionId, status, cart, now);
      }

      @Override
      public java.util.Optional<Session> redeemStartTicket(String sessionId, String ticket, java.time.Instant now) {
        return memory.sessions.redeemStartTicket(sessionId, ticket, now);
      }
    };
    var w = memory.wiring;
    var failing = new PunchoutLoginHandler(new org.punchgate.wiring.Wiring(w.config(), failingSessions, w.connections(),
        w.tokens(), w.ids(), w.clock()));
    var context = (com.amazonaws.services.lambda.runtime.Context) java.lang.reflect.Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {com.amazonaws.services.lambda.runtime.Context.class},
        (proxy, method, args) -> "getAwsRequestId".equals(method.getName()) ? "lambda-request-7" : null);
    APIGatewayV2HTTPEvent setup = event("cxml-setup-create.json");
    var captured = StandardError.capture(() -> failing.handleRequest(setup, context));
    assertTrue(captured.text().contains("\"level\":\"ERROR\"") && captured.text().contains("lambda-request-7"),
        captured.text());
    APIGatewayV2HTTPResponse http = captured.value();
    assertEquals(500, http.getStatusCode());
    assertTrue(http.getHeaders().get("content-type").startsWith("text/xml"), http.getHeaders().toString());
    var read = assertInstanceOf(CxmlReader.Result.Read.class,
        CxmlReader.read(http.getBody().getBytes(StandardCharsets.UTF_8)), http.getBody());
    var response = assertInstanceOf(CxmlPayload.Response.class, read.document().payload());
    assertEquals(500, response.status().code());
    assertEquals("internal error, correlation id lambda-request-7", response.status().detail());
    assertFalse(http.getBody().contains("secret detail"));
  }

  @Test
  void createAnswersWithAStartPageInACxmlResponse() throws IOException {
    APIGatewayV2HTTPResponse http = post(event("cxml-setup-create.json"));
    CxmlPayload.Response response = cxmlResponse(http);
    assertEquals(200, response.status().code());
    assertEquals("PunchOutSetupResponse", response.responseName());
    Session session = sessionOf(response);
    assertTrue(response.startPageUrl().startsWith("https://gateway.example.com/punchout/cxml/start/" + session.id() + "?ticket="),
        response.startPageUrl());
    assertEquals("jane.mueller@acme.example", session.username());
    assertEquals("demo-cart-2026-11-23-0001", session.callUp().stored().get("buyerCookie"));
    assertEquals("http://localhost:3000/buyer/cxml/return", session.callUp().stored().get("browserFormPost"));
    assertEquals("create", session.callUp().stored().get("operation"));
    assertEquals("K\u00f6ln", session.callUp().stored().get("shipTo.city"));
    assertEquals("Hafenstra\u00dfe 12", session.callUp().stored().get("shipTo.street"));
    assertEquals(Map.of("UserEmail", "jane.mueller@acme.example", "FirstName", "Jane", "LastName", "M\u00fcller",
        "CostCenter", "CC-4711 Werkstatt"), session.extrinsics());
    assertNull(session.initialCart(), "a create starts with an empty cart");
    if (conformanceAvailable()) {
      assertEquals(List.of(), CxmlConformance.dtdErrors(http.getBody().getBytes(StandardCharsets.UTF_8)), http.getBody());
    }
  }

  @Test
  void withoutPublicBaseUrlTheStartPageKeepsTheStageOfTheRequest() throws IOException {
    InMemoryWiring staged = new InMemoryWiring(null);
    staged.connections.put(Fixtures.cxmlConnection("demo-cxml", CxmlSettings.BASE64));
    PunchoutLoginHandler stagedHandler = new PunchoutLoginHandler(staged.wiring);

    APIGatewayV2HTTPEvent event = event("cxml-setup-create-stage-dev.json");
    assertEquals("dev", event.getRequestContext().getStage());
    CxmlPayload.Response response = cxmlResponse(stagedHandler.handleRequest(event, null));
    assertTrue(response.startPageUrl().startsWith(
        "https://abc123.execute-api.eu-central-1.amazonaws.com/dev/punchout/cxml/start/"), response.startPageUrl());

    // the browser opens exactly that URL: API Gateway hands it over with the stage in rawPath
    URI startPage = URI.create(response.startPageUrl());
    APIGatewayV2HTTPEvent open = startPageEvent(startPage);
    open.getRequestContext().setStage("dev");
    assertEquals(302, stagedHandler.handleRequest(open, null).getStatusCode());
  }

  @Test
  void theStartPageIsRedeemedOnceForAPunchoutToken() throws IOException {
    CxmlPayload.Response response = cxmlResponse(post(event("cxml-setup-create.json")));
    URI startPage = URI.create(response.startPageUrl());
    Session session = sessionOf(response);
    APIGatewayV2HTTPEvent open = startPageEvent(startPage);

    APIGatewayV2HTTPResponse redirect = handler.handleRequest(open, null);
    assertEquals(302, redirect.getStatusCode());
    String location = redirect.getHeaders().get("location");
    assertTrue(location.startsWith("http://localhost:3000/shop/?punchout_token="), location);
    String token = URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.US_ASCII);
    TokenClaims claims = assertInstanceOf(PunchoutTokens.Verification.Valid.class, memory.wiring.tokens().verify(token)).claims();
    assertEquals(session.id(), claims.sessionId());
    assertEquals("demo-cxml", claims.connectionId());
    assertEquals("acme-buyers", claims.userGroup());
    assertEquals("jane.mueller@acme.example", claims.subject());

    APIGatewayV2HTTPResponse again = handler.handleRequest(startPageEvent(startPage), null);
    assertEquals(403, again.getStatusCode(), "the ticket is single use");
    assertFalse(again.getHeaders().containsKey("location"));
  }

  @Test
  void aStartPageWithAWrongTicketIsRefused() throws IOException {
    URI startPage = URI.create(cxmlResponse(post(event("cxml-setup-create.json"))).startPageUrl());
    URI forged = URI.create(startPage.toString().replaceAll("ticket=.*", "ticket=guessed"));
    assertEquals(403, handler.handleRequest(startPageEvent(forged), null).getStatusCode());
    memory.clock.advance(java.time.Duration.ofMinutes(6));
    assertEquals(403, handler.handleRequest(startPageEvent(startPage), null).getStatusCode(), "the ticket lasts minutes");
  }

  /** The start-page event with the placeholders replaced by the StartPage URL's session id and ticket. */
  private static APIGatewayV2HTTPEvent startPageEvent(URI startPage) throws IOException {
    APIGatewayV2HTTPEvent event = event("cxml-start-page.json");
    String sessionId = startPage.getPath().substring(startPage.getPath().lastIndexOf('/') + 1);
    String query = startPage.getRawQuery();
    event.setRawPath(startPage.getPath());
    event.getRequestContext().getHttp().setPath(startPage.getPath());
    event.setPathParameters(Map.of("sessionId", sessionId));
    event.setRawQueryString(query);
    event.setQueryStringParameters(Map.of("ticket", query.substring("ticket=".length())));
    return event;
  }

  @Test
  void editOpensASessionWhoseInitialCartIsTheItemOutLines() throws IOException {
    CxmlPayload.Response response = cxmlResponse(post(event("cxml-setup-edit.json")));
    assertEquals(200, response.status().code());
    Session session = sessionOf(response);
    assertEquals("edit", session.callUp().stored().get("operation"));
    Cart cart = session.initialCart();
    assertEquals("EUR", cart.currency());
    assertEquals(2, cart.lines().size());
    CartLine drill = cart.lines().get(0);
    assertEquals("1", drill.lineId());
    assertEquals("DRL-18V-KIT", drill.sku());
    assertEquals("session=4f1c;line=1", drill.auxiliaryId(), "the SupplierPartAuxiliaryID comes back byte-exactly");
    assertEquals(0, new BigDecimal("2").compareTo(drill.quantity()));
    assertEquals(new BigDecimal("159.00"), drill.unitPrice());
    assertEquals("EA", drill.unit());
    assertEquals("Cordless drill driver 18 V, kit in case", drill.description());
    assertEquals("UNSPSC", drill.classification().scheme());
    assertEquals("27112703", drill.classification().code());
    assertEquals("VT-DD18-60K", drill.manufacturerSku());
    assertEquals("Voltara Tools", drill.manufacturer());
    assertEquals(3, drill.leadTimeDays());
    CartLine battery = cart.lines().get(1);
    assertEquals("BAT-18V-40", battery.sku());
    assertEquals("session=4f1c;line=2", battery.auxiliaryId());
    assertEquals(0, BigDecimal.ONE.compareTo(battery.quantity()));
    assertEquals(new BigDecimal("58.00"), battery.unitPrice());
  }

  @Test
  void profileRequestGetsAProfileResponseAndOpensNothing() throws IOException {
    APIGatewayV2HTTPResponse http = post(event("cxml-profile-request.json"));
    CxmlPayload.Response response = cxmlResponse(http);
    assertEquals(200, response.status().code());
    assertEquals("ProfileResponse", response.responseName());
    assertTrue(http.getBody().contains("<Transaction requestName=\"PunchOutSetupRequest\">"), http.getBody());
    assertTrue(http.getBody().contains("<URL>https://gateway.example.com/punchout/cxml</URL>"), http.getBody());
    assertEquals(0, memory.sessions.size());
    if (conformanceAvailable()) {
      assertEquals(List.of(), CxmlConformance.dtdErrors(http.getBody().getBytes(StandardCharsets.UTF_8)), http.getBody());
    }
  }

  @Test
  void aWrongSharedSecretGetsCxml401AndStoresNothing() throws IOException {
    CxmlPayload.Response response = cxmlResponse(post(withBody("cxml-setup-create.json", SECRET,
        "<SharedSecret>demo-cxml-guess</SharedSecret>")));
    assertEquals(401, response.status().code());
    assertEquals("Unauthorized", response.status().text());
    assertEquals(0, memory.sessions.size());
  }

  @Test
  void anInactiveConnectionGetsCxml403() throws IOException {
    memory.connections.put(Fixtures.inactive(Fixtures.cxmlConnection("demo-cxml", CxmlSettings.BASE64)));
    assertEquals(403, cxmlResponse(post(event("cxml-setup-create.json"))).status().code());
    assertEquals(0, memory.sessions.size());
  }

  @Test
  void anExternalEntityIsRefusedWith400AndNeverRead(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-CONTENT");
    AtomicInteger fetches = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      fetches.incrementAndGet();
      exchange.sendResponseHeaders(200, 0);
      exchange.close();
    });
    server.start();
    try {
      String remote = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
      APIGatewayV2HTTPEvent event = withBody("cxml-setup-create.json",
          "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd\">",
          "<!DOCTYPE cXML [<!ENTITY file SYSTEM \"" + secret.toUri() + "\"><!ENTITY remote SYSTEM \"" + remote
              + "\"><!ENTITY % dtd SYSTEM \"" + remote + "\"> %dtd;]>");
      event.setBody(event.getBody().replace("demo-cart-2026-11-23-0001", "&file;&remote;"));
      APIGatewayV2HTTPResponse http = post(event);
      CxmlPayload.Response response = cxmlResponse(http);
      assertEquals(400, response.status().code());
      assertFalse(http.getBody().contains("TOP-SECRET-CONTENT"), http.getBody());
      assertEquals(0, fetches.get(), "no entity is ever fetched");
      assertEquals(0, memory.sessions.size());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void entityExpansionIsRefusedWith400() throws IOException {
    StringBuilder laughs = new StringBuilder("<!DOCTYPE cXML [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      laughs.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    laughs.append("]>");
    APIGatewayV2HTTPEvent event = withBody("cxml-setup-create.json",
        "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd\">", laughs.toString());
    event.setBody(event.getBody().replace("demo-cart-2026-11-23-0001", "&l9;"));
    assertEquals(400, cxmlResponse(post(event)).status().code());
    assertEquals(0, memory.sessions.size());
  }

  @Test
  void theSampleEventsAreValidCxmlOfTheirDtd() throws IOException {
    for (String name : List.of("cxml-setup-create.json", "cxml-setup-edit.json", "cxml-profile-request.json")) {
      byte[] body = event(name).getBody().getBytes(StandardCharsets.UTF_8);
      assertEquals(List.of(), CxmlConformance.dtdErrors(body), name);
    }
  }

  private static boolean conformanceAvailable() {
    String dir = System.getProperty("punchgate.conformance.dir");
    return dir != null && Files.isDirectory(Path.of(dir, "cxml", "dtd"));
  }
}
