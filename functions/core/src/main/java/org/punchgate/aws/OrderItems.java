package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.n;
import static org.punchgate.aws.TableKeys.s;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Where orders and their outbox entries live in the sessions table. The order is {@code ORDER#<orderId>} /
 * {@code ORDER} with the ERP message in {@code body}. Outbox entries share one partition, {@code OUTBOX},
 * sorted by {@code <recorded at, epoch ms, 13 digits>#<orderId>}: the sweeper finds every entry older than a
 * minute with one consistent Query, without an index to provision (a GSI reads only eventually). Entries
 * live a few hundred milliseconds (deleted once sent) and hold only the order id, so the partition stays
 * small; its write limit (1,000 small writes a second) is far above a shop's order rate.
 */
final class OrderItems {

  static final String OUTBOX_PK = "OUTBOX";
  static final String BODY = "body";

  private OrderItems() {}

  static Map<String, AttributeValue> orderKey(OrderId id) {
    return key("ORDER#" + id.value(), "ORDER");
  }

  static Map<String, AttributeValue> outboxKey(Order order) {
    return key(OUTBOX_PK, outboxSortKey(order.createdAt().toEpochMilli()) + "#" + order.orderId().value());
  }

  /**
   * The transaction's write of the order item, on condition that no order has its id: its connection, cart
   * (when it completes one), the buyer's order number, the ERP message in {@code body}, kept {@code retention}.
   */
  static TransactWriteItem orderPut(String table, Order order, byte[] body, Duration retention) {
    Map<String, AttributeValue> item = new HashMap<>(orderKey(order.orderId()));
    item.put("type", s("order"));
    item.put("connectionId", s(order.connectionId()));
    if (order.punchout() != null) {
      item.put("cartId", s(order.punchout().cartId()));
    }
    item.put("orderNumber", s(order.externalOrderNumber()));
    item.put("createdAt", s(order.createdAt().toString()));
    item.put(BODY, s(new String(body, StandardCharsets.UTF_8)));
    item.put(TableKeys.TTL, n(order.createdAt().plus(retention).getEpochSecond()));
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
        .conditionExpression("attribute_not_exists(pk)")).build();
  }

  /** The transaction's write of the outbox entry, which holds only the order id. */
  static TransactWriteItem outboxPut(String table, Order order) {
    Map<String, AttributeValue> item = new HashMap<>(outboxKey(order));
    item.put("type", s("outbox"));
    item.put("orderId", s(order.orderId().value()));
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }

  /** Entries recorded before {@code epochMillis} sort below this. */
  static String outboxSortKey(long epochMillis) {
    return String.format("%013d", epochMillis);
  }
}
