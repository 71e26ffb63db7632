package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.n;
import static org.punchgate.aws.TableKeys.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
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
import org.punchgate.order.Order;
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
 * <p>Ordering a transferred cart is one TransactWriteItems over the session, the order and the outbox entry:
 * {@link SessionOrderTransaction}.
 */
public final class DynamoDbSessionStore implements SessionStore, SessionOrders {

  static final String SK = "SESSION";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Duration retention;
  private final SessionOrderTransaction orders;

  public DynamoDbSessionStore(DynamoDbClient dynamoDb, String table, Duration retention) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.retention = retention;
    this.orders = new SessionOrderTransaction(dynamoDb, table, retention);
  }

  static String pk(String sessionId) {
    return "SESSION#" + sessionId;
  }

  @Override
  public void create(Session session, StartTicket startTicket) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk(session.id()), SK));
    item.put("type", s("session"));
    item.put("status", s(session.status().name()));
    item.put("connectionId", s(session.connectionId()));
    item.put("expiresAt", n(session.expiresAt().getEpochSecond()));
    item.put(DynamoDbSessionActivity.LOGIN_AT, n(session.createdAt().toEpochMilli())); // for the admin list
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
        : Optional.of(new WithOrder(fromItem(item), SessionOrderTransaction.receipt(sessionId, item)));
  }

  @Override
  public OrderOutcome order(String sessionId, Order order, Instant now) {
    return orders.order(sessionId, order, now);
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
