package org.punchgate.cartreturn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.json.Json;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore.StartTicket;
import org.punchgate.testing.Fixtures;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;
import org.punchgate.validation.Violation;

class CartTransferTest {

  /** A renderer that lists sku=quantity per line, and refuses lines whose sku is "TOO-LONG". */
  private static final CartRenderer SIMPLE = (session, cart, cancel) -> {
    List<ReturnForm.Field> fields = new ArrayList<>();
    List<Violation> problems = new ArrayList<>();
    for (int i = 0; i < cart.lines().size(); i++) {
      var line = cart.lines().get(i);
      if ("TOO-LONG".equals(line.sku())) {
        problems.add(new Violation("test.sku.length", "lines[" + i + "].sku", "too long for the buyer"));
      }
      fields.add(new ReturnForm.Field(line.sku(), line.quantity().toPlainString()));
    }
    return problems.isEmpty()
        ? CartRenderer.Rendered.ok(new ReturnForm("https://srm.example.com/hook", "_top", StandardCharsets.UTF_8,
            fields, ReturnForm.Submit.AUTOMATIC))
        : CartRenderer.Rendered.invalid(problems);
  };

  private final InMemorySessionStore sessions = new InMemorySessionStore();
  private final Fixtures.MutableClock clock = Fixtures.clock();
  private final PunchoutTokens tokens = Fixtures.tokens(clock);
  private final CartReturnHttp cartReturn = new CartReturnHttp(new CartTransfer(sessions, tokens,
      Map.of(ConnectionFormat.OCI_4_0, SIMPLE), clock, 100_000));
  private Session session;
  private String token;

  @BeforeEach
  void openSession() {
    session = new Session("s-1", Fixtures.ociConnection("oci4", ConnectionFormat.OCI_4_0).withoutSecret(), "oci4",
        SessionStatus.OPEN, Fixtures.NOW, Fixtures.NOW.plus(Duration.ofMinutes(30)),
        new CallUp.Oci(Map.of("HOOK_URL", "https://srm.example.com/hook", "FUNCTION", "DETAIL", "PRODUCTID", "SKU-1")),
        Map.of(), null, null, null);
    sessions.create(session, null);
    token = tokenFor(session.id());
  }

  private String tokenFor(String sessionId) {
    return tokens.issue(new TokenClaims(sessionId, "oci4", "acme-buyers", "oci4", null, Fixtures.NOW,
        Fixtures.NOW.plus(Duration.ofMinutes(30)), "jti-1"));
  }

