package org.punchgate.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.punchgate.config.Config;
import org.punchgate.wiring.Wiring;
import org.punchgate.aws.AwsClients;
import org.punchgate.aws.DynamoDbOrderOutbox;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.wiring.OrderWiring;
import org.punchgate.lambda.SampleInput;

/**
 * AWS calls per flow and the DynamoDB capacity they consume, counted by an SDK execution interceptor on the
 * wiring's own clients while one request of each flow runs against DynamoDB (moto). Opening the session that
 * a cart return needs happens before the count starts.
 */
final class CostPerFlow {

  record Result(String flow, int floor, int calls, Map<String, Integer> byOperation, int dynamoDbCalls,
      int sqsCalls, double readUnits, double writeUnits, double ruleReadUnits, double ruleWriteUnits, int status) {}

  private CostPerFlow() {}

  /** @param importLines the sizes of the PunchIn orders counted (the shop must hold their products) */
  static List<Result> measure(Config config, int[] importLines) {
    CallCounter counter = new CallCounter();
    Wiring wiring = Flows.dynamoDb(config, counter);
    var login = Flows.handler(Flows.LOGIN_HANDLER, wiring);
    var cartReturn = Flows.handler(Flows.CART_RETURN_HANDLER, wiring);
    List<Result> results = new ArrayList<>();
    PrintStream console = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      results.add(count("OCI login", 2, counter, () -> Flows.ociLogin(Flows.OCI),
          e -> login.handleRequest(e, null).getStatusCode()));
      results.add(count("cXML setup", 2, counter, Flows::cxmlSetup, e -> login.handleRequest(e, null).getStatusCode()));
      String cxmlCart = SampleInput.cartJson(100);
      results.add(count("cXML cart return, 100 lines", 2, counter, () -> Flows.cxmlCartReturn(wiring, cxmlCart),
          e -> cartReturn.handleRequest(e, null).getStatusCode()));
      results.add(orderPing(config, wiring, counter));
      for (int lines : importLines) {
        results.add(punchInImport(config, wiring, counter, lines));
      }
      for (int lines : new int[] {10, 100, 1000}) {
        String cart = SampleInput.cartJson(lines);
        results.add(count("OCI cart return, " + lines + " lines", 2, counter,
            () -> Flows.cartReturn(wiring, cart), e -> cartReturn.handleRequest(e, null).getStatusCode()));
      }
    } finally {
      System.setOut(console);
    }
    return results;
  }

  /**
   * A new order from a ping: the session read, the connection read (the ping authenticates with the
   * connection's own secret, which sessions do not keep), one TransactWriteItems (session, order, outbox
   * entry), one SendMessage, and the outbox entry's DeleteItem (mark-sent). The send goes to an in-memory
   * queue here (the benchmark runs no SQS engine) and is counted as the one SQS call it is.
   */
  private static Result orderPing(Config config, Wiring wiring, CallCounter counter) {
    var clients = new AwsClients(config, counter);
    var dynamoDb = clients.dynamoDb();
    InMemoryOrderQueue queue = new InMemoryOrderQueue();
    OrderWiring orders = OrderWiring.of(wiring,
        new DynamoDbSessionStore(dynamoDb, config.sessionsTable(), config.sessionRetention()), queue,
        new DynamoDbOrderOutbox(dynamoDb, config.sessionsTable()), (id, step, error) -> {
          throw new IllegalStateException("the hand-off failed at " + step, error);
        });
    var handler = Flows.handler(Flows.ORDER_COMPLETION_HANDLER, orders);
    Session session = Flows.openSession(wiring);
    wiring.sessions().close(session.id(), SessionStatus.TRANSFERRED, SampleInput.cart(3), wiring.clock().instant());
    Result dynamoDbOnly = count("order ping (new order)", 5, counter,
        () -> SampleInput.orderPingEvent(session.cartId(), "4500012345"), e -> handler.handleRequest(e, null).getStatusCode());
    Map<String, Integer> byOperation = new java.util.TreeMap<>(dynamoDbOnly.byOperation());
    byOperation.put("SqsSendMessage (in memory)", queue.sends());
    return new Result(dynamoDbOnly.flow(), dynamoDbOnly.floor(), dynamoDbOnly.calls() + queue.sends(), byOperation,
        dynamoDbOnly.dynamoDbCalls(), queue.sends(), dynamoDbOnly.readUnits(), dynamoDbOnly.writeUnits(),
        dynamoDbOnly.ruleReadUnits(), dynamoDbOnly.ruleWriteUnits(), dynamoDbOnly.status());
  }

  /**
   * A new PunchIn order of {@code lines} lines, accepted as ordered ({@link ImportFlow}). Its floor as designed, call
   * by call: {@link #importFloor}. The send goes to an in-memory queue and is counted as the one SQS call it is.
   */
  private static Result punchInImport(Config config, Wiring wiring, CallCounter counter, int lines) {
    InMemoryOrderQueue queue = new InMemoryOrderQueue();
    var handler = ImportFlow.handler(ImportFlow.dynamoDb(config, wiring, new AwsClients(config, counter), queue));
    Result dynamoDbOnly = count(ImportFlow.flow(lines), 0, counter, ImportFlow.orders(lines),
        e -> handler.handleRequest(e, null).getStatusCode());
    Map<String, Integer> byOperation = new java.util.TreeMap<>(dynamoDbOnly.byOperation());
    byOperation.put("SqsSendMessage (in memory)", queue.sends());
    return new Result(dynamoDbOnly.flow(), importFloor(lines), dynamoDbOnly.calls() + queue.sends(), byOperation,
        dynamoDbOnly.dynamoDbCalls(), queue.sends(), dynamoDbOnly.readUnits(), dynamoDbOnly.writeUnits(),
        dynamoDbOnly.ruleReadUnits(), dynamoDbOnly.ruleWriteUnits(), dynamoDbOnly.status());
  }

  /**
   * The calls of one import as designed: GetItem for the connection (HTTP Basic), the replay record of the buyer's
   * order number, and the punchout cart the order references (the fixture names one, which is not found, so the
   * order stands alone); BatchGetItem for the customer (its EndpointID) with the products of all lines (2 keys a
   * line: SKU, GTIN; the SKUs name them all, so no buyer's item id is read) and then for their prices (2 keys a
   * SKU: the customer's and the list price), 100 keys per call, DynamoDB's limit; one TransactWriteItems (order and
   * outbox entry), one PutItem (the replay record), one SendMessage and the outbox entry's DeleteItem.
   */
  static int importFloor(int lines) {
    return 3 + ImportFlow.customerAndProductBatches(lines) + ImportFlow.priceBatches(lines) + 4;
  }

  private static Result count(String flow, int floor, CallCounter counter, Supplier<APIGatewayV2HTTPEvent> event,
      java.util.function.ToIntFunction<APIGatewayV2HTTPEvent> send) {
    APIGatewayV2HTTPEvent request = event.get();
    counter.reset();
    int status = send.applyAsInt(request);
    Map<String, Integer> calls = counter.calls();
    int dynamoDb = calls.entrySet().stream().filter(e -> e.getKey().startsWith("DynamoDb"))
        .mapToInt(Map.Entry::getValue).sum();
    int sqs = calls.entrySet().stream().filter(e -> e.getKey().startsWith("Sqs"))
        .mapToInt(Map.Entry::getValue).sum();
    return new Result(flow, floor, counter.total(), calls, dynamoDb, sqs, counter.readUnits(), counter.writeUnits(),
        counter.ruleReadUnits(), counter.ruleWriteUnits(), status);
  }
}
