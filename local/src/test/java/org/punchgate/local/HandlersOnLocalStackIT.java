package org.punchgate.local;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.punchgate.cartreturn.CartReturnHandler;
import org.punchgate.login.PunchoutLoginHandler;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@link HandlerSuite} against LocalStack in Docker (Testcontainers), with the template's tables and queues.
 * Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class HandlersOnLocalStackIT extends HandlerSuite {

  @Container
  static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
      .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS);

  private static DynamoDbClient dynamoDb;
  private static TemplateResources.Created created;
  private static PunchoutLoginHandler login;
  private static CartReturnHandler cartReturn;

  @BeforeAll
  static void createResourcesAndHandlers() {
    URI endpoint = LOCALSTACK.getEndpoint();
    var credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    Region region = Region.of(LOCALSTACK.getRegion());
    dynamoDb = DynamoDbClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create()).build();
    SqsClient sqs = SqsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
        .httpClient(UrlConnectionHttpClient.create()).build();
    created = new TemplateResources(SamTemplate.read(LocalEnginesExtension.TEMPLATE), dynamoDb, sqs,
        LOCALSTACK.getRegion()).create();

    Map<String, String> env = new HashMap<>(created.environment(null));
    env.put("PUNCHOUT_TOKEN_SECRET", "localstack-suite-secret-localstack-suite-secret");
    env.put("AWS_REGION", LOCALSTACK.getRegion());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", endpoint.toString());
    env.put("AWS_ENDPOINT_URL_SQS", endpoint.toString());
    env.put("AWS_ACCESS_KEY_ID", LOCALSTACK.getAccessKey());
    env.put("AWS_SECRET_ACCESS_KEY", LOCALSTACK.getSecretKey());
    // the handlers read their configuration once, in the constructor: set it for them, then put back
    // whatever the in-JVM runner had configured
    Map<String, String> previous = new HashMap<>();
    env.forEach((k, v) -> previous.put(k, System.getProperty(k)));
    try {
      env.forEach(System::setProperty);
      login = new PunchoutLoginHandler();
      cartReturn = new CartReturnHandler();
    } finally {
      previous.forEach((k, v) -> {
        if (v == null) {
          System.clearProperty(k);
        } else {
          System.setProperty(k, v);
        }
      });
    }
  }

  @AfterAll
  static void closeClient() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }

  @Override
  DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  @Override
  String sessionsTable() {
    return created.tables().get("SessionsTable");
  }

  @Override
  String mappingsTable() {
    return created.tables().get("MappingsTable");
  }

  @Override
  PunchoutLoginHandler loginHandler() {
    return login;
  }

  @Override
  CartReturnHandler cartReturnHandler() {
    return cartReturn;
  }
}