  private HttpRequest request(String method, String sessionId, String bearer, String body, String accept) {
    Map<String, String> headers = new java.util.HashMap<>();
    if (bearer != null) {
      headers.put("authorization", "Bearer " + bearer);
    }
    if (accept != null) {
      headers.put("accept", accept);
    }
    return new HttpRequest(method, "/punchout/sessions/" + sessionId, Map.of("sessionId", sessionId), "",
        headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static final String CART = """
      {"currency":"EUR","lines":[
        {"sku":"SKU-1","description":"Drill","quantity":2,"unit":"PCE","unitPrice":"99.90"},
        {"sku":"SKU-2","description":"Bits","quantity":"1.5","unit":"SET","unitPrice":12}]}
      """;

  @Test
  void givesTheShopTheSessionInfo() {
    HttpResponse response = cartReturn.sessionInfo(request("GET", "s-1", token, null, null));
    assertEquals(200, response.status());
    JsonNode info = Json.parse(response.body());
    assertEquals("OPEN", info.get("status").asText());
    assertEquals("acme-buyers", info.get("userGroup").asText());
    assertEquals("OCI_4_0", info.get("format").asText());
    assertEquals("DETAIL", info.get("function").asText());
    assertEquals("SKU-1", info.at("/functionParameters/PRODUCTID").asText());
    assertEquals(1800, info.get("secondsLeft").asInt());
  }

  @Test
  void transfersTheCartOnceAndClosesTheSession() {
    HttpResponse response = cartReturn.transfer(request("POST", "s-1", token, CART, null));
    assertEquals(200, response.status());
    assertTrue(response.contentType().startsWith("text/html"));
    assertTrue(response.bodyText().contains("name=\"SKU-2\" value=\"1.5\""));
    Session closed = sessions.find("s-1").orElseThrow();
    assertEquals(SessionStatus.TRANSFERRED, closed.status());
    assertEquals(2, closed.transferredCart().lines().size());
    assertEquals(new java.math.BigDecimal("99.90"), closed.transferredCart().lines().get(0).unitPrice());
  }

  @Test
  void answersTheFormAsJsonWhenAsked() {
    HttpResponse response = cartReturn.transfer(request("POST", "s-1", token, CART, "application/json"));
    JsonNode form = Json.parse(response.body());
    assertEquals("POST", form.get("method").asText());
    assertEquals("https://srm.example.com/hook", form.get("action").asText());
    assertEquals("SKU-1", form.at("/fields/0/name").asText());
  }

  @Test
  void replaysAnIdenticalRetryButRefusesASecondCart() {
    assertEquals(200, cartReturn.transfer(request("POST", "s-1", token, CART, null)).status());
    assertEquals(200, cartReturn.transfer(request("POST", "s-1", token, CART, null)).status(), "a lost answer may be fetched again");
    HttpResponse second = cartReturn.transfer(request("POST", "s-1", token, CART.replace("\"quantity\":2", "\"quantity\":3"), null));
    assertEquals(409, second.status());
    assertEquals(2, sessions.find("s-1").orElseThrow().transferredCart().lines().get(0).quantity().intValue());
  }

  @Test
  void cancelClosesTheSessionWithAnEmptyCart() {
    HttpResponse response = cartReturn.transfer(request("POST", "s-1", token, "{\"currency\":\"EUR\",\"cancel\":true}", null));
    assertEquals(200, response.status());
    assertEquals(SessionStatus.CANCELLED, sessions.find("s-1").orElseThrow().status());
    assertTrue(sessions.find("s-1").orElseThrow().transferredCart().isEmpty());
  }

  @Test
  void namesEveryBadLineAndFieldAndChangesNothing() {
    String bad = """
        {"currency":"EUR","lines":[
          {"sku":"A","description":"ok","quantity":1,"unit":"PCE","unitPrice":1},
          {"sku":"B","quantity":0,"unit":"PCE","unitPrice":-1},
          {"sku":"C","description":"x","quantity":"lots","unit":"PCE","unitPrice":1,"currency":"eur"}]}
        """;
    HttpResponse response = cartReturn.transfer(request("POST", "s-1", token, bad, null));
    assertEquals(422, response.status());
    JsonNode problem = Json.parse(response.body());
    List<String> locations = new ArrayList<>();
    problem.get("errors").forEach(e -> locations.add(e.get("location").asText()));
    assertEquals(List.of("lines[1].description", "lines[1].quantity", "lines[1].unitPrice", "lines[2].quantity",
        "lines[2].currency"), locations);
    assertEquals(SessionStatus.OPEN, sessions.find("s-1").orElseThrow().status());
  }

  @Test
  void aCartTheBuyersFormatCannotCarryIsRefusedWithTheRenderersReasons() {
    String cart = "{\"currency\":\"EUR\",\"lines\":[{\"sku\":\"TOO-LONG\",\"description\":\"x\",\"quantity\":1,\"unit\":\"PCE\",\"unitPrice\":1}]}";
    HttpResponse response = cartReturn.transfer(request("POST", "s-1", token, cart, null));
    assertEquals(422, response.status());
    assertEquals("lines[0].sku", Json.parse(response.body()).at("/errors/0/location").asText());
    assertEquals(SessionStatus.OPEN, sessions.find("s-1").orElseThrow().status());
  }

  @Test
  void refusesBadTokensExpiredSessionsAndMalformedBodies() {
    assertEquals(401, cartReturn.transfer(request("POST", "s-1", null, CART, null)).status());
    assertEquals(401, cartReturn.transfer(request("POST", "s-1", token + "x", CART, null)).status());
    assertEquals(401, cartReturn.transfer(request("POST", "s-1", tokenFor("s-2"), CART, null)).status());
    assertEquals(404, cartReturn.transfer(request("POST", "s-2", tokenFor("s-2"), CART, null)).status());
    assertEquals(400, cartReturn.transfer(request("POST", "s-1", token, "{\"currency\":", null)).status());
    assertEquals(413, cartReturn.transfer(request("POST", "s-1", token, "{\"pad\":\"" + "x".repeat(200_000) + "\"}", null)).status());
    clock.advance(Duration.ofMinutes(31));
    assertEquals(410, cartReturn.transfer(request("POST", "s-1", token, CART, null)).status());
    assertEquals(SessionStatus.OPEN, sessions.find("s-1").orElseThrow().status());
  }

  /**
   * Every concurrent request read the session while it was still open: the store answers each find with the
   * session as it was before the first transfer, which is what racing requests see.
   */
  private static final class RacingReads implements org.punchgate.session.SessionStore {
    private final InMemorySessionStore delegate;
    private final Session open;

    RacingReads(InMemorySessionStore delegate, Session open) {
      this.delegate = delegate;
      this.open = open;
    }

    @Override
    public void create(Session s, StartTicket ticket) {
      delegate.create(s, ticket);
    }

    @Override
    public java.util.Optional<Session> find(String sessionId) {
      return java.util.Optional.of(open);
    }

    @Override
    public org.punchgate.session.TransferOutcome close(String id, SessionStatus status, org.punchgate.cart.Cart cart,
        java.time.Instant now) {
      return delegate.close(id, status, cart, now);
    }

    @Override
    public java.util.Optional<Session> redeemStartTicket(String sessionId, String ticket, java.time.Instant now) {
      return delegate.redeemStartTicket(sessionId, ticket, now);
    }
  }

  private Map<Integer, Integer> postConcurrently(CartReturnHttp racing, int count, java.util.function.IntFunction<String> cart,
      java.util.Set<String> bodiesOf200) throws Exception {
    Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(32);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<?>> all = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        all.add(pool.submit(() -> {
          start.await();
          HttpResponse r = racing.transfer(request("POST", "s-1", token, cart.apply(n), null));
          statuses.merge(r.status(), 1, Integer::sum);
          if (r.status() == 200) {
            bodiesOf200.add(r.bodyText());
          }
          return null;
        }));
      }
      start.countDown();
      for (var f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return statuses;
  }

  @Test
  void identicalConcurrentRetriesAllGetTheSamePage() throws Exception {
    var racing = new CartReturnHttp(new CartTransfer(new RacingReads(sessions, session), tokens,
        Map.of(ConnectionFormat.OCI_4_0, SIMPLE), clock, 100_000));
    var bodies = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
    var statuses = postConcurrently(racing, 500, n -> CART, bodies);
    assertEquals(Map.of(200, 500), statuses);
    assertEquals(1, bodies.size());
  }

  @Test
  void differentConcurrentCartsGetOne200AndConflictsForTheRest() throws Exception {
    var racing = new CartReturnHttp(new CartTransfer(new RacingReads(sessions, session), tokens,
        Map.of(ConnectionFormat.OCI_4_0, SIMPLE), clock, 100_000));
    var statuses = postConcurrently(racing, 100, n -> CART.replace("\"quantity\":2", "\"quantity\":" + (n + 2)),
        java.util.concurrent.ConcurrentHashMap.newKeySet());
    assertEquals(Map.of(200, 1, 409, 99), statuses);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "{\"currency\":\"EUR\",\"currency\":\"USD\",\"lines\":[]}",
      "{\"currency\":\"EUR\",\"lines\":[{\"sku\":\"A\",\"description\":\"a\",\"quantity\":1,\"quantity\":9,\"unit\":\"PCE\",\"unitPrice\":1}]}",
      "{\"currency\":\"EUR\",\"lines\":[]} trailing",
      "{\"currency\":\"EUR\",\"lines\":[]}{\"currency\":\"USD\",\"lines\":[]}"})
  void aDocumentTwoReadersCouldReadDifferentlyIsMalformed(String body) {
    HttpResponse response = cartReturn.transfer(request("POST", "s-1", token, body, null));
    assertEquals(400, response.status(), response.bodyText());
    assertEquals(SessionStatus.OPEN, sessions.find("s-1").orElseThrow().status());
  }
}
