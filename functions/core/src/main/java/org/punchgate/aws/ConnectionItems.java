package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.s;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.connection.VersionedConnection;
import org.punchgate.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** The items of one connection in the mappings table and the conditional writes of {@link DynamoDbConnectionStore}. */
final class ConnectionItems {

  static final String SK = "CONNECTION";
  static final String MAIN_PREFIX = "CONNECTION#";
  static final String CONNECTION_ID = "connectionId";
  /** Main and alias items alike: the key of the list's index, with {@link #CONNECTION_ID}. */
  static final String TYPE = "type";
  static final String CONNECTION_TYPE = "connection";
  /** The main item's optimistic-concurrency version: 1 after create, one more on every replace. */
  static final String VERSION = "version";
  private static final String DOC = "doc";

  private final String table;

  ConnectionItems(String table) {
    this.table = table;
  }

  static String mainKey(String connectionId) {
    return MAIN_PREFIX + connectionId;
  }

  static List<ConnectionAlias> aliases(Connection connection) {
    return connection.protocol() == null ? List.of() : connection.protocol().aliases();
  }

  static Connection connection(Map<String, AttributeValue> item) {
    return ConnectionJson.read(Json.parse(item.get(DOC).s()), (SecureRandom) null);
  }

  /** A main item written before items had versions counts as version 1. */
  static VersionedConnection versioned(Map<String, AttributeValue> item) {
    AttributeValue version = item.get(VERSION);
    return new VersionedConnection(connection(item), version == null ? 1 : Long.parseLong(version.n()));
  }

  /** The main item at {@code expectedVersion + 1}; {@code expectedVersion} 0: it must not exist yet. */
  TransactWriteItem putMain(Connection connection, String doc, long expectedVersion) {
    Map<String, AttributeValue> main = item(mainKey(connection.id()), connection, doc);
    main.put(VERSION, TableKeys.n(expectedVersion + 1));
    return TransactWriteItem.builder().put(p -> {
      p.tableName(table).item(main).returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
      if (expectedVersion == 0) {
        p.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableKeys.PK));
      } else {
        p.conditionExpression(versionCondition(expectedVersion)).expressionAttributeNames(versionNames())
            .expressionAttributeValues(Map.of(":v", TableKeys.n(expectedVersion)));
      }
    }).build();
  }

  TransactWriteItem deleteMain(String connectionId, long expectedVersion) {
    return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(mainKey(connectionId), SK))
        .conditionExpression(versionCondition(expectedVersion)).expressionAttributeNames(versionNames())
        .expressionAttributeValues(Map.of(":v", TableKeys.n(expectedVersion)))).build();
  }

  /** An alias item, on the condition that no other connection owns the alias. */
  TransactWriteItem putAlias(ConnectionAlias alias, Connection connection, String doc) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item(alias.key(), connection, doc))
        .conditionExpression("attribute_not_exists(#pk) OR #owner = :id")
        .expressionAttributeNames(Map.of("#pk", TableKeys.PK, "#owner", CONNECTION_ID))
        .expressionAttributeValues(Map.of(":id", s(connection.id())))
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
  }

  /** Unconditional: an alias item is only ever written by the connection that owns it. */
  TransactWriteItem deleteAlias(ConnectionAlias alias) {
    return TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(alias.key(), SK))).build();
  }

  private static String versionCondition(long expectedVersion) {
    return expectedVersion == 1 ? "attribute_exists(#pk) AND (#v = :v OR attribute_not_exists(#v))"
        : "attribute_exists(#pk) AND #v = :v";
  }

  private static Map<String, String> versionNames() {
    return Map.of("#pk", TableKeys.PK, "#v", VERSION);
  }

  private static Map<String, AttributeValue> item(String pk, Connection connection, String doc) {
    Map<String, AttributeValue> item = new HashMap<>(key(pk, SK));
    item.put(TYPE, s(CONNECTION_TYPE));
    item.put(CONNECTION_ID, s(connection.id()));
    item.put(DOC, s(doc));
    return item;
  }
}
