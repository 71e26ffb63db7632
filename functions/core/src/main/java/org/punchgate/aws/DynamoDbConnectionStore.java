package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.connection.ConnectionChange;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.VersionedConnection;
import org.punchgate.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Connections in the mappings table: {@code CONNECTION#<id>} / {@code CONNECTION} with a {@code version}, plus one
 * lookup item per protocol alias (a cXML Sender credential: {@code CXML_SENDER#<domain>#<identity>}) that carries a
 * copy of the connection, so that a login by alias also costs a single read. Every change is one transaction: the
 * main item on the condition that it is still the version read, alias items on the condition that no other
 * connection owns them, removed aliases deleted. A lookup item never points at a different version than the main item.
 */
public final class DynamoDbConnectionStore implements ConnectionStore {

  /** Engines cancel a transaction that overlaps another one in flight: retried, since no condition failed. */
  private static final int MAX_TRANSACTION_ATTEMPTS = 5;
  private static final String CONDITION_FAILED = "ConditionalCheckFailed";
  /** The mappings table's index of items by type and connection id. */
  public static final String BY_TYPE = "ByType";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final ConnectionItems items;

  public DynamoDbConnectionStore(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.items = new ConnectionItems(table);
  }

  @Override
  public Optional<Connection> find(String connectionId) {
    if (connectionId.length() > Connection.MAX_ID_CHARS) {
      return Optional.empty(); // no such key can exist, and DynamoDB would refuse the request
    }
    return get(ConnectionItems.mainKey(connectionId), false).map(ConnectionItems::connection);
  }

  @Override
  public Optional<Connection> findByAlias(ConnectionAlias alias) {
    if (!alias.fitsLookup()) {
      return Optional.empty(); // as above: an oversized key is nobody's, and DynamoDB would refuse it
    }
    return get(alias.key(), false).map(ConnectionItems::connection).filter(c -> c.hasAlias(alias));
  }

  @Override
  public Optional<VersionedConnection> read(String connectionId) {
    if (connectionId.length() > Connection.MAX_ID_CHARS) {
      return Optional.empty();
    }
    return get(ConnectionItems.mainKey(connectionId), true).map(ConnectionItems::versioned);
  }

  /**
   * One query of the mappings' index {@value #BY_TYPE} (template.yaml: {@code type}, {@code connectionId}): the
   * connection items in id order, without the table's prices and products. Alias items are connection items too,
   * without a version: the filter drops them. An index is read eventually consistent: a connection created a moment
   * ago may be missing from the list for that moment, never from a read by id.
   */
  @Override
  public List<VersionedConnection> list() {
    List<VersionedConnection> all = new ArrayList<>();
    dynamoDb.queryPaginator(b -> b.tableName(table).indexName(BY_TYPE)
            .keyConditionExpression("#type = :connection")
            .filterExpression("attribute_exists(#v)")
            .expressionAttributeNames(Map.of("#type", ConnectionItems.TYPE, "#v", ConnectionItems.VERSION))
            .expressionAttributeValues(Map.of(":connection", TableKeys.s(ConnectionItems.CONNECTION_TYPE))))
        .items().forEach(item -> all.add(ConnectionItems.versioned(item)));
    all.sort(Comparator.comparing(VersionedConnection::id));
    return all;
  }

  @Override
  public ConnectionChange create(Connection connection) {
    String doc = Json.write(ConnectionJson.write(connection));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(items.putMain(connection, doc, 0));
    List<ConnectionAlias> aliases = ConnectionItems.aliases(connection);
    aliases.forEach(alias -> writes.add(items.putAlias(alias, connection, doc)));
    return transact(connection.id(), writes, aliases,
        new ConnectionChange.Saved(new VersionedConnection(connection, 1)));
  }

  @Override
  public ConnectionChange replace(Connection connection, long expectedVersion) {
    Optional<VersionedConnection> current = read(connection.id());
    if (current.isEmpty()) {
      return new ConnectionChange.NotFound();
    }
    if (current.get().version() != expectedVersion) {
      return new ConnectionChange.VersionConflict(current.get().version());
    }
    String doc = Json.write(ConnectionJson.write(connection));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(items.putMain(connection, doc, expectedVersion));
    List<ConnectionAlias> aliases = ConnectionItems.aliases(connection);
    aliases.forEach(alias -> writes.add(items.putAlias(alias, connection, doc)));
    // lookup items of aliases the connection no longer has go in the same transaction
    ConnectionItems.aliases(current.get().connection()).stream().filter(alias -> !aliases.contains(alias))
        .forEach(alias -> writes.add(items.deleteAlias(alias)));
    return transact(connection.id(), writes, aliases,
        new ConnectionChange.Saved(new VersionedConnection(connection, expectedVersion + 1)));
  }

  @Override
  public ConnectionChange delete(String connectionId, long expectedVersion) {
    Optional<VersionedConnection> current = read(connectionId);
    if (current.isEmpty()) {
      return new ConnectionChange.NotFound();
    }
    if (current.get().version() != expectedVersion) {
      return new ConnectionChange.VersionConflict(current.get().version());
    }
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(items.deleteMain(connectionId, expectedVersion));
    ConnectionItems.aliases(current.get().connection()).forEach(alias -> writes.add(items.deleteAlias(alias)));
    return transact(connectionId, writes, List.of(), new ConnectionChange.Deleted());
  }

  /**
   * Runs one change whose outcome is {@code done} when it succeeds; {@code writes} starts with the main item,
   * followed by the puts of {@code aliases} in order. A failed condition becomes the outcome that explains it.
   */
  private ConnectionChange transact(String connectionId, List<TransactWriteItem> writes,
      List<ConnectionAlias> aliases, ConnectionChange done) {
    // only a create saves version 1 (a replace saves the version it found, plus one)
    boolean creating = done instanceof ConnectionChange.Saved saved && saved.stored().version() == 1;
    for (int attempt = 1; ; attempt++) {
      try {
        dynamoDb.transactWriteItems(b -> b.transactItems(writes));
        return done;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (failed(reasons, 0)) { // the main item: there already (create), or gone or changed (replace, delete)
          return read(connectionId).<ConnectionChange>map(current -> creating
                  ? new ConnectionChange.AlreadyExists(current.version())
                  : new ConnectionChange.VersionConflict(current.version()))
              .orElseGet(ConnectionChange.NotFound::new);
        }
        for (int i = 0; i < aliases.size(); i++) {
          if (failed(reasons, i + 1)) {
            return new ConnectionChange.AliasTaken(aliases.get(i), owner(reasons.get(i + 1), aliases.get(i)));
          }
        }
        if (attempt >= MAX_TRANSACTION_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static boolean failed(List<CancellationReason> reasons, int index) {
    return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
  }

  /** The connection that owns an alias: from the refused item when the engine returned it, else read. */
  private String owner(CancellationReason reason, ConnectionAlias alias) {
    Map<String, AttributeValue> old = reason.hasItem() && !reason.item().isEmpty() ? reason.item()
        : get(alias.key(), true).orElse(Map.of());
    AttributeValue owner = old.get(ConnectionItems.CONNECTION_ID);
    return owner == null ? "(unknown)" : owner.s();
  }

  private Optional<Map<String, AttributeValue>> get(String pk, boolean consistent) {
    var item = dynamoDb.getItem(b -> b.tableName(table).key(key(pk, ConnectionItems.SK)).consistentRead(consistent))
        .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }
}
