package org.punchgate.aws;

import java.net.URI;
import org.punchgate.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The one place that builds AWS clients: explicit region, explicit credentials provider and the light
 * url-connection HTTP client (fast cold start), and the endpoint override for local engines and LocalStack.
 * Build once per container and share.
 */
public final class AwsClients {

  private final Config config;
  private final SdkHttpClient httpClient;
  private final ExecutionInterceptor[] interceptors;
  private DynamoDbClient dynamoDb;

  public AwsClients(Config config, ExecutionInterceptor... interceptors) {
    this.config = config;
    this.httpClient = UrlConnectionHttpClient.builder().build();
    this.interceptors = interceptors;
  }

  /** The container's one DynamoDB client, built on first use: every store and wiring of a function shares it. */
  public synchronized DynamoDbClient dynamoDb() {
    if (dynamoDb == null) {
      dynamoDb = build(DynamoDbClient.builder(), config.dynamoDbEndpoint());
    }
    return dynamoDb;
  }

  public SqsClient sqs() {
    return build(SqsClient.builder(), config.sqsEndpoint());
  }

  /** Any client the same way: our HTTP client, region, credentials and interceptors, the local endpoint if set. */
  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String endpoint) {
    builder.httpClient(httpClient)
        .region(Region.of(config.region()))
        .credentialsProvider(credentials())
        .overrideConfiguration(overrides());
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
    return builder.build();
  }

  private ClientOverrideConfiguration overrides() {
    var builder = ClientOverrideConfiguration.builder();
    for (ExecutionInterceptor interceptor : interceptors) {
      builder.addExecutionInterceptor(interceptor);
    }
    return builder.build();
  }

  /**
   * Keys from the environment when present (Lambda without SnapStart, the local runner); otherwise the
   * container credentials endpoint, which is how Lambda serves credentials to SnapStart functions.
   */
  private AwsCredentialsProvider credentials() {
    Config.AwsKeys keys = config.awsKeys();
    if (keys == null) {
      return ContainerCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(keys.sessionToken() == null
        ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
        : AwsSessionCredentials.create(keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
  }
}
