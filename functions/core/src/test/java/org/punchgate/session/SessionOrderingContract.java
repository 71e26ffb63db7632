package org.punchgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.order.Customer;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderLine;
import org.punchgate.order.OrderOutbox;
import org.punchgate.order.OrderReceipt;
import org.punchgate.order.OrderSource;
import org.punchgate.order.OrderStatus;
import org.punchgate.order.PunchoutReference;
import org.punchgate.order.Totals;
import org.punchgate.testing.Fixtures;

/**
 * What every {@link SessionStore} must do when a transferred cart becomes an order, with the
 * {@link OrderOutbox} that goes with it: session, order and outbox entry together or not at all, once, and
 * a refusal that writes nothing. A subclass names the store (in memory, DynamoDB on moto); ids are unique
 * per test, so one table may serve every test.
 */
public abstract class SessionOrderingContract {

  private static final String CONNECTION = "oci4";
  private static final Instant ORDERED_AT = Fixtures.NOW.plus(Duration.ofDays(2));

  protected abstract SessionStore store();

  /** The same store as {@link #store()}, as the ordering side sees it. */
  protected abstract SessionOrders orders();

  protected abstract OrderOutbox outbox();

  private String session(SessionStatus closeAs) {
    String id = "order-" + UUID.randomUUID();
    store().create(new Session(id, Fixtures.ociConnection(CONNECTION, ConnectionFormat.OCI_4_0).withoutSecret(),
        CONNECTION, SessionStatus.OPEN, Fixtures.NOW, Fixtures.NOW.plus(Duration.ofMinutes(30)),
        new CallUp.Oci(Map.of()), Map.of(), null, null, null), null);
    if (closeAs != null) {
      store().close(id, closeAs, Fixtures.cart(Fixtures.line("1", "SKU-1", "Drill", "2", "99.90")),
          Fixtures.NOW.plusSeconds(60));
    }
    return id;
  }

  static Order order(String sessionId, String connectionId, String orderNumber, Instant createdAt) {
    var lines = List.of(OrderLine.priced("1", null, "SKU-1", null, "Drill", new BigDecimal("2"), "PCE",
        new BigDecimal("99.90"), null, null, null, "EUR"));
    return new Order(OrderId.forCart(sessionId), OrderStatus.NEW, OrderSource.PUNCHOUT_PING, orderNumber, null, null,
        connectionId, new Customer(connectionId, null, null), null, "EUR", lines,
        Totals.of(lines, null, null, null, "EUR"), null,
        new PunchoutReference(sessionId, sessionId, Fixtures.NOW.plusSeconds(60)), null, createdAt);
  }

  private List<OrderId> outboxIds() {
    return outbox().due(ORDERED_AT.plus(Duration.ofDays(1)), 10_000).stream().map(Order::orderId).toList();
  }

  @Test
  void ordersATransferredCartOnceWithItsOutboxEntry() {
    String id = session(SessionStatus.TRANSFERRED);
    Order order = order(id, CONNECTION, "PO-1", ORDERED_AT);

    var ordered = assertInstanceOf(OrderOutcome.Ordered.class, orders().order(id, order, ORDERED_AT));
    OrderReceipt receipt = new OrderReceipt(order.orderId(), id, "PO-1", CONNECTION, ORDERED_AT);
    assertEquals(receipt, ordered.receipt());
    var stored = orders().findWithOrder(id).orElseThrow();
    assertEquals(SessionStatus.ORDERED, stored.session().status());
    assertEquals(receipt, stored.order());
    assertEquals(1, outboxIds().stream().filter(order.orderId()::equals).count());

    assertEquals(new OrderOutcome.AlreadyOrdered(receipt),
        orders().order(id, order(id, CONNECTION, "PO-OTHER", ORDERED_AT.plusSeconds(5)), ORDERED_AT.plusSeconds(5)),
        "a second ordering, whatever it says, finds the first order");
    assertEquals(1, outboxIds().stream().filter(order.orderId()::equals).count(), "and writes no second entry");
  }

