package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.s;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.connection.ConnectionStore;

/**
 * Connections in the mappings table: {@code CONNECTION#<id>} / {@code CONNECTION}, plus one lookup item
 * per protocol alias (a cXML Sender credential: {@code CXML_SENDER#<domain>#<identity>}) that carries a
 * copy of the connection, so that a login by alias also costs a single read. All of a connection's items are written in
 * one transaction, so a lookup item never points at a different version than the main item.
 */
public final class DynamoDbConnectionStore implements ConnectionStore {

  private static final String SK = "CONNECTION";
  /** Incremented by every put of the main item: the condition that keeps concurrent puts apart. */
  private static final String VERSION = "version";
  private static final int MAX_PUT_ATTEMPTS = 10;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbConnectionStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<Connection> find(String connectionId) {
    if (connectionId.length() > Connection.MAX_ID_CHARS) {
      return Optional.empty(); // no such key can exist, and DynamoDB would refuse the request
    }
    return read("CONNECTION#" + connectionId);
  }

  @Override
  public Optional<Connection> findByAlias(ConnectionAlias alias) {
    if (!alias.fitsLookup()) {
      return Optional.empty(); // as above: an oversized key is nobody's, and DynamoDB would refuse it
    }
    return read(alias.key()).filter(c -> c.hasAlias(alias));
  }

  /**
   * Replaces the connection and its lookup items in one transaction that holds only if the main item is
   * still the version read here: two concurrent puts cannot both compute their stale lookup items from the
   * same old version (the loser re-reads and tries again).
   */
  @Override
  public void put(Connection connection) {
    for (int attempt = 1; ; attempt++) {
      try {
        write(connection);
        return;
      } catch (TransactionCanceledException e) {
        boolean raced = e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
        if (!raced || attempt >= MAX_PUT_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private void write(Connection connection) {
    String mainKey = "CONNECTION#" + connection.id();
    Map<String, AttributeValue> current =
        dynamoDb.getItem(b -> b.tableName(table).key(key(mainKey, SK)).consistentRead(true)).item();
    boolean exists = current != null && !current.isEmpty();
    AttributeValue version = exists ? current.get(VERSION) : null;
    String doc = Json.write(ConnectionJson.write(connection));
    Map<String, AttributeValue> main = item(mainKey, connection, doc);
    main.put(VERSION, TableKeys.n(version == null ? 1 : Long.parseLong(version.n()) + 1));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(p -> {
      p.tableName(table).item(main);
      if (!exists) {
        p.conditionExpression("attribute_not_exists(" + TableKeys.PK + ")");
      } else if (version == null) { // written before items had versions
        p.conditionExpression("attribute_not_exists(#v)").expressionAttributeNames(Map.of("#v", VERSION));
      } else {
        p.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
            .expressionAttributeValues(Map.of(":v", version));
      }
    }).build());
    List<String> newAliases = aliasKeys(connection);
    for (String pk : newAliases) {
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(pk, connection, doc))).build());
    }
    // lookup items of aliases the connection no longer has must go in the same transaction
    if (exists) {
      for (String pk : aliasKeys(ConnectionJson.read(Json.parse(current.get("doc").s()), (SecureRandom) null))) {
        if (!newAliases.contains(pk)) {
          writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, SK))).build());
        }
      }
    }
    dynamoDb.transactWriteItems(b -> b.transactItems(writes));
  }

  private Optional<Connection> read(String pk) {
    var item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk, SK))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ConnectionJson.read(Json.parse(item.get("doc").s()), (SecureRandom) null));
  }

  private static Map<String, AttributeValue> item(String pk, Connection connection, String doc) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk, SK));
    item.put("type", s("connection"));
    item.put("connectionId", s(connection.id()));
    item.put("doc", s(doc));
    return item;
  }

  private static List<String> aliasKeys(Connection connection) {
    return connection.protocol() == null ? List.of()
        : connection.protocol().aliases().stream().map(ConnectionAlias::key).toList();
  }
}
