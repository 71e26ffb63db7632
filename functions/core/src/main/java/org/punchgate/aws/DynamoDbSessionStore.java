package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.n;
import static org.punchgate.aws.TableKeys.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.punchgate.aws.TableKeys;
import org.punchgate.cart.Cart;
import org.punchgate.json.Json;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderReceipt;
import org.punchgate.session.OrderOutcome;
import org.punchgate.session.Session;
import org.punchgate.session.SessionJson;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionOrders;
import org.punchgate.session.SessionStore;
import org.punchgate.session.StoredDocuments;
import org.punchgate.session.TransferOutcome;

/**
 * Sessions in the sessions table: item {@code SESSION#<id>} / {@code SESSION} holds the immutable session
 * document ({@code doc}, or gzip-compressed {@code docGz} when large), and beside it the mutable
 * {@code status}, the transferred cart ({@code cartGz}, gzip-compressed JSON) and {@code transferredAt}
 * plus the cXML start ticket. Closing is one conditional UpdateItem; a failed condition returns the old
 * item, so the reason (expired, already closed) costs no extra read where the engine supports
 * {@code ReturnValuesOnConditionCheckFailure}, and one consistent read where it does not.
 *
 * <p>Ordering a transferred cart is one TransactWriteItems: the session goes TRANSFERRED → ORDERED (and
 * keeps the order's receipt), the order item {@code ORDER#<orderId>} / {@code ORDER} holds the ERP message,
 * and the outbox entry ({@link DynamoDbOrderOutbox}) waits for the hand-off. A cancelled transaction's
 * reasons carry the session as it was, which tells a repeated ping from a refusal without another read.
 */
public final class DynamoDbSessionStore implements SessionStore, SessionOrders {

  private static final String SK = "SESSION";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration retention;