  @Test
  void refusesWhatIsNotATransferredCartOfTheConnectionAndWritesNothing() {
    String open = session(null);
    String cancelled = session(SessionStatus.CANCELLED);
    String transferred = session(SessionStatus.TRANSFERRED);
    String unknown = "order-never-" + UUID.randomUUID();

    assertEquals(new OrderOutcome.NotTransferred(SessionStatus.OPEN),
        orders().order(open, order(open, CONNECTION, "PO-1", ORDERED_AT), ORDERED_AT));
    assertEquals(new OrderOutcome.NotTransferred(SessionStatus.CANCELLED),
        orders().order(cancelled, order(cancelled, CONNECTION, "PO-1", ORDERED_AT), ORDERED_AT));
    assertEquals(new OrderOutcome.NotFound(),
        orders().order(transferred, order(transferred, "another-connection", "PO-1", ORDERED_AT), ORDERED_AT));
    assertEquals(new OrderOutcome.NotFound(),
        orders().order(unknown, order(unknown, CONNECTION, "PO-1", ORDERED_AT), ORDERED_AT));

    assertEquals(SessionStatus.OPEN, store().find(open).orElseThrow().status());
    assertEquals(SessionStatus.CANCELLED, store().find(cancelled).orElseThrow().status());
    assertEquals(SessionStatus.TRANSFERRED, store().find(transferred).orElseThrow().status());
    assertNull(orders().findWithOrder(transferred).orElseThrow().order());
    assertTrue(store().find(unknown).isEmpty(), "no session appears for an unknown id");
    List<OrderId> entries = outboxIds();
    for (String id : List.of(open, cancelled, transferred, unknown)) {
      assertTrue(!entries.contains(OrderId.forCart(id)), "no outbox entry for " + id);
    }
  }

  @Test
  void theOutboxGivesEntriesOlderThanTheCutOffAndForgetsThoseMarkedSent() {
    String early = session(SessionStatus.TRANSFERRED);
    String late = session(SessionStatus.TRANSFERRED);
    Order first = order(early, CONNECTION, "PO-1", ORDERED_AT);
    Order second = order(late, CONNECTION, "PO-2", ORDERED_AT.plusSeconds(90));
    orders().order(early, first, first.createdAt());
    orders().order(late, second, second.createdAt());

    List<OrderId> due = outbox().due(ORDERED_AT.plusSeconds(30), 10_000).stream().map(Order::orderId).toList();
    assertTrue(due.contains(first.orderId()));
    assertTrue(!due.contains(second.orderId()), "an entry younger than the cut-off waits");
    Order fromOutbox = outbox().due(ORDERED_AT.plusSeconds(30), 10_000).stream()
        .filter(o -> o.orderId().equals(first.orderId())).findFirst().orElseThrow();
    assertEquals(first, fromOutbox, "the outbox gives back the order as it was recorded");

    outbox().markSent(first);
    outbox().markSent(first); // a second mark, after a crash between mark and answer, is no error
    assertTrue(!outboxIds().contains(first.orderId()));
    assertTrue(outboxIds().contains(second.orderId()));
  }

  @Test
  void concurrentOrderingsOfOneCartMakeOneOrder() throws Exception {
    String id = session(SessionStatus.TRANSFERRED);
    int contenders = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<OrderOutcome>> calls = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      Order order = order(id, CONNECTION, "PO-" + i, ORDERED_AT);
      calls.add(() -> {
        start.await();
        return orders().order(id, order, ORDERED_AT);
      });
    }
    List<OrderOutcome> outcomes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(contenders)) {
      List<Future<OrderOutcome>> futures = calls.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<OrderOutcome> f : futures) {
        outcomes.add(f.get());
      }
    }
    List<OrderOutcome.Ordered> winners = outcomes.stream()
        .filter(OrderOutcome.Ordered.class::isInstance).map(OrderOutcome.Ordered.class::cast).toList();
    assertEquals(1, winners.size(), outcomes.toString());
    assertEquals(contenders - 1, outcomes.stream()
        .filter(new OrderOutcome.AlreadyOrdered(winners.get(0).receipt())::equals).count(), outcomes.toString());
    assertEquals(1, outboxIds().stream().filter(OrderId.forCart(id)::equals).count());
  }
}
