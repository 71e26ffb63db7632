package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.n;
import static org.punchgate.aws.TableKeys.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.punchgate.punchin.PunchInReplays;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * PunchIn replay records in the sessions table: {@code PUNCHIN#<connection>#<buyer>#<order number>} /
 * {@code PUNCHIN}, with the fingerprint, the answer's status, content type and bytes, and the table's TTL
 * attribute set {@link PunchInReplays#RETENTION} ahead. One conditional {@code PutItem} records the first
 * answer; when the condition fails the old item comes back with the failure (or, on an engine that does not
 * return it, from one consistent read) and becomes the outcome. An item past its TTL that DynamoDB has not yet
 * deleted counts as absent, in the condition too.
 */
public final class DynamoDbPunchInReplays implements PunchInReplays {

  private static final String SK = "PUNCHIN";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbPunchInReplays(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Recorded record(Reply reply, Instant now) {
    Map<String, AttributeValue> item = new HashMap<>(key(reply.key().value(), SK));
    item.put("type", s("punchin-reply"));
    item.put("fingerprint", s(reply.fingerprint()));
    item.put("status", n(reply.status()));
    item.put("contentType", s(reply.contentType()));
    item.put("body", AttributeValue.fromB(SdkBytes.fromByteArray(reply.body())));
    if (reply.orderId() != null) {
      item.put("orderId", s(reply.orderId()));
    }
    item.put("at", n(reply.at().toEpochMilli()));
    item.put(TableKeys.TTL, n(reply.at().plus(RETENTION).getEpochSecond()));
    try {
      dynamoDb.putItem(b -> b.tableName(table).item(item)
          .conditionExpression("attribute_not_exists(#pk) OR #ttl < :now")
          .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#ttl", TableKeys.TTL))
          .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return new Recorded.First();
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> old = e.hasItem() && !e.item().isEmpty() ? e.item() : read(reply.key());
      if (old == null) {
        throw e; // the record vanished between the failed condition and the read: let the caller retry
      }
      return Recorded.of(reply(reply.key(), old), reply);
    }
  }

  @Override
  public Optional<Reply> find(Key key, Instant now) {
    Map<String, AttributeValue> item = read(key);
    if (item == null || Long.parseLong(item.get(TableKeys.TTL).n()) < now.getEpochSecond()) {
      return Optional.empty();
    }
    return Optional.of(reply(key, item));
  }

  private Map<String, AttributeValue> read(Key key) {
    var item = dynamoDb.getItem(b -> b.tableName(table).key(key(key.value(), SK)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? null : item;
  }

  private static Reply reply(Key key, Map<String, AttributeValue> item) {
    AttributeValue orderId = item.get("orderId");
    return new Reply(key, item.get("fingerprint").s(), Integer.parseInt(item.get("status").n()),
        item.get("contentType").s(), item.get("body").b().asByteArray(), orderId == null ? null : orderId.s(),
        Instant.ofEpochMilli(Long.parseLong(item.get("at").n())));
  }
}
