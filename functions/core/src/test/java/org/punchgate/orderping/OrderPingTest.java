package org.punchgate.orderping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.json.Json;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.ErpOrderSchema;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.order.Order;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderOutbox;
import org.punchgate.order.OrderQueue;
import org.punchgate.session.CallUp;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.session.OrderOutcome;
import org.punchgate.session.Session;
import org.punchgate.session.SessionOrders;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;

/**
 * The order ping through its HTTP adapter on in-memory stores and queue: every answer of the ping API,
 * refusals that write nothing, duplicates that make one order and one message, and a failure injected
 * between each pair of steps (transaction, send, mark-sent) that the retry or the sweep repairs.
 */
class OrderPingTest {

  private static final Duration RETENTION = Duration.ofDays(30);

  private final InMemoryWiring memory = new InMemoryWiring();
  private final InMemoryOrderQueue queue = new InMemoryOrderQueue();
  private final Faults faults = new Faults();
  private final List<OrderHandOff.Step> problems = new ArrayList<>();
  private OrderHandOff handOff;
  private OrderPingHttp ping;
  private Connection oci4;
  private Connection oci5;

  /** Failures to inject: the next N calls of a step throw, as a crash or an outage there would. */
  static final class Faults {
    final AtomicInteger failTransactions = new AtomicInteger();
    final AtomicInteger failSends = new AtomicInteger();
    final AtomicInteger failMarks = new AtomicInteger();

    static void maybeFail(AtomicInteger counter, String step) {
      if (counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new IllegalStateException("injected failure: " + step);
      }
    }
  }

  @BeforeEach
  void wire() {
    oci4 = Fixtures.ociConnection("demo-oci4", ConnectionFormat.OCI_4_0);
    oci5 = Fixtures.ociConnection("demo-oci5", ConnectionFormat.OCI_5_0);
    memory.connections.put(oci4);
    memory.connections.put(oci5);
    InMemorySessionStore sessions = memory.sessions;
    SessionOrders orders = new SessionOrders() {
      @Override
      public java.util.Optional<WithOrder> findWithOrder(String sessionId) {
        return sessions.findWithOrder(sessionId);
      }

      @Override
      public OrderOutcome order(String sessionId, Order order, java.time.Instant now) {
        Faults.maybeFail(faults.failTransactions, "transaction");
        return sessions.order(sessionId, order, now);
      }
    };
    OrderQueue failingQueue = order -> {
      Faults.maybeFail(faults.failSends, "send");
      return queue.send(order);
    };
    OrderOutbox outbox = new OrderOutbox() {
      @Override
      public List<Order> due(java.time.Instant recordedBefore, int limit) {
        return sessions.outbox().due(recordedBefore, limit);
      }

      @Override
      public void markSent(Order order) {
        Faults.maybeFail(faults.failMarks, "mark-sent");
        sessions.outbox().markSent(order);
      }
    };
    handOff = new OrderHandOff(failingQueue, outbox, memory.clock, (id, step, error) -> problems.add(step));
    ping = new OrderPingHttp(new OrderPing(orders, memory.connections, handOff, memory.clock, RETENTION,
        memory.wiring.secrets()));
  }

  private String session(Connection connection, SessionStatus closeAs) {
    String id = memory.wiring.ids().newId();
    memory.sessions.create(new Session(id, connection.withoutSecret(), connection.username(), SessionStatus.OPEN,
        memory.clock.instant(), memory.clock.instant().plus(Duration.ofMinutes(30)), new CallUp.Oci(Map.of()),
        Map.of("UserEmail", "buyer@acme.example"), null, null, null), null);
    if (closeAs != null) {
      Cart cart = closeAs == SessionStatus.CANCELLED ? Cart.empty("EUR")
          : Fixtures.cart(Fixtures.line("1", "DRL-18V-BL", "Akku-Bohrschrauber 18 V", "2", "189.90"));
      memory.sessions.close(id, closeAs, cart, memory.clock.instant());
    }
    return id;
  }

