package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.s;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderOutbox;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The outbox in the sessions table ({@link OrderItems}): due entries by one consistent Query on the outbox
 * partition, then each entry's order item. The reads happen only on the sweeper's path, never on a ping's.
 */
public final class DynamoDbOrderOutbox implements OrderOutbox {

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbOrderOutbox(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public List<Order> due(Instant recordedBefore, int limit) {
    var entries = dynamoDb.query(b -> b.tableName(table).consistentRead(true).limit(limit)
        .keyConditionExpression("pk = :pk AND sk < :before")
        .expressionAttributeValues(Map.of(":pk", s(OrderItems.OUTBOX_PK),
            ":before", s(OrderItems.outboxSortKey(recordedBefore.toEpochMilli()))))).items();
    List<Order> due = new ArrayList<>();
    for (Map<String, AttributeValue> entry : entries) {
      OrderId id = new OrderId(entry.get("orderId").s());
      var item = dynamoDb.getItem(b -> b.tableName(table).key(OrderItems.orderKey(id)).consistentRead(true)).item();
      if (item != null && !item.isEmpty()
          && ErpOrderMessage.read(item.get(OrderItems.BODY).s().getBytes(StandardCharsets.UTF_8))
              instanceof ErpOrderMessage.Reading.Readable readable) {
        due.add(readable.order());
      }
    }
    return due;
  }

  @Override
  public void markSent(Order order) {
    dynamoDb.deleteItem(b -> b.tableName(table).key(OrderItems.outboxKey(order)));
  }
}