  public DynamoDbSessionStore(DynamoDbClient dynamoDb, String table, Duration retention) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.retention = retention;
  }

  private static String pk(String sessionId) {
    return "SESSION#" + sessionId;
  }

  @Override
  public void create(Session session, StartTicket startTicket) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk(session.id()), SK));
    item.put("type", s("session"));
    item.put("status", s(session.status().name()));
    item.put("connectionId", s(session.connectionId()));
    item.put("expiresAt", n(session.expiresAt().getEpochSecond()));
    item.put(TableKeys.TTL, n(session.expiresAt().plus(retention).getEpochSecond()));
    String doc = Json.write(SessionJson.write(session));
    if (doc.length() > StoredDocuments.COMPRESS_DOC_ABOVE) {
      item.put("docGz", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(StoredDocuments.gzip(doc))));
    } else {
      item.put("doc", s(doc));
    }
    if (startTicket != null) {
      item.put("startTicket", s(startTicket.value()));
      item.put("startTicketExpiresAt", n(startTicket.expiresAt().getEpochSecond()));
    }
    dynamoDb.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  @Override
  public Optional<Session> find(String sessionId) {
    var item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk(sessionId), SK)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public TransferOutcome close(String sessionId, SessionStatus newStatus, Cart cart, Instant now) {
    byte[] storedCart = StoredDocuments.cart(cart);
    if (storedCart.length > StoredDocuments.MAX_STORED_CART_BYTES) {
      return new TransferOutcome.TooLarge(storedCart.length, StoredDocuments.MAX_STORED_CART_BYTES);
    }
    try {
      var result = dynamoDb.updateItem(b -> b.tableName(table)
          .key(key(pk(sessionId), SK))
          .updateExpression("SET #status = :new, cartGz = :cart, transferredAt = :at REMOVE startTicket")
          .conditionExpression("attribute_exists(pk) AND #status = :open AND expiresAt > :now")
          .expressionAttributeNames(Map.of("#status", "status"))
          .expressionAttributeValues(Map.of(
              ":new", s(newStatus.name()),
              ":cart", AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(storedCart)),
              ":at", s(now.toString()),
              ":open", s(SessionStatus.OPEN.name()),
              ":now", n(now.getEpochSecond())))
          .returnValues(ReturnValue.ALL_NEW)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return new TransferOutcome.Transferred(fromItem(result.attributes()));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> old = e.item();
      if (old == null || old.isEmpty()) {
        // no old item: either there is none, or the engine ignores ReturnValuesOnConditionCheckFailure;
        // one consistent read tells which, on the failure path only (with the cart: a retry compares it)
        old = dynamoDb.getItem(b -> b.tableName(table).key(key(pk(sessionId), SK)).consistentRead(true)
            .projectionExpression("#status, cartGz").expressionAttributeNames(Map.of("#status", "status"))).item();
      }
      if (old == null || old.isEmpty()) {
        return new TransferOutcome.NotFound();
      }
      SessionStatus status = SessionStatus.valueOf(old.get("status").s());
      if (status != SessionStatus.OPEN) {
        AttributeValue closedWith = old.get("cartGz");
        return new TransferOutcome.AlreadyClosed(status,
            closedWith == null ? null : StoredDocuments.cart(closedWith.b().asByteArrayUnsafe()));
      }
      return new TransferOutcome.Expired();
    }
  }

  @Override
  public Optional<WithOrder> findWithOrder(String sessionId) {
    var item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk(sessionId), SK)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty()
        : Optional.of(new WithOrder(fromItem(item), receipt(sessionId, item)));
  }

  /** Attempts of one ordering when concurrent transactions on the same session cancel each other. */
  private static final int ORDER_ATTEMPTS = 3;

  @Override
  public OrderOutcome order(String sessionId, Order order, Instant now) {
    byte[] body = ErpOrderMessage.write(order);
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(b -> b.transactItems(orderItems(sessionId, order, body, now)));
        return new OrderOutcome.Ordered(OrderReceipt.of(order));
      } catch (TransactionCanceledException e) {
        Map<String, AttributeValue> old = sessionAsItWas(e);
        if (old == null) {
          // a conflict with a concurrent transaction, or an engine that returns no old item: one read
          old = dynamoDb.getItem(b -> b.tableName(table).key(key(pk(sessionId), SK)).consistentRead(true)).item();
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
        .key(key(pk(sessionId), SK))
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
    Map<String, AttributeValue> orderItem = new HashMap<>(OrderItems.orderKey(id));
    orderItem.put("type", s("order"));
    orderItem.put("connectionId", s(order.connectionId()));
    orderItem.put("cartId", s(order.punchout().cartId()));
    orderItem.put("orderNumber", s(order.externalOrderNumber()));
    orderItem.put("createdAt", s(order.createdAt().toString()));
    orderItem.put(OrderItems.BODY, s(new String(body, java.nio.charset.StandardCharsets.UTF_8)));
    orderItem.put(TableKeys.TTL, n(order.createdAt().plus(retention).getEpochSecond()));
    TransactWriteItem orderPut = TransactWriteItem.builder().put(p -> p.tableName(table).item(orderItem)
        .conditionExpression("attribute_not_exists(pk)")).build();
    Map<String, AttributeValue> outboxItem = new HashMap<>(OrderItems.outboxKey(order));
    outboxItem.put("type", s("outbox"));
    outboxItem.put("orderId", s(id.value()));
    TransactWriteItem outboxPut = TransactWriteItem.builder().put(p -> p.tableName(table).item(outboxItem)).build();
    return List.of(session, orderPut, outboxPut);
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

  private static OrderReceipt receipt(String sessionId, Map<String, AttributeValue> item) {
    AttributeValue orderId = item.get("orderId");
    if (orderId == null) {
      return null;
    }
    return new OrderReceipt(new OrderId(orderId.s()), sessionId, item.get("orderNumber").s(),
        item.get("connectionId").s(), Instant.parse(item.get("orderedAt").s()));
  }

  @Override
  public Optional<Session> redeemStartTicket(String sessionId, String ticket, Instant now) {
    try {
      var result = dynamoDb.updateItem(b -> b.tableName(table)
          .key(key(pk(sessionId), SK))
          .updateExpression("REMOVE startTicket, startTicketExpiresAt")
          .conditionExpression("startTicket = :ticket AND startTicketExpiresAt > :now AND expiresAt > :now")
          .expressionAttributeValues(Map.of(":ticket", s(ticket), ":now", n(now.getEpochSecond())))
          .returnValues(ReturnValue.ALL_NEW));
      return Optional.of(fromItem(result.attributes()));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  private static Session fromItem(Map<String, AttributeValue> item) {
    SessionStatus status = SessionStatus.valueOf(item.get("status").s());
    AttributeValue cart = item.get("cartGz");
    AttributeValue doc = item.get("doc");
    AttributeValue at = item.get("transferredAt");
    return SessionJson.read(
        doc != null ? Json.parse(doc.s()) : Json.parse(StoredDocuments.gunzip(item.get("docGz").b().asByteArrayUnsafe())),
        status,
        cart == null ? null : StoredDocuments.cart(cart.b().asByteArrayUnsafe()),
        at == null ? null : Instant.parse(at.s()));
  }
}
