package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;

import java.util.Map;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

  /** Entries recorded before {@code epochMillis} sort below this. */
  static String outboxSortKey(long epochMillis) {
    return String.format("%013d", epochMillis);
  }
}
