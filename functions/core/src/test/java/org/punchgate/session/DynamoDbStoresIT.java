package org.punchgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.DynamoDbConnectionStore;
import org.punchgate.cxml.CxmlCredential;
import org.punchgate.cxml.CxmlSettings;
import org.punchgate.testing.Fixtures;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The DynamoDB stores against DynamoDB Local (in-process): keys, conditions and the reasons they report. */
class DynamoDbStoresIT {

  private static AmazonDynamoDBLocal local;
  private static DynamoDbClient dynamoDb;
  private static DynamoDbSessionStore sessions;
  private static DynamoDbConnectionStore connections;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    dynamoDb = local.dynamoDbClient();
    for (String table : List.of("sessions", "mappings")) {
      dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
              AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
          .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
              KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }
    sessions = new DynamoDbSessionStore(dynamoDb, "sessions", Duration.ofDays(30));
    connections = new DynamoDbConnectionStore(dynamoDb, "mappings");
  }

  @AfterAll
  static void stop() {
    local.shutdownNow();
  }

  private static Session session(String id) {
    return new Session(id, Fixtures.ociConnection("oci4", ConnectionFormat.OCI_4_0).withoutSecret(), "oci4",
        SessionStatus.OPEN, Fixtures.NOW, Fixtures.NOW.plus(Duration.ofMinutes(30)),
        Map.of("HOOK_URL", "https://srm.example.com/hook?a=1"), Map.of("UserEmail", "b@acme.example"), null, null, null);
  }

  @Test
  void storesASessionOnceAndReadsItBack() {
    sessions.create(session("a"), null);
    assertThrows(ConditionalCheckFailedException.class, () -> sessions.create(session("a"), null));
    Session read = sessions.find("a").orElseThrow();
    assertEquals(session("a"), read);
    var item = dynamoDb.getItem(b -> b.tableName("sessions").key(org.punchgate.aws.TableKeys.key("SESSION#a", "SESSION"))).item();
    assertEquals(Long.toString(Fixtures.NOW.plus(Duration.ofMinutes(30)).plus(Duration.ofDays(30)).getEpochSecond()),
        item.get("ttl").n(), "kept for order matching, then removed by TTL");
  }

  @Test
  void closesExactlyOnceAndSaysWhyNot() {
    sessions.create(session("b"), null);
    var cart = Fixtures.cart(Fixtures.line("1", "SKU-1", "Drill", "2", "99.90"));
    var outcome = assertInstanceOf(TransferOutcome.Transferred.class,
        sessions.close("b", SessionStatus.TRANSFERRED, cart, Fixtures.NOW.plusSeconds(60)));
    assertEquals(cart, outcome.session().transferredCart());
    assertEquals(new TransferOutcome.AlreadyClosed(SessionStatus.TRANSFERRED, cart),
        sessions.close("b", SessionStatus.TRANSFERRED, cart, Fixtures.NOW.plusSeconds(61)), "with the cart that closed it");
    assertEquals(new TransferOutcome.NotFound(), sessions.close("nope", SessionStatus.TRANSFERRED, cart, Fixtures.NOW));
    sessions.create(session("c"), null);
    assertEquals(new TransferOutcome.Expired(),
        sessions.close("c", SessionStatus.TRANSFERRED, cart, Fixtures.NOW.plus(Duration.ofMinutes(31))));
    assertEquals(SessionStatus.OPEN, sessions.find("c").orElseThrow().status());
  }

  @Test
  void keepsACartOfTheLargestAllowedSizeCompressedAndRefusesOneThatCannotFit() {
    var lines = new java.util.ArrayList<org.punchgate.cart.CartLine>();
    for (int i = 1; i <= org.punchgate.cart.CartJson.MAX_LINES; i++) {
      lines.add(Fixtures.line(Integer.toString(i), "SKU-" + i, "Industrial product number " + i + " with a description",
          Integer.toString(i), "12.34"));
    }
    var big = new org.punchgate.cart.Cart("EUR", lines, null, null);
    sessions.create(session("big"), null);
    var closed = assertInstanceOf(TransferOutcome.Transferred.class,
        sessions.close("big", SessionStatus.TRANSFERRED, big, Fixtures.NOW));
    assertEquals(big, closed.session().transferredCart());
    assertEquals(big, sessions.find("big").orElseThrow().transferredCart());

    var random = new java.util.Random(7);
    var noise = new java.util.ArrayList<org.punchgate.cart.CartLine>();
    for (int i = 1; i <= 300; i++) {
      byte[] bytes = new byte[900];
      random.nextBytes(bytes);
      noise.add(Fixtures.line(Integer.toString(i), "N-" + i, java.util.Base64.getEncoder().encodeToString(bytes), "1", "1"));
    }
    sessions.create(session("noise"), null);
    assertInstanceOf(TransferOutcome.TooLarge.class, sessions.close("noise", SessionStatus.TRANSFERRED,
        new org.punchgate.cart.Cart("EUR", noise, null, null), Fixtures.NOW));
    assertEquals(SessionStatus.OPEN, sessions.find("noise").orElseThrow().status(), "nothing changed");
  }

  @Test
  void redeemsAStartTicketOnlyOnceAndOnlyInTime() {
    sessions.create(session("d"), new SessionStore.StartTicket("t-1", Fixtures.NOW.plusSeconds(300)));
    assertTrue(sessions.redeemStartTicket("d", "wrong", Fixtures.NOW).isEmpty());
    assertTrue(sessions.redeemStartTicket("d", "t-1", Fixtures.NOW).isPresent());
    assertTrue(sessions.redeemStartTicket("d", "t-1", Fixtures.NOW).isEmpty(), "single use");
    sessions.create(session("e"), new SessionStore.StartTicket("t-2", Fixtures.NOW.plusSeconds(300)));
    assertTrue(sessions.redeemStartTicket("e", "t-2", Fixtures.NOW.plusSeconds(301)).isEmpty(), "expired ticket");
  }

  @Test
  void findsConnectionsByIdAndCxmlSenderAndDropsStaleLookups() {
    Connection oci = Fixtures.ociConnection("oci5", ConnectionFormat.OCI_5_0);
    connections.put(oci);
    assertEquals(oci, connections.find("oci5").orElseThrow());

    Connection base = Fixtures.ociConnection("cx", ConnectionFormat.CXML);
    Connection cxml = withSender(base, "NetworkID", "AN-1");
    connections.put(cxml);
    assertEquals("cx", connections.findByCxmlSender("networkid", "AN-1").orElseThrow().id());
    connections.put(withSender(base, "DUNS", "123"));
    assertTrue(connections.findByCxmlSender("NetworkID", "AN-1").isEmpty(), "the old credential no longer logs in");
    assertEquals("cx", connections.findByCxmlSender("duns", "123").orElseThrow().id());
  }

  private static Connection withSender(Connection c, String domain, String identity) {
    var settings = new CxmlSettings(List.of(new CxmlCredential(domain, identity)), List.of(new CxmlCredential(domain, identity)),
        new CxmlCredential("DUNS", "999"), CxmlSettings.BASE64, null, List.of());
    return new Connection(c.id(), c.name(), true, ConnectionFormat.CXML, c.userGroup(), c.loginParameters(), null,
        c.secretHash(), c.allowedReturnOrigins(), c.shopStartUrl(), c.sessionLifetime(), c.fieldMapping(), c.unitMap(),
        c.defaultClassification(), settings);
  }
}
