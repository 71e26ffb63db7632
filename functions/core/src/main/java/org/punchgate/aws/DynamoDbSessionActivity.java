package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.n;
import static org.punchgate.aws.TableKeys.s;

import java.time.Instant;
import java.util.Map;
import org.punchgate.session.SessionActivity;
import org.punchgate.session.SessionStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * A connection's use, from the sessions table's index {@value #INDEX} (template.yaml): partition key
 * {@code connectionId}, sort key {@code expiresAt}, with {@code status} and {@code loginAt} projected. Session items
 * carry all three already (plus {@code loginAt}, one attribute more in the same PutItem), so a login costs no extra
 * request; order and outbox items have no {@code expiresAt} and stay out of the index (a sparse index).
 * <ul>
 *   <li>open sessions: one query over the sessions not yet expired, counting those still OPEN;</li>
 *   <li>last login: the session that ends last (one item). That is the latest login unless the connection's session
 *       lifetime was shortened between two logins.</li>
 * </ul>
 */
public final class DynamoDbSessionActivity implements SessionActivity {

  public static final String INDEX = "ByConnection";
  /** Epoch milliseconds of the login that began the session. */
  static final String LOGIN_AT = "loginAt";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbSessionActivity(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public ConnectionActivity of(String connectionId, Instant now) {
    int open = dynamoDb.queryPaginator(b -> b.tableName(table).indexName(INDEX).select(Select.COUNT)
            .keyConditionExpression("connectionId = :c AND expiresAt > :now")
            .filterExpression("#status = :open")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(Map.of(":c", s(connectionId), ":now", n(now.getEpochSecond()),
                ":open", s(SessionStatus.OPEN.name()))))
        .stream().mapToInt(page -> page.count()).sum();
    var last = dynamoDb.query(b -> b.tableName(table).indexName(INDEX).scanIndexForward(false).limit(1)
        .keyConditionExpression("connectionId = :c")
        .expressionAttributeValues(Map.of(":c", s(connectionId)))).items();
    AttributeValue loginAt = last.isEmpty() ? null : last.getFirst().get(LOGIN_AT);
    return new ConnectionActivity(loginAt == null ? null : Instant.ofEpochMilli(Long.parseLong(loginAt.n())), open);
  }
}
