package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.aws.AwsClients;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.aws.DynamoDbOrderOutbox;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.aws.SqsOrderQueue;
import org.punchgate.config.Config;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.http.HttpRequest;
import org.punchgate.order.Order;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderOutbox;
import org.punchgate.order.OrderQueue;
import org.punchgate.orderping.OrderPingHttp;
import org.punchgate.security.RandomIds;
import org.punchgate.session.OrderOutcome;
import org.punchgate.session.SessionOrders;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;
import org.punchgate.wiring.OrderWiring;
import org.punchgate.wiring.Wiring;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The hand-off's crash safety on the real engines: the order store on moto, the orders queue on ElasticMQ.
 * A failure is injected between each pair of steps (transaction | send | mark-sent); after the retry or the
 * sweep, a consumer receiving from the queue sees exactly one message for the order.
 */
@ExtendWith(LocalEnginesExtension.class)
class OrderHandOffOnEnginesIT {

  private final AtomicInteger failTransactions = new AtomicInteger();
  private final AtomicInteger failSends = new AtomicInteger();
  private final AtomicInteger failMarks = new AtomicInteger();
  private final Fixtures.MutableClock clock = Fixtures.clock();
  private LocalEngines engines;
  private Wiring common;
  private OrderHandOff handOff;
  private OrderPingHttp ping;

  private static void maybeFail(AtomicInteger counter, String step) {
    if (counter.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("injected failure: " + step);
    }
  }

  @BeforeEach
  void wire(LocalEngines engines) {
    this.engines = engines;
    Map<String, String> env = new HashMap<>(engines.functionEnvironment(null));
    env.put("PUNCHOUT_TOKEN_SECRET", new String(Fixtures.TOKEN_SECRET, StandardCharsets.UTF_8));
    Config config = Config.from(env);
    AwsClients clients = new AwsClients(config);
    var dynamoDb = clients.dynamoDb();
    var sessions = new DynamoDbSessionStore(dynamoDb, config.sessionsTable(), config.sessionRetention());
    common = new Wiring(config, sessions, new DynamoDbConnectionStore(dynamoDb, config.mappingsTable()),
        Fixtures.tokens(clock), new RandomIds(), clock);
    SessionOrders orders = new SessionOrders() {
      @Override
      public java.util.Optional<WithOrder> findWithOrder(String sessionId) {
        return sessions.findWithOrder(sessionId);
      }

      @Override
      public OrderOutcome order(String sessionId, Order order, java.time.Instant now) {
        maybeFail(failTransactions, "transaction");
        return sessions.order(sessionId, order, now);
      }
    };
    SqsOrderQueue sqs = new SqsOrderQueue(clients.sqs(), config.ordersQueueUrl());
    OrderQueue queue = order -> {
      maybeFail(failSends, "send");
      return sqs.send(order);
    };
    DynamoDbOrderOutbox dynamoDbOutbox = new DynamoDbOrderOutbox(dynamoDb, config.sessionsTable());
    OrderOutbox outbox = new OrderOutbox() {
      @Override
      public List<Order> due(java.time.Instant recordedBefore, int limit) {
        return dynamoDbOutbox.due(recordedBefore, limit);
      }

      @Override
      public void markSent(Order order) {
        maybeFail(failMarks, "mark-sent");
        dynamoDbOutbox.markSent(order);
      }
    };
    OrderWiring wiring = OrderWiring.of(common, orders, queue, outbox, (id, step, error) -> { });
    handOff = wiring.handOff();
    ping = new OrderPingHttp(wiring.ping());
  }

  private String transferredCart() {
    Connection connection = Fixtures.ociConnection("it-orders-" + new RandomIds().newId(8), ConnectionFormat.OCI_4_0);
    common.connections().put(connection);
    String id = common.ids().newId();
    common.sessions().create(new org.punchgate.session.Session(id, connection.withoutSecret(), connection.username(),
        SessionStatus.OPEN, clock.instant(), clock.instant().plus(Duration.ofMinutes(30)),
        new org.punchgate.session.CallUp.Oci(Map.of()), Map.of(), null, null, null), null);
    common.sessions().close(id, SessionStatus.TRANSFERRED,
        Fixtures.cart(Fixtures.line("1", "SKU-1", "Drill", "2", "99.90")), clock.instant());
    return connection.id() + " " + id;
  }

  private int ping(String connectionAndCart) {
    String[] parts = connectionAndCart.split(" ");
    String basic = Base64.getEncoder().encodeToString((parts[0] + ":" + parts[0] + "-pass")
        .getBytes(StandardCharsets.UTF_8));
    try {
      return ping.ping(new HttpRequest("POST", "/orders/ping", null, null, Map.of("authorization", "Basic " + basic,
          "content-type", "application/x-www-form-urlencoded"),
          ("cartId=" + parts[1] + "&orderNumber=PO-1").getBytes(StandardCharsets.UTF_8))).status();
    } catch (IllegalStateException injected) {
      return 500; // what the function's bridge answers
    }
  }

  /** The messages a consumer receives for the order (and deletes), until the queue has no more. */
  private int received(String connectionAndCart) {
    OrderId id = OrderId.forCart(connectionAndCart.split(" ")[1]);
    var sqs = engines.sqs();
    String queue = engines.queueUrl("OrdersQueue");
    List<String> mine = new ArrayList<>();
    for (int round = 0; round < 4; round++) {
      var messages = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
      for (var m : messages) {
        if (id.value().equals(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))) {
          mine.add(m.messageId());
        }
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
    return mine.size();
  }

  private void sweepAfterAMinute() {
    clock.advance(OrderHandOff.SWEEP_AFTER.plusSeconds(1));
    handOff.sweep();
  }

  @Test
  void failureInTheTransaction() {
    String cart = transferredCart();
    failTransactions.set(1);
    assertEquals(500, ping(cart));
    assertEquals(0, received(cart), "nothing was recorded, nothing sent");
    assertEquals(200, ping(cart));
    sweepAfterAMinute();
    assertEquals(1, received(cart));
  }

  @Test
  void failureBetweenTransactionAndSend() {
    String cart = transferredCart();
    failSends.set(1);
    assertEquals(200, ping(cart));
    assertEquals(200, ping(cart), "a retry of the ping answers the order");
    sweepAfterAMinute();
    sweepAfterAMinute();
    assertEquals(1, received(cart));
  }

  @Test
  void failureBetweenSendAndMarkSent() {
    String cart = transferredCart();
    failMarks.set(1);
    assertEquals(200, ping(cart));
    sweepAfterAMinute(); // sends again: the queue drops the duplicate within its five minutes
    sweepAfterAMinute();
    assertEquals(1, received(cart));
  }
}
