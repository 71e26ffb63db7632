package org.punchgate.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {

  private static Map<String, String> minimal() {
    return new HashMap<>(Map.of("SESSIONS_TABLE", "s", "MAPPINGS_TABLE", "m",
        "PUNCHOUT_TOKEN_SECRET", "a-token-secret-of-at-least-32-bytes!!"));
  }

  @Test
  void theTemplatesEmptyEndpointVariablesMeanTheRealAwsEndpoints() {
    Map<String, String> env = minimal();
    env.put("AWS_ENDPOINT_URL_DYNAMODB", "");
    env.put("AWS_ENDPOINT_URL_SQS", "");
    Config config = Config.from(env);
    assertNull(config.dynamoDbEndpoint());
    assertNull(config.sqsEndpoint());
  }

  @Test
  void anEmptyServiceEndpointFallsBackToTheGeneralOne() {
    Map<String, String> env = minimal();
    env.put("AWS_ENDPOINT_URL_DYNAMODB", "");
    env.put("AWS_ENDPOINT_URL_SQS", "http://127.0.0.1:9324");
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:4566");
    Config config = Config.from(env);
    assertEquals("http://127.0.0.1:4566", config.dynamoDbEndpoint());
    assertEquals("http://127.0.0.1:9324", config.sqsEndpoint());
  }
}
