package org.punchgate.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything a function reads from its environment, read once at start. Nothing else in the project
 * reads environment variables. A JVM system property of the same name wins over the environment variable,
 * so the local runner and tests can configure in-process handlers.
 *
 * @param sessionsTable    SESSIONS_TABLE: sessions, carts, orders, idempotency records
 * @param mappingsTable    MAPPINGS_TABLE: connections, field mappings, customers, products, prices
 * @param ordersQueueUrl   ORDERS_QUEUE_URL: FIFO queue toward the ERP (may be null where unused)
 * @param tokenSecret      PUNCHOUT_TOKEN_SECRET: HS256 key for punchout tokens, at least 32 bytes
 * @param region           AWS_REGION
 * @param dynamoDbEndpoint AWS_ENDPOINT_URL_DYNAMODB, else AWS_ENDPOINT_URL: moto, LocalStack (null on AWS)
 * @param sqsEndpoint      AWS_ENDPOINT_URL_SQS, else AWS_ENDPOINT_URL: ElasticMQ, LocalStack (null on AWS)
 * @param publicBaseUrl    PUBLIC_BASE_URL: our own base URL for links we hand out (null: from the request)
 * @param maxBodyBytes     MAX_BODY_BYTES: largest request body accepted (default 1 MiB)
 * @param secretHashKey    SECRET_HASH_KEY: the HMAC-SHA-256 key for secrets the admin API generates (Secrets
 *                         Manager on AWS); null: only PBKDF2 hashes of chosen passwords work
 * @param sessionRetention SESSION_RETENTION_DAYS: how long a closed session (and its cart) is kept for
 *                         matching orders before DynamoDB's TTL removes it (default 30 days)
 */
public record Config(
    String sessionsTable,
    String mappingsTable,
    String ordersQueueUrl,
    byte[] tokenSecret,
    String region,
    String dynamoDbEndpoint,
    String sqsEndpoint,
    AwsKeys awsKeys,
    String publicBaseUrl,
    int maxBodyBytes,
    Duration sessionRetention,
    byte[] secretHashKey) {

  /** Static credentials when the environment gives them (Lambda, local runner); null otherwise. */
  public record AwsKeys(String accessKeyId, String secretAccessKey, String sessionToken) {}

  public static Config load() {
    Map<String, String> values = new HashMap<>(System.getenv());
    System.getProperties().forEach((k, v) -> values.put(k.toString(), v.toString()));
    return from(values);
  }

  public static Config from(Map<String, String> env) {
    String secret = required(env, "PUNCHOUT_TOKEN_SECRET");
    String accessKey = env.get("AWS_ACCESS_KEY_ID");
    return new Config(
        required(env, "SESSIONS_TABLE"),
        required(env, "MAPPINGS_TABLE"),
        blankToNull(env.get("ORDERS_QUEUE_URL")),
        secret.getBytes(StandardCharsets.UTF_8),
        env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1")),
        endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB"),
        endpoint(env, "AWS_ENDPOINT_URL_SQS"),
        accessKey == null || accessKey.isBlank() ? null
            : new AwsKeys(accessKey, env.get("AWS_SECRET_ACCESS_KEY"), blankToNull(env.get("AWS_SESSION_TOKEN"))),
        blankToNull(env.get("PUBLIC_BASE_URL")),
        Integer.parseInt(env.getOrDefault("MAX_BODY_BYTES", Integer.toString(1 << 20))),
        Duration.ofDays(Long.parseLong(env.getOrDefault("SESSION_RETENTION_DAYS", "30"))),
        blankToNull(env.get("SECRET_HASH_KEY")) == null ? null
            : env.get("SECRET_HASH_KEY").getBytes(StandardCharsets.UTF_8));
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("environment variable " + name + " is not set");
    }
    return value;
  }

  /**
   * The service's endpoint override, else the general one. The template declares both service variables
   * empty (so that {@code sam local --env-vars} may set them): empty means "not set".
   */
  private static String endpoint(Map<String, String> env, String serviceVariable) {
    String service = blankToNull(env.get(serviceVariable));
    return service != null ? service : blankToNull(env.get("AWS_ENDPOINT_URL"));
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