  private static String basic(String user, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest form(String authorization, String body) {
    return new HttpRequest("POST", "/orders/ping", null, null, authorization == null ? Map.of()
        : Map.of("authorization", authorization, "content-type", "application/x-www-form-urlencoded"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse pingAs(Connection connection, String cartId, String orderNumber) {
    return ping.ping(form(basic(connection.username(), connection.id() + "-pass"),
        "cartId=" + URLEncoder.encode(cartId, StandardCharsets.UTF_8) + "&orderNumber=" + orderNumber));
  }

  private static JsonNode json(HttpResponse response) {
    return Json.parse(response.body());
  }

  private void assertNothingOrdered() {
    assertEquals(Map.of(), memory.sessions.orders());
    assertEquals(List.of(), memory.sessions.outbox().due(memory.clock.instant().plus(Duration.ofDays(99)), 100));
    assertEquals(0, queue.messages().size());
  }

  private void assertOneMessageFor(String cartId) {
    assertEquals(1, queue.messages().size());
    var message = queue.messages().get(0);
    assertEquals(OrderId.forCart(cartId).value(), message.deduplicationId());
    assertEquals(List.of(), ErpOrderSchema.errors(message.body()));
  }

  @Test
  void aPingOrdersTheTransferredCartAndSendsOneMessageThatPassesTheSchema() {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    HttpResponse response = ping.ping(new HttpRequest("POST", "/orders/ping", null, null,
        Map.of("authorization", basic("demo-oci4", "demo-oci4-pass"), "content-type", "application/json"),
        ("{\"cartId\":\"" + cartId + "\",\"orderNumber\":\"4500012345\",\"orderedAt\":\"2026-11-25\","
            + "\"buyerReference\":\"CC-4711\"}").getBytes(StandardCharsets.UTF_8)));

    assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
    JsonNode answer = json(response);
    assertEquals(OrderId.forCart(cartId).value(), answer.get("orderId").asText());
    assertEquals("NEW", answer.get("status").asText());
    assertEquals(cartId, answer.get("cartId").asText());
    assertEquals("4500012345", answer.get("orderNumber").asText());
    assertEquals("demo-oci4", answer.get("connectionId").asText());
    assertEquals(memory.clock.instant().toString(), answer.get("createdAt").asText());
    assertOneMessageFor(cartId);
    var message = queue.messages().get(0);
    assertEquals("demo-oci4", message.groupId());
    Order sent = ((ErpOrderMessage.Reading.Readable) ErpOrderMessage.read(message.body())).order();
    assertEquals("CC-4711", sent.buyerReference());
    assertEquals(java.time.LocalDate.parse("2026-11-25"), sent.orderDate());
    assertEquals(new java.math.BigDecimal("379.80"), sent.totals().total());
    assertEquals(SessionStatus.ORDERED, memory.sessions.find(cartId).orElseThrow().status());
    assertEquals(List.of(), memory.sessions.outbox().due(memory.clock.instant().plus(Duration.ofDays(1)), 10),
        "the outbox entry is marked sent");
  }

  @Test
  void anyUserOfTheConnectionMayPingAndGeneratedSecretsWork() {
    var secrets = memory.wiring.secrets();
    Connection team = oci4.withUsers(List.of(oci4.users().get(0),
        new org.punchgate.connection.ConnectionUser("erika", secrets.hashGenerated("erika-generated-secret"))));
    memory.connections.put(team);
    String cartId = session(team, SessionStatus.TRANSFERRED);
    String body = "cartId=" + cartId + "&orderNumber=PO-88";

    assertEquals(401, ping.ping(form(basic("erika", "demo-oci4-pass"), body)).status(), "erika's own secret only");
    assertEquals(404, ping.ping(form(basic("nobody", "erika-generated-secret"), body)).status(),
        "an unknown name learns nothing about the cart");
    assertNothingOrdered();
    assertEquals(200, ping.ping(form(basic("erika", "erika-generated-secret"), body)).status());
    assertOneMessageFor(cartId);
  }

  @Test
  void aGetWithAQueryPingsLikeAPost() {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    HttpResponse response = ping.ping(new HttpRequest("GET", "/orders/ping", null,
        "cartId=" + cartId + "&orderNumber=PO-77", Map.of("authorization", basic("demo-oci4", "demo-oci4-pass")), null));
    assertEquals(200, response.status());
    assertOneMessageFor(cartId);
  }

  @Test
  void theSamePingAgainAnswersTheSameOrderAndAnotherOrderNumberConflicts() {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    String first = new String(pingAs(oci4, cartId, "PO-1").body(), StandardCharsets.UTF_8);
    memory.clock.advance(Duration.ofHours(3));

    HttpResponse again = pingAs(oci4, cartId, "PO-1");
    assertEquals(200, again.status());
    assertEquals(first, new String(again.body(), StandardCharsets.UTF_8));
    HttpResponse other = pingAs(oci4, cartId, "PO-2");
    assertEquals(409, other.status());
    assertEquals("application/problem+json", other.contentType().split(";")[0]);
    assertOneMessageFor(cartId);
    assertEquals(1, queue.sends(), "a replay sends nothing");
  }

  @Test
  void refusalsAnswerAProblemAndWriteNothing() {
    String transferred = session(oci4, SessionStatus.TRANSFERRED);
    String open = session(oci4, null);
    String cancelled = session(oci4, SessionStatus.CANCELLED);
    String othersCart = session(oci5, SessionStatus.TRANSFERRED);
    int sessions = memory.sessions.size();

    assertEquals(401, ping.ping(form(null, "cartId=" + transferred + "&orderNumber=PO-1")).status());
    assertEquals(401, ping.ping(form(basic("demo-oci4", "wrong"), "cartId=" + transferred + "&orderNumber=PO-1"))
        .status());
    assertEquals(404, pingAs(oci4, "no-such-cart", "PO-1").status());
    assertEquals(404, pingAs(oci4, othersCart, "PO-1").status(), "another connection's cart");
    assertEquals(409, pingAs(oci4, open, "PO-1").status(), "never transferred");
    assertEquals(409, pingAs(oci4, cancelled, "PO-1").status(), "cancelled");
    assertEquals(400, ping.ping(form(basic("demo-oci4", "demo-oci4-pass"), "cartId=" + transferred)).status());
    memory.clock.advance(Duration.ofMinutes(30).plus(RETENTION));
    HttpResponse gone = pingAs(oci4, transferred, "PO-1");
    assertEquals(410, gone.status());
    assertTrue(json(gone).has("title"), "a problem document");

    assertNothingOrdered();
    assertEquals(sessions, memory.sessions.size());
    assertEquals(SessionStatus.TRANSFERRED, memory.sessions.find(transferred).orElseThrow().status());
    assertEquals(SessionStatus.TRANSFERRED, memory.sessions.find(othersCart).orElseThrow().status());
  }

  @Test
  void aHundredConcurrentPingsMakeOneOrderAndOneMessage() throws Exception {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    int pings = 100;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<HttpResponse>> calls = new ArrayList<>();
    for (int i = 0; i < pings; i++) {
      calls.add(() -> {
        start.await();
        return pingAs(oci4, cartId, "PO-1");
      });
    }
    List<String> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      List<Future<HttpResponse>> futures = calls.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<HttpResponse> f : futures) {
        HttpResponse response = f.get();
        assertEquals(200, response.status());
        answers.add(new String(response.body(), StandardCharsets.UTF_8));
      }
    }
    assertEquals(1, answers.stream().distinct().count(), "every ping answers the same order");
    assertEquals(1, memory.sessions.orders().size());
    assertOneMessageFor(cartId);
  }

  @Test
  void aThousandReplaysMakeOneOrderAndOneMessage() {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    for (int i = 0; i < 1_000; i++) {
      assertEquals(200, pingAs(oci4, cartId, "PO-1").status());
    }
    assertEquals(1, memory.sessions.orders().size());
    assertOneMessageFor(cartId);
    assertEquals(1, queue.sends());
  }

  @Test
  void aFailedTransactionWritesNothingAndTheRetryOrdersOnce() {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    faults.failTransactions.set(1);
    try {
      pingAs(oci4, cartId, "PO-1");
    } catch (IllegalStateException expected) {
      // the function's bridge answers 500; nothing was written
    }
    assertNothingOrdered();
    assertEquals(200, pingAs(oci4, cartId, "PO-1").status());
    assertOneMessageFor(cartId);
  }

  @Test
  void aFailedSendLeavesTheOrderToTheSweeperWhichSendsItOnce() {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    faults.failSends.set(1);
    assertEquals(200, pingAs(oci4, cartId, "PO-1").status(), "the order stands");
    assertEquals(List.of(OrderHandOff.Step.SEND), problems);
    assertEquals(0, queue.messages().size());

    assertEquals(0, handOff.sweep(), "an entry younger than a minute belongs to a ping in flight");
    memory.clock.advance(OrderHandOff.SWEEP_AFTER.plusSeconds(1));
    assertEquals(1, handOff.sweep());
    assertEquals(0, handOff.sweep(), "the entry is marked sent");
    assertOneMessageFor(cartId);
  }

  @Test
  void aFailedMarkSentSendsAgainOnTheSweepAndTheQueueKeepsOneMessage() {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    faults.failMarks.set(1);
    assertEquals(200, pingAs(oci4, cartId, "PO-1").status());
    assertEquals(List.of(OrderHandOff.Step.MARK_SENT), problems);

    memory.clock.advance(OrderHandOff.SWEEP_AFTER.plusSeconds(1));
    assertEquals(1, handOff.sweep());
    assertEquals(2, queue.sends(), "sent twice");
    assertOneMessageFor(cartId);
    assertEquals(0, handOff.sweep());
  }

  @Test
  void aSweepThatFailsToSendTriesAgainNextTime() {
    String cartId = session(oci4, SessionStatus.TRANSFERRED);
    faults.failSends.set(2);
    pingAs(oci4, cartId, "PO-1");
    memory.clock.advance(OrderHandOff.SWEEP_AFTER.plusSeconds(1));
    assertEquals(0, handOff.sweep());
    assertEquals(1, handOff.sweep());
    assertOneMessageFor(cartId);
  }
}
