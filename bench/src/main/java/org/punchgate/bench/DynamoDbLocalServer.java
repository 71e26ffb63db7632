package org.punchgate.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.aws.AwsClients;
import org.punchgate.config.Config;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local as an HTTP server on a free local port, started once per benchmark run, with the two
 * tables of {@code template.yaml} (string {@code pk}/{@code sk}). The in-process flows and the
 * cold-start processes reach it over HTTP, like a function reaches DynamoDB.
 */
final class DynamoDbLocalServer implements AutoCloseable {

  static final String SESSIONS_TABLE = "punchgate-sessions";
  static final String MAPPINGS_TABLE = "punchgate-mappings";
  static final String TOKEN_SECRET = "bench-token-secret-bench-token-secret-0123";

  private final DynamoDBProxyServer server;
  private final int port;

  private DynamoDbLocalServer(DynamoDBProxyServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static DynamoDbLocalServer start() throws Exception {
    int port = freePort();
    DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
        "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
    server.start();
    DynamoDbLocalServer local = new DynamoDbLocalServer(server, port);
    DynamoDbClient dynamoDb = new AwsClients(local.config()).dynamoDb();
    for (String table : List.of(SESSIONS_TABLE, MAPPINGS_TABLE)) {
      dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(
              AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
          .keySchema(
              KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }
    dynamoDb.close();
    return local;
  }

  /** The environment a function gets, pointed at this server: what a cold-start process is started with. */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SESSIONS_TABLE", SESSIONS_TABLE);
    env.put("MAPPINGS_TABLE", MAPPINGS_TABLE);
    env.put("PUNCHOUT_TOKEN_SECRET", TOKEN_SECRET);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + port);
    env.put("AWS_ACCESS_KEY_ID", "bench");
    env.put("AWS_SECRET_ACCESS_KEY", "bench");
    return env;
  }

  Config config() {
    return Config.from(environment());
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
