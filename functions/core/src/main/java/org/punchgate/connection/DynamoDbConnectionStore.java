package org.punchgate.connection;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.s;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.punchgate.cxml.CxmlCredential;
import org.punchgate.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Connections in the mappings table: {@code CONNECTION#<id>} / {@code CONNECTION}, plus one lookup item
 * per cXML Sender credential ({@code CXML_SENDER#<domain>#<identity>}) that carries a copy of the
 * connection, so that a cXML login also costs a single read. All of a connection's items are written in
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
    if (connectionId.length() > Connection.MAX_ID_CHARS) {
      return Optional.empty(); // no such key can exist, and DynamoDB would refuse the request
    }
    return read("CONNECTION#" + connectionId);
  }

  @Override
  public Optional<Connection> findByCxmlSender(String domain, String identity) {
    if (!CxmlCredential.fitsLookup(domain.strip(), identity.strip())) {
      return Optional.empty();
    }
    return read(senderKey(new CxmlCredential(domain.strip(), identity.strip())))
        .filter(c -> c.cxml() != null && c.cxml().sender().stream().anyMatch(s -> s.matches(domain, identity)));
  }

  @Override
  public void put(Connection connection) {
    String doc = Json.write(ConnectionJson.write(connection));
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(item("CONNECTION#" + connection.id(), connection, doc))).build());
    List<String> newAliases = new ArrayList<>();
    if (connection.cxml() != null) {
      for (CxmlCredential sender : connection.cxml().sender()) {
        String pk = senderKey(sender);
        newAliases.add(pk);
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item(pk, connection, doc))).build());
      }
    }
    // lookup items of credentials the connection no longer has must go in the same transaction
    find(connection.id()).filter(old -> old.cxml() != null).ifPresent(old -> {
      for (CxmlCredential sender : old.cxml().sender()) {
        String pk = senderKey(sender);
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

  private static String senderKey(CxmlCredential sender) {
    return "CXML_SENDER#" + sender.domain().toLowerCase(Locale.ROOT) + "#" + sender.identity();
  }
}
