package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalEnginesExtension.class)
class LocalEnginesIT {

  @Test
  void createsBothTablesWithTheTemplatesKeysAndTtl(LocalEngines engines) {
    for (String table : List.of("SessionsTable", "MappingsTable")) {
      var description = engines.dynamoDb().describeTable(b -> b.tableName(engines.tableName(table))).table();
      assertEquals(List.of(
          KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
          KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()), description.keySchema(), table);
    }
    var ttl = engines.dynamoDb().describeTimeToLive(b -> b.tableName(engines.tableName("SessionsTable")))
        .timeToLiveDescription();
    assertEquals(TimeToLiveStatus.ENABLED, ttl.timeToLiveStatus());
    assertEquals("ttl", ttl.attributeName());
  }

  @Test
  void createsTheFifoOrdersQueueWithRedriveToItsFifoDeadLetterQueue(LocalEngines engines) {
    var orders = engines.sqs().getQueueAttributes(b -> b.queueUrl(engines.queueUrl("OrdersQueue"))
        .attributeNames(QueueAttributeName.ALL)).attributes();
    var dlq = engines.sqs().getQueueAttributes(b -> b.queueUrl(engines.queueUrl("OrdersDeadLetterQueue"))
        .attributeNames(QueueAttributeName.ALL)).attributes();
    assertEquals("true", orders.get(QueueAttributeName.FIFO_QUEUE));
    assertEquals("true", dlq.get(QueueAttributeName.FIFO_QUEUE));
    assertEquals("120", orders.get(QueueAttributeName.VISIBILITY_TIMEOUT));
    String redrive = orders.get(QueueAttributeName.REDRIVE_POLICY);
    assertTrue(redrive.contains(dlq.get(QueueAttributeName.QUEUE_ARN)), redrive);
    assertTrue(redrive.contains("5"), redrive);
    assertTrue(engines.queueUrl("OrdersQueue").endsWith("/OrdersQueue.fifo"));
  }

  @Test
  void resolvesTheFunctionsEnvironmentToTheLocalResources(LocalEngines engines) {
    var env = engines.functionEnvironment(null);
    assertEquals(engines.tableName("SessionsTable"), env.get("SESSIONS_TABLE"));
    assertEquals(engines.tableName("MappingsTable"), env.get("MAPPINGS_TABLE"));
    assertEquals(engines.queueUrl("OrdersQueue"), env.get("ORDERS_QUEUE_URL"));
    assertEquals("30", env.get("SESSION_RETENTION_DAYS"));
    assertEquals(engines.dynamoDbEndpoint(), env.get("AWS_ENDPOINT_URL_DYNAMODB"));
    assertTrue(!env.containsKey("PUNCHOUT_TOKEN_SECRET"), "a Secrets Manager reference is left to the runner");
    assertTrue(!env.containsKey("PUBLIC_BASE_URL"), "a condition is left to the runner");
  }

  @Test
  void everyEngineListensOnLoopbackOnly(LocalEngines engines) throws Exception {
    List<InetAddress> external = NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
        .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).toList();
    assumeFalse(external.isEmpty(), "this machine has no address besides loopback");
    for (int port : List.of(engines.dynamoDbPort(), engines.sqsPort())) {
      assertTrue(accepts(InetAddress.getLoopbackAddress(), port), "listens on loopback: " + port);
      for (InetAddress address : external) {
        assertFalse(accepts(address, port), port + " must not answer on " + address);
      }
    }
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 500);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void namesMotoWhenTheDynamoDbPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var e = assertThrows(LocalEngines.PortInUseException.class, () -> LocalEngines.start(
          SamTemplate.read(LocalEnginesExtension.TEMPLATE), new LocalEngines.Ports(taken.getLocalPort(), 0)));
      assertEquals(LocalEngines.DYNAMODB_ENGINE, e.engine());
      assertEquals(taken.getLocalPort(), e.port());
    }
  }

  @Test
  void namesTheEngineAndPortWhenAPortIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      var e = assertThrows(LocalEngines.PortInUseException.class, () -> LocalEngines.start(
          SamTemplate.read(LocalEnginesExtension.TEMPLATE), new LocalEngines.Ports(0, taken.getLocalPort())));
      assertEquals(taken.getLocalPort(), e.port());
      assertTrue(e.getMessage().contains("ElasticMQ"), e.getMessage());
    }
  }
}
