package org.punchgate.wiring;

import org.punchgate.aws.AwsClients;
import org.punchgate.aws.DynamoDbOrderOutbox;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.aws.SqsOrderQueue;
import org.punchgate.config.Config;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderOutbox;
import org.punchgate.order.OrderQueue;
import org.punchgate.orderping.OrderPing;
import org.punchgate.session.SessionOrders;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the order functions build once per container beside the common {@link Wiring}: the orders queue,
 * the outbox in the sessions table, the hand-off over both, and the order ping. Tests and the benchmark
 * build their own over in-memory parts with {@link #of(Wiring, SessionOrders, OrderQueue, OrderOutbox, OrderHandOff.Problems)}.
 */
public record OrderWiring(Wiring common, OrderQueue queue, OrderOutbox outbox, OrderHandOff handOff, OrderPing ping) {

  /** {@code problems} hears of hand-offs left for the sweeper (the functions log them). */
  public static OrderWiring fromEnvironment(OrderHandOff.Problems problems) {
    Config config = Config.load();
    AwsClients clients = new AwsClients(config);
    return of(Wiring.of(config, clients), clients, problems);
  }

  public static OrderWiring of(Wiring common, AwsClients clients, OrderHandOff.Problems problems) {
    if (common.config().ordersQueueUrl() == null) {
      throw new IllegalStateException("ORDERS_QUEUE_URL is required by the order functions");
    }
    Config config = common.config();
    DynamoDbClient dynamoDb = clients.dynamoDb(); // the client common already uses: AwsClients builds one
    return of(common, new DynamoDbSessionStore(dynamoDb, config.sessionsTable(), config.sessionRetention()),
        new SqsOrderQueue(clients.sqs(), config.ordersQueueUrl()),
        new DynamoDbOrderOutbox(dynamoDb, config.sessionsTable()), problems);
  }

  public static OrderWiring of(Wiring common, SessionOrders orders, OrderQueue queue, OrderOutbox outbox,
      OrderHandOff.Problems problems) {
    OrderHandOff handOff = new OrderHandOff(queue, outbox, common.clock(), problems);
    return new OrderWiring(common, queue, outbox, handOff, new OrderPing(orders, common.connections(),
        handOff, common.clock(), common.config().sessionRetention(), common.secrets()));
  }
}
