package org.punchgate.aws;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Key layout of both tables: a string partition key {@code pk} of the form {@code TYPE#id} and a string
 * sort key {@code sk}, so that new kinds of items (orders, idempotency records, customers, prices) join
 * the same two tables without a migration.
 */
public final class TableKeys {

  public static final String PK = "pk";
  public static final String SK = "sk";
  /** Epoch seconds after which DynamoDB deletes an item (the tables' TTL attribute). */
  public static final String TTL = "ttl";

  private TableKeys() {}

  public static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(PK, s(pk), SK, s(sk));
  }

  public static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  public static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
