package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.s;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.punchgate.link.LoginLink;
import org.punchgate.link.LoginLinkStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Login links in the mappings table: the link itself at {@code LOGIN_LINK#<id>} / {@code LOGIN_LINK} (one read
 * when a browser follows it, one conditional update to revoke it), and an immutable list entry at
 * {@code CONNECTION#<connectionId>} / {@code LOGIN_LINK#<id>} so that a connection's links are one query away.
 * Both are written in one transaction. The id is the hash of the link's secret; the secret is never stored.
 */
public final class DynamoDbLoginLinkStore implements LoginLinkStore {

  private static final String SK = "LOGIN_LINK";
  private static final String LIST_PREFIX = "LOGIN_LINK#";
  private static final int BATCH_GET_LIMIT = 100;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbLoginLinkStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  private static String pk(String linkId) {
    return "LOGIN_LINK#" + linkId;
  }

  @Override
  public void create(LoginLink link) {
    Map<String, AttributeValue> entry = new HashMap<>(key("CONNECTION#" + link.connectionId(), LIST_PREFIX + link.id()));
    entry.put("type", s("loginLinkEntry"));
    entry.put("linkId", s(link.id()));
    String notExists = "attribute_not_exists(" + TableKeys.PK + ")";
    dynamoDb.transactWriteItems(b -> b.transactItems(
        TransactWriteItem.builder().put(p -> p.tableName(table).item(item(link)).conditionExpression(notExists)).build(),
        TransactWriteItem.builder().put(p -> p.tableName(table).item(entry).conditionExpression(notExists)).build()));
  }

  @Override
  public Optional<LoginLink> find(String linkId) {
    var item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk(linkId), SK))).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public List<LoginLink> byConnection(String connectionId) {
    List<String> ids = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page = dynamoDb.query(b -> b.tableName(table)
          .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
          .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#sk", TableKeys.SK))
          .expressionAttributeValues(Map.of(":pk", s("CONNECTION#" + connectionId), ":prefix", s(LIST_PREFIX)))
          .exclusiveStartKey(from));
      page.items().forEach(i -> ids.add(i.get("linkId").s()));
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    List<LoginLink> links = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += BATCH_GET_LIMIT) {
      List<Map<String, AttributeValue>> keys = ids.subList(i, Math.min(ids.size(), i + BATCH_GET_LIMIT)).stream()
          .map(id -> key(pk(id), SK)).toList();
      Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
      while (request != null && !request.isEmpty()) {
        Map<String, KeysAndAttributes> ask = request;
        var answer = dynamoDb.batchGetItem(b -> b.requestItems(ask));
        answer.responses().getOrDefault(table, List.of()).forEach(item -> links.add(fromItem(item)));
        request = answer.hasUnprocessedKeys() ? answer.unprocessedKeys() : null;
      }
    }
    links.sort(Comparator.comparing(LoginLink::createdAt).thenComparing(LoginLink::id));
    return links;
  }

  @Override
  public Revocation revoke(String linkId, Instant now) {
    try {
      var result = dynamoDb.updateItem(b -> b.tableName(table).key(key(pk(linkId), SK))
          .updateExpression("SET revokedAt = :now")
          .conditionExpression("attribute_exists(#pk) AND attribute_not_exists(revokedAt)")
          .expressionAttributeNames(Map.of("#pk", TableKeys.PK))
          .expressionAttributeValues(Map.of(":now", s(now.toString())))
          .returnValues(ReturnValue.ALL_NEW)
          .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return new Revocation.Revoked(fromItem(result.attributes()));
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> old = e.item();
      if (old == null || old.isEmpty()) { // an engine that ignores the option: one consistent read tells
        old = dynamoDb.getItem(b -> b.tableName(table).key(key(pk(linkId), SK)).consistentRead(true)).item();
      }
      return old == null || old.isEmpty() ? new Revocation.NotFound() : new Revocation.AlreadyRevoked(fromItem(old));
    }
  }

  private static Map<String, AttributeValue> item(LoginLink link) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk(link.id()), SK));
    item.put("type", s("loginLink"));
    item.put("connectionId", s(link.connectionId()));
    item.put("returnUrl", s(link.returnUrl()));
    if (link.buyerReference() != null) {
      item.put("buyerReference", s(link.buyerReference()));
    }
    item.put("createdAt", s(link.createdAt().toString()));
    if (link.expiresAt() != null) {
      item.put("expiresAt", s(link.expiresAt().toString()));
    }
    if (link.revokedAt() != null) {
      item.put("revokedAt", s(link.revokedAt().toString()));
    }
    return item;
  }

  private static LoginLink fromItem(Map<String, AttributeValue> item) {
    return new LoginLink(item.get(TableKeys.PK).s().substring("LOGIN_LINK#".length()), item.get("connectionId").s(),
        item.get("returnUrl").s(), text(item, "buyerReference"), Instant.parse(item.get("createdAt").s()),
        instant(item, "expiresAt"), instant(item, "revokedAt"));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }

  private static Instant instant(Map<String, AttributeValue> item, String name) {
    String v = text(item, name);
    return v == null ? null : Instant.parse(v);
  }
}
