package org.punchgate.aws;

import java.time.Duration;
import java.util.List;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A PunchIn order without a punchout cart in the sessions table ({@link OrderItems}): one TransactWriteItems
 * puts the order item {@code ORDER#<orderId>} (condition: no such order yet) and its outbox entry, the same two
 * items the order ping's transaction writes beside the session, so the hand-off and the sweeper treat both
 * alike.
 */
public final class DynamoDbOrderStore implements OrderStore {

  /** Attempts when concurrent transactions on the same order cancel each other. */
  private static final int ATTEMPTS = 3;

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration retention;

  public DynamoDbOrderStore(DynamoDbClient dynamoDb, String table, Duration retention) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.retention = retention;
  }

  @Override
  public Recorded record(Order order) {
    byte[] body = ErpOrderMessage.write(order);
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(b -> b.transactItems(List.of(OrderItems.orderPut(table, order, body, retention),
            OrderItems.outboxPut(table, order))));
        return Recorded.NEW;
      } catch (TransactionCanceledException e) {
        if (orderExisted(e)) {
          return Recorded.EXISTING;
        }
        if (attempt == ATTEMPTS) {
          // a conflict that kept recurring: nothing was written, the caller's retry orders once
          throw new IllegalStateException("recording the order kept conflicting with concurrent writes", e);
        }
      }
    }
  }

  /** The order item's condition failed: an order with this id is stored already. */
  private static boolean orderExisted(TransactionCanceledException e) {
    if (!e.hasCancellationReasons() || e.cancellationReasons().isEmpty()) {
      return false;
    }
    CancellationReason first = e.cancellationReasons().get(0);
    return "ConditionalCheckFailed".equals(first.code());
  }
}
