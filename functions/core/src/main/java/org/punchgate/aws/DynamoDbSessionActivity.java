package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.s;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.punchgate.session.SessionActivity;
import org.punchgate.session.SessionStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A connection's use, from the sessions table's index {@value #INDEX} (template.yaml): partition key
 * {@code connectionId}, sort key {@code expiresAt}, with {@code status} and {@code loginAt} projected. Session items
 * carry all three already (plus {@code loginAt}, one attribute more in the same PutItem), so a login costs no extra
 * request; order and outbox items have no {@code expiresAt} and stay out of the index (a sparse index).
 *
 * <p>One query per connection, newest expiry first: the first session is the last login (the latest login unless
 * the connection's session lifetime was shortened between two logins), the open ones are counted until the first
 * expired one, so a connection's history is never read. The admin list asks for all its connections side by side.
 */
public final class DynamoDbSessionActivity implements SessionActivity {

  public static final String INDEX = "ByConnection";
  /** Epoch milliseconds of the login that began the session. */
  static final String LOGIN_AT = "loginAt";
  /** Sessions read per page: open sessions beyond it cost another page, expired ones end the query. */
  private static final int PAGE = 100;
  /** Queries in flight at once for a list: enough to hide latency, few enough for the table's on-demand rate. */
  private static final int PARALLEL_QUERIES = 16;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbSessionActivity(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public ConnectionActivity of(String connectionId, Instant now) {
    Instant lastLogin = null;
    int open = 0;
    long nowSeconds = now.getEpochSecond();
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page = dynamoDb.query(b -> b.tableName(table).indexName(INDEX).scanIndexForward(false).limit(PAGE)
          .exclusiveStartKey(from)
          .keyConditionExpression("connectionId = :c")
          .expressionAttributeValues(Map.of(":c", s(connectionId))));
      for (Map<String, AttributeValue> item : page.items()) {
        if (lastLogin == null && item.get(LOGIN_AT) != null) {
          lastLogin = Instant.ofEpochMilli(Long.parseLong(item.get(LOGIN_AT).n()));
        }
        if (Long.parseLong(item.get("expiresAt").n()) <= nowSeconds) {
          return new ConnectionActivity(lastLogin, open); // this one and all after it have expired
        }
        if (SessionStatus.OPEN.name().equals(item.get("status").s())) {
          open++;
        }
      }
      start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (start != null);
    return new ConnectionActivity(lastLogin, open);
  }

  @Override
  public Map<String, ConnectionActivity> of(List<String> connectionIds, Instant now) {
    Semaphore slots = new Semaphore(PARALLEL_QUERIES);
    Map<String, Future<ConnectionActivity>> pending = new LinkedHashMap<>();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String id : connectionIds) {
        pending.put(id, executor.submit(() -> {
          slots.acquire();
          try {
            return of(id, now);
          } finally {
            slots.release();
          }
        }));
      }
      Map<String, ConnectionActivity> all = new LinkedHashMap<>();
      for (var entry : pending.entrySet()) {
        all.put(entry.getKey(), entry.getValue().get());
      }
      return all;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the connections' sessions", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }
}
