package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.punchgate.aws.DynamoDbLoginLinkStore;
import org.punchgate.link.LoginLinkStore;
import org.punchgate.link.LoginLinkStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.aws.TableKeys;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.ConnectionStoreContract;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.aws.DynamoDbPunchInMappings;
import org.punchgate.aws.DynamoDbPunchInReplays;
import org.punchgate.aws.DynamoDbSessionActivity;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.punchin.PunchInMappings;
import org.punchgate.punchin.PunchInMappingsContract;
import org.punchgate.punchin.PunchInReplays;
import org.punchgate.punchin.PunchInReplaysContract;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.ShopPrice;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionActivity;
import org.punchgate.session.SessionActivityContract;
import org.punchgate.session.SessionStore;
import org.punchgate.session.SessionStoreContract;
import org.punchgate.session.SessionOrderingContract;
import org.punchgate.session.SessionOrders;
import org.punchgate.aws.DynamoDbOrderOutbox;
import org.punchgate.order.OrderOutbox;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import org.punchgate.session.TransferOutcome;
import org.punchgate.testing.Fixtures;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The store contracts on the DynamoDB stores against moto, the engine of the runner and the tests: once as
 * moto answers, and once through a client that drops {@code ReturnValuesOnConditionCheckFailure}, the way
 * an engine without that feature behaves, so the stores' fallback is held to the same contract.
 */
@ExtendWith(LocalEnginesExtension.class)
class StoresOnMotoIT {

  private static final Duration RETENTION = Duration.ofDays(30);

  private LocalEngines engines;

  @BeforeEach
  void engines(LocalEngines shared) {
    engines = shared;
  }

  private DynamoDbSessionStore sessions(DynamoDbClient client) {
    return new DynamoDbSessionStore(client, engines.tableName("SessionsTable"), RETENTION);
  }

  @Nested
  class LoginLinks extends LoginLinkStoreContract {
    @Override
    protected LoginLinkStore store() {
      return new DynamoDbLoginLinkStore(engines.dynamoDb(), engines.tableName("MappingsTable"));
    }
  }

  @Nested
  class LoginLinksOnAnEngineThatReturnsNoOldItem extends LoginLinkStoreContract {
    private final Calls calls = new Calls(true);
    private DynamoDbClient client;

    @BeforeEach
    void countingClient() {
      client = client(engines, calls);
    }

    @AfterEach
    void closeClient() {
      client.close();
    }

    @Override
    protected LoginLinkStore store() {
      return new DynamoDbLoginLinkStore(client, engines.tableName("MappingsTable"));
    }
  }

  @Nested
  class Sessions extends SessionStoreContract {
    @Override
    protected SessionStore store() {
      return sessions(engines.dynamoDb());
    }
  }

  @Nested
  class SessionsOnAnEngineThatReturnsNoOldItem extends SessionStoreContract {
    private final Calls calls = new Calls(true);
    private DynamoDbClient client;

    @BeforeEach
    void countingClient() {
      client = client(engines, calls);
    }

    @AfterEach
    void closeClient() {
      client.close();
    }

    @Override
    protected SessionStore store() {
      return sessions(client);
    }

    @Test
    void tellsWhyAFailedCloseFailedWithOneConsistentReadAndTheSuccessPathReadsNothing() {
      String id = "calls-" + UUID.randomUUID();
      store().create(session(id), null);
      calls.clear();
      assertInstanceOf(TransferOutcome.Transferred.class,
          store().close(id, SessionStatus.TRANSFERRED, Fixtures.cart(), Fixtures.NOW));
      assertEquals(List.of("UpdateItem"), calls.list(), "success path: the conditional write only");

      calls.clear();
      assertEquals(new TransferOutcome.AlreadyClosed(SessionStatus.TRANSFERRED, Fixtures.cart()),
          store().close(id, SessionStatus.TRANSFERRED, Fixtures.cart(), Fixtures.NOW));
      assertEquals(List.of("UpdateItem", "GetItem"), calls.list(), "failure path: one read for the reason");
    }
  }

  @Nested
  class Ordering extends SessionOrderingContract {
    @Override
    protected SessionStore store() {
      return sessions(engines.dynamoDb());
    }

    @Override
    protected SessionOrders orders() {
      return sessions(engines.dynamoDb());
    }

    @Override
    protected OrderOutbox outbox() {
      return new DynamoDbOrderOutbox(engines.dynamoDb(), engines.tableName("SessionsTable"));
    }
  }

  @Nested
  class OrderingOnAnEngineThatReturnsNoOldItem extends SessionOrderingContract {
    private final Calls calls = new Calls(true);
    private DynamoDbClient client;

    @BeforeEach
    void countingClient() {
      client = client(engines, calls);
    }

    @AfterEach
    void closeClient() {
      client.close();
    }

    @Override
    protected SessionStore store() {
      return sessions(client);
    }

    @Override
    protected SessionOrders orders() {
      return sessions(client);
    }

    @Override
    protected OrderOutbox outbox() {
      return new DynamoDbOrderOutbox(client, engines.tableName("SessionsTable"));
    }
  }

  @Nested
  class Connections extends ConnectionStoreContract {
    @Override
    protected ConnectionStore store() {
      return new DynamoDbConnectionStore(engines.dynamoDb(), engines.tableName("MappingsTable"));
    }
  }

