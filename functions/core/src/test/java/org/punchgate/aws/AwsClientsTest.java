package org.punchgate.aws;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.config.Config;

class AwsClientsTest {

  @Test
  void aContainerBuildsOneDynamoDbClientThatEveryWiringShares() {
    Config config = Config.from(Map.of("SESSIONS_TABLE", "sessions", "MAPPINGS_TABLE", "mappings",
        "PUNCHOUT_TOKEN_SECRET", "test-secret-test-secret-test-secret!", "AWS_REGION", "eu-central-1",
        "AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "test", "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:9"));
    AwsClients clients = new AwsClients(config);

    // the order functions' wiring and the common wiring ask for it separately: one client, one connection pool
    assertSame(clients.dynamoDb(), clients.dynamoDb());
  }
}
