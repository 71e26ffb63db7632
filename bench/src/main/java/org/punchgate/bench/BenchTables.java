package org.punchgate.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.aws.AwsClients;
import org.punchgate.config.Config;
import org.punchgate.local.MotoServer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The benchmark's DynamoDB: moto on a free local port (a child process, see {@link MotoServer}), started
 * once per benchmark run, with the two tables of {@code template.yaml} (string {@code pk}/{@code sk}). The
 * in-process flows and the cold-start processes reach it over HTTP, like a function reaches DynamoDB.
 * moto keeps tables per region: every client here uses {@link #REGION}.
 */
final class BenchTables implements AutoCloseable {

  static final String SESSIONS_TABLE = "punchgate-sessions";
  static final String MAPPINGS_TABLE = "punchgate-mappings";
  static final String TOKEN_SECRET = "bench-token-secret-bench-token-secret-0123";
  static final String SECRET_HASH_KEY = "bench-secret-hash-key-bench-secret-hash-key";
  static final String REGION = "us-east-1";
  /** How the report names this store. */
  static final String ENGINE = "DynamoDB (moto)";

  private final MotoServer server;

  private BenchTables(MotoServer server) {
    this.server = server;
  }

  static BenchTables start() {
    BenchTables tables = new BenchTables(MotoServer.start(0));
    try (DynamoDbClient dynamoDb = new AwsClients(tables.config()).dynamoDb()) {
      for (String table : List.of(SESSIONS_TABLE, MAPPINGS_TABLE)) {
        dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(
                AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
            .keySchema(
                KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
      }
    } catch (RuntimeException e) {
      tables.close();
      throw e;
    }
    return tables;
  }

  /** The environment a function gets, pointed at this server: what a cold-start process is started with. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SESSIONS_TABLE", SESSIONS_TABLE);
    env.put("MAPPINGS_TABLE", MAPPINGS_TABLE);
    env.put("PUNCHOUT_TOKEN_SECRET", TOKEN_SECRET);
    env.put("SECRET_HASH_KEY", SECRET_HASH_KEY);
    env.put("AWS_REGION", REGION);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", server.endpoint());
    env.put("AWS_ACCESS_KEY_ID", "bench");
    env.put("AWS_SECRET_ACCESS_KEY", "bench");
    return env;
  }

  Config config() {
    return Config.from(environment());
  }

  @Override
  public void close() {
    server.close();
  }
}