  @Nested
  class Activity extends SessionActivityContract {
    @Override
    protected SessionStore sessions() {
      return StoresOnMotoIT.this.sessions(engines.dynamoDb());
    }

    @Override
    protected SessionActivity activity() {
      return new DynamoDbSessionActivity(engines.dynamoDb(), engines.tableName("SessionsTable"));
    }
  }

  @Nested
  class PunchInMappingsOnMoto extends PunchInMappingsContract {
    @Override
    protected PunchInMappings store() {
      return new DynamoDbPunchInMappings(engines.dynamoDb(), engines.tableName("MappingsTable"));
    }
  }

  @Nested
  class PunchInReplaysOnMoto extends PunchInReplaysContract {
    @Override
    protected PunchInReplays store() {
      return new DynamoDbPunchInReplays(engines.dynamoDb(), engines.tableName("SessionsTable"));
    }
  }

  @Test
  void anOrdersPricesAreOneBatchGetItemPerHundredKeysNeverOneReadPerLine() {
    Calls calls = new Calls(false);
    try (DynamoDbClient client = client(engines, calls)) {
      PunchInMappings store = new DynamoDbPunchInMappings(client, engines.tableName("MappingsTable"));
      List<String> skus = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String sku = "calls-" + i + "-" + UUID.randomUUID();
        skus.add(sku);
        store.putPrices(List.of(new ShopPrice(sku, ShopPrice.Scope.LIST, null, "EUR", java.math.BigDecimal.TEN,
            null, null, null, null)));
      }
      calls.clear();
      var customer = new ShopCustomer("C-calls", null, "G", List.of(), List.of());
      assertEquals(30, store.prices(customer, skus).size());
      assertEquals(List.of("BatchGetItem"), calls.list(), "30 lines: 90 keys, one call");
    }
  }

  @Test
  void aFailedCloseCostsNoReadWhereTheEngineReturnsTheOldItem() {
    Calls calls = new Calls(false);
    try (DynamoDbClient client = client(engines, calls)) {
      SessionStore store = sessions(client);
      String id = "no-extra-read-" + UUID.randomUUID();
      store.create(session(id), null);
      store.close(id, SessionStatus.CANCELLED, Fixtures.cart(), Fixtures.NOW);
      calls.clear();

      assertEquals(new TransferOutcome.AlreadyClosed(SessionStatus.CANCELLED, Fixtures.cart()),
          store.close(id, SessionStatus.TRANSFERRED, Fixtures.cart(), Fixtures.NOW));
      assertEquals(List.of("UpdateItem"), calls.list());
    }
  }

  @Test
  void keepsASessionForTheRetentionAfterItExpiresThenLetsTtlRemoveIt() {
    String id = "ttl-" + UUID.randomUUID();
    sessions(engines.dynamoDb()).create(session(id), null);
    var item = engines.dynamoDb().getItem(b -> b.tableName(engines.tableName("SessionsTable"))
        .key(TableKeys.key("SESSION#" + id, "SESSION"))).item();
    assertEquals(Long.toString(Fixtures.NOW.plus(Duration.ofMinutes(30)).plus(RETENTION).getEpochSecond()),
        item.get(TableKeys.TTL).n());
  }

  private static Session session(String id) {
    return new Session(id, Fixtures.ociConnection("oci4", org.punchgate.connection.ConnectionFormat.OCI_4_0)
        .withoutSecret(), "oci4", SessionStatus.OPEN, Fixtures.NOW, Fixtures.NOW.plus(Duration.ofMinutes(30)),
        new org.punchgate.session.CallUp.Oci(Map.of()), Map.of(), null, null, null);
  }

  /** A client of the engines' DynamoDB that records the operations it sends, and may drop one parameter. */
  static DynamoDbClient client(LocalEngines engines, Calls calls) {
    return DynamoDbClient.builder().endpointOverride(URI.create(engines.dynamoDbEndpoint()))
        .region(Region.of(engines.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalEngines.ACCESS_KEY_ID, LocalEngines.SECRET_ACCESS_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(c -> c.addExecutionInterceptor(calls))
        .build();
  }

  private static final class Calls implements ExecutionInterceptor {
    private final boolean dropOldItemOnFailure;
    private final List<String> operations = new ArrayList<>();

    Calls(boolean dropOldItemOnFailure) {
      this.dropOldItemOnFailure = dropOldItemOnFailure;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
      if (dropOldItemOnFailure && context.request() instanceof UpdateItemRequest update) {
        return update.toBuilder().returnValuesOnConditionCheckFailure((String) null).build();
      }
      if (dropOldItemOnFailure && context.request() instanceof TransactWriteItemsRequest transaction) {
        return transaction.toBuilder().transactItems(transaction.transactItems().stream()
            .map(item -> item.update() == null ? item : item.toBuilder()
                .update(item.update().toBuilder().returnValuesOnConditionCheckFailure((String) null).build()).build())
            .toList()).build();
      }
      return context.request();
    }

    @Override
    public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }

    synchronized void clear() {
      operations.clear();
    }

    synchronized List<String> list() {
      return List.copyOf(operations);
    }
  }
}
