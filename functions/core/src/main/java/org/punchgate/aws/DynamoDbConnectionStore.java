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

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbConnectionStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<Connection> find(String connectionId) {
    return read("CONNECTION#" + connectionId);
  }

  @Override
  public Optional<Connection> findByAlias(ConnectionAlias alias) {
    return read(alias.key()).filter(c -> c.hasAlias(alias));
  }

  @Override
  public void put(Connection connection) {
    String doc = Json.write(ConnectionJson.write(connection));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(item("CONNECTION#" + connection.id(), connection, doc))).build());
    List<String> newAliases = aliasKeys(connection);
    for (String pk : newAliases) {
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(pk, connection, doc))).build());
    }
    // lookup items of aliases the connection no longer has must go in the same transaction
    find(connection.id()).ifPresent(old -> {
      for (String pk : aliasKeys(old)) {
        if (!newAliases.contains(pk)) {
          writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, SK))).build());
        }
      }
    });
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
