package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.n;
import static org.punchgate.aws.TableKeys.s;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.punchgate.aws.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderReceipt;
import org.punchgate.session.OrderOutcome;
import org.punchgate.session.SessionStatus;

/**
 * Orders a transferred cart in one TransactWriteItems: the session goes TRANSFERRED → ORDERED (and keeps the
 * order's receipt), the order item {@code ORDER#<orderId>} / {@code ORDER} holds the ERP message, and the
 * outbox entry ({@link DynamoDbOrderOutbox}) waits for the hand-off. A cancelled transaction's reasons carry
 * the session as it was, which tells a repeated ping from a refusal without another read.
 */
final class SessionOrderTransaction {

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration retention;

  SessionOrderTransaction(DynamoDbClient dynamoDb, String table, Duration retention) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.retention = retention;
  }

  /** Attempts of one ordering when concurrent transactions on the same session cancel each other. */
  private static final int ORDER_ATTEMPTS = 3;

  OrderOutcome order(String sessionId, Order order, Instant now) {
    byte[] body = ErpOrderMessage.write(order);
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(b -> b.transactItems(orderItems(sessionId, order, body, now)));
        return new OrderOutcome.Ordered(OrderReceipt.of(order));
      } catch (TransactionCanceledException e) {
        Map<String, AttributeValue> old = sessionAsItWas(e);
        if (old == null) {
          // a conflict with a concurrent transaction, or an engine that returns no old item: one read
          old = dynamoDb.getItem(b -> b.tableName(table).key(key(DynamoDbSessionStore.pk(sessionId), DynamoDbSessionStore.SK)).consistentRead(true)).item();
        }
        OrderOutcome outcome = refusal(sessionId, order.connectionId(), old, now);
        if (outcome != null) {
          return outcome;
        }
        if (attempt == ORDER_ATTEMPTS) {
          // still TRANSFERRED after repeated conflicts: a 500 asks the caller to retry, and nothing was written
          throw new IllegalStateException("ordering session kept conflicting with concurrent writes", e);
        }
      }
    }
  }

  private List<TransactWriteItem> orderItems(String sessionId, Order order, byte[] body, Instant now) {
    OrderId id = order.orderId();
    TransactWriteItem session = TransactWriteItem.builder().update(u -> u.tableName(table)
        .key(key(DynamoDbSessionStore.pk(sessionId), DynamoDbSessionStore.SK))
        .updateExpression("SET #status = :ordered, orderId = :id, orderNumber = :number, orderedAt = :at")
        .conditionExpression("#status = :transferred AND connectionId = :connection AND #ttl > :now")
        .expressionAttributeNames(Map.of("#status", "status", "#ttl", TableKeys.TTL))
        .expressionAttributeValues(Map.of(
            ":ordered", s(SessionStatus.ORDERED.name()),
            ":transferred", s(SessionStatus.TRANSFERRED.name()),
            ":connection", s(order.connectionId()),
            ":id", s(id.value()),
            ":number", s(order.externalOrderNumber()),
            ":at", s(order.createdAt().toString()),
            ":now", n(now.getEpochSecond())))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    return List.of(session, OrderItems.orderPut(table, order, body, retention), OrderItems.outboxPut(table, order));
  }

  /** The session item as the failed condition saw it, when the engine returned it. */
  private static Map<String, AttributeValue> sessionAsItWas(TransactionCanceledException e) {
    if (!e.hasCancellationReasons() || e.cancellationReasons().isEmpty()) {
      return null;
    }
    CancellationReason first = e.cancellationReasons().get(0);
    return "ConditionalCheckFailed".equals(first.code()) && first.hasItem() && !first.item().isEmpty()
        ? first.item() : null;
  }

  /** Why ordering this session cannot go ahead, or null when it still can (a conflict worth retrying). */
  private OrderOutcome refusal(String sessionId, String connectionId, Map<String, AttributeValue> item, Instant now) {
    if (item == null || item.isEmpty() || !connectionId.equals(item.get("connectionId").s())) {
      return new OrderOutcome.NotFound();
    }
    SessionStatus status = SessionStatus.valueOf(item.get("status").s());
    OrderReceipt receipt = receipt(sessionId, item);
    if (receipt != null) {
      return new OrderOutcome.AlreadyOrdered(receipt);
    }
    if (status != SessionStatus.TRANSFERRED) {
      return new OrderOutcome.NotTransferred(status);
    }
    AttributeValue ttl = item.get(TableKeys.TTL);
    if (ttl != null && Long.parseLong(ttl.n()) <= now.getEpochSecond()) {
      return new OrderOutcome.PastRetention();
    }
    return null;
  }

  static OrderReceipt receipt(String sessionId, Map<String, AttributeValue> item) {
    AttributeValue orderId = item.get("orderId");
    if (orderId == null) {
      return null;
    }
    return new OrderReceipt(new OrderId(orderId.s()), sessionId, item.get("orderNumber").s(),
        item.get("connectionId").s(), Instant.parse(item.get("orderedAt").s()));
  }
}
