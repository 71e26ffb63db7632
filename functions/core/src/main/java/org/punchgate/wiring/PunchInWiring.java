package org.punchgate.wiring;

import java.util.function.Supplier;
import org.punchgate.aws.AwsClients;
import org.punchgate.aws.DynamoDbOrderOutbox;
import org.punchgate.aws.DynamoDbOrderStore;
import org.punchgate.aws.DynamoDbPunchInMappings;
import org.punchgate.aws.DynamoDbPunchInReplays;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.aws.SqsOrderQueue;
import org.punchgate.config.Config;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderStore;
import org.punchgate.punchin.PunchInHandOff;
import org.punchgate.punchin.PunchInHttp;
import org.punchgate.punchin.PunchInImport;
import org.punchgate.punchin.PunchInMappings;
import org.punchgate.punchin.PunchInReplays;
import org.punchgate.session.SessionOrders;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the PunchIn import function builds once per container: the order wiring of the order ping (queue,
 * outbox, hand-off), the order store for orders without a cart, the customers, products and prices, the replay
 * records, the import service and its HTTP side. Tests and the benchmark build it over in-memory parts with
 * {@link #of(OrderWiring, SessionOrders, OrderStore, PunchInMappings, PunchInReplays)}.
 */
public record PunchInWiring(OrderWiring orders, PunchInImport service, PunchInHttp http) {

  /** {@code problems} hears of hand-offs left for the sweeper (the function logs them). */
  public static PunchInWiring fromEnvironment(OrderHandOff.Problems problems) {
    Config config = Config.load();
    AwsClients clients = new AwsClients(config);
    return of(Wiring.of(config, clients), clients, problems);
  }

  public static PunchInWiring of(Wiring common, AwsClients clients, OrderHandOff.Problems problems) {
    Config config = common.config();
    if (config.ordersQueueUrl() == null) {
      throw new IllegalStateException("ORDERS_QUEUE_URL is required by the PunchIn import");
    }
    DynamoDbClient dynamoDb = clients.dynamoDb(); // one client for every store of this function
    var sessions = new DynamoDbSessionStore(dynamoDb, config.sessionsTable(), config.sessionRetention());
    OrderWiring orders = OrderWiring.of(common, sessions, new SqsOrderQueue(clients.sqs(), config.ordersQueueUrl()),
        new DynamoDbOrderOutbox(dynamoDb, config.sessionsTable()), problems);
    return of(orders, sessions, new DynamoDbOrderStore(dynamoDb, config.sessionsTable(), config.sessionRetention()),
        new DynamoDbPunchInMappings(dynamoDb, config.mappingsTable()),
        new DynamoDbPunchInReplays(dynamoDb, config.sessionsTable()));
  }

  public static PunchInWiring of(OrderWiring orders, SessionOrders sessions, OrderStore store,
      PunchInMappings mappings, PunchInReplays replays) {
    Wiring common = orders.common();
    PunchInHandOff handOff = new PunchInHandOff(sessions, store, orders.handOff(), common.clock());
    Supplier<String> ids = () -> common.ids().newId(12);
    PunchInImport service = new PunchInImport(mappings, replays, handOff, handOff, common.clock(), ids);
    return new PunchInWiring(orders, service, new PunchInHttp(service, common.connections(), common.secrets(),
        common.clock(), ids, PunchInHttp.MAX_BODY_BYTES));
  }
}
