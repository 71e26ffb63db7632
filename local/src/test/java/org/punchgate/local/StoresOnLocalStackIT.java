package org.punchgate.local;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.ConnectionStoreContract;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.aws.DynamoDbSessionActivity;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.session.SessionActivity;
import org.punchgate.session.SessionActivityContract;
import org.punchgate.session.SessionStore;
import org.punchgate.session.SessionStoreContract;
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
 * The store contracts on the DynamoDB stores against LocalStack in Docker (Testcontainers), with the
 * template's tables. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class StoresOnLocalStackIT {

  @Container
  static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
      .withServices(LocalStackContainer.Service.DYNAMODB, LocalStackContainer.Service.SQS);

  private static DynamoDbClient dynamoDb;
  private static TemplateResources.Created created;

  @BeforeAll
  static void createTables() {
    var credentials = StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
    Region region = Region.of(LOCALSTACK.getRegion());
    dynamoDb = DynamoDbClient.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    try (SqsClient sqs = SqsClient.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(region)
        .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
      created = new TemplateResources(SamTemplate.read(LocalEnginesExtension.TEMPLATE), dynamoDb, sqs,
          LOCALSTACK.getRegion()).create();
    }
  }

  @AfterAll
  static void closeClient() {
    if (dynamoDb != null) {
      dynamoDb.close();
    }
  }

  @Nested
  class Sessions extends SessionStoreContract {
    @Override
    protected SessionStore store() {
      return new DynamoDbSessionStore(dynamoDb, created.tables().get("SessionsTable"), Duration.ofDays(30));
    }
  }

  @Nested
  class Activity extends SessionActivityContract {
    @Override
    protected SessionStore sessions() {
      return new DynamoDbSessionStore(dynamoDb, created.tables().get("SessionsTable"), Duration.ofDays(30));
    }

    @Override
    protected SessionActivity activity() {
      return new DynamoDbSessionActivity(dynamoDb, created.tables().get("SessionsTable"));
    }
  }

  @Nested
  class Connections extends ConnectionStoreContract {
    @Override
    protected ConnectionStore store() {
      return new DynamoDbConnectionStore(dynamoDb, created.tables().get("MappingsTable"));
    }
  }
}
