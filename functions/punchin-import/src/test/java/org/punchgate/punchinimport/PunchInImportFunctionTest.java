package org.punchgate.punchinimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.json.Json;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.punchin.InMemoryPunchInMappings;
import org.punchgate.punchin.InMemoryPunchInReplays;
import org.punchgate.punchin.PunchInJson;
import org.punchgate.testing.InMemoryWiring;
import org.punchgate.wiring.OrderWiring;
import org.punchgate.wiring.PunchInWiring;

/**
 * The PunchIn events of {@code events/} (a BIS 3 order as {@code demo-punchin}, a cXML OrderRequest as
 * {@code demo-cxml}, both at the demo prices) through the handler on in-memory stores and queue.
 */
class PunchInImportFunctionTest {

  /** The demo customers, products and prices the two demo orders name. */
  private static final String SHOP = """
      {"customers": [
        {"id": "10006", "name": "Klinikum Nord", "group": "acme-buyers", "currencies": ["EUR"], "buyerParties": [
          {"connectionId": "demo-punchin", "kind": "endpoint", "scheme": "0088", "value": "7300010000001"}]},
        {"id": "10004", "name": "ACME (Ariba)", "group": "acme-buyers", "currencies": ["EUR"], "buyerParties": [
          {"connectionId": "demo-cxml", "kind": "cxml-from", "scheme": "NetworkID", "value": "AN-DEMO-BUYER"}]}],
       "products": [
        {"sku": "DRL-18V-KIT", "units": ["EA"]},
        {"sku": "SCR-4X40-TX", "units": ["EA"]},
        {"sku": "GLV-NIT-L", "units": ["BX"], "buyerItemIds": {"10006": "KN-0815"}},
        {"sku": "BAT-18V-40", "units": ["EA"]},
        {"sku": "HEX-SET-9-BALL", "units": ["EA"]}],
       "prices": [
        {"sku": "DRL-18V-KIT", "group": "acme-buyers", "currency": "EUR", "amount": "159.00"},
        {"sku": "SCR-4X40-TX", "group": "acme-buyers", "currency": "EUR", "amount": "5.40", "baseQuantity": "100"},
        {"sku": "GLV-NIT-L", "group": "acme-buyers", "currency": "EUR", "amount": "7.20"},
        {"sku": "BAT-18V-40", "group": "acme-buyers", "currency": "EUR", "amount": "58.00"},
        {"sku": "HEX-SET-9-BALL", "group": "acme-buyers", "currency": "EUR", "amount": "13.40"}]}
      """;

  private final InMemoryWiring memory = new InMemoryWiring();
  private final InMemoryOrderQueue queue = new InMemoryOrderQueue();
  private final InMemoryPunchInMappings mappings = new InMemoryPunchInMappings();
  private final PunchInImportFunction handler;

  PunchInImportFunctionTest() throws IOException {
    JsonNode demo = Json.parse(Files.readAllBytes(Path.of("../../local/src/main/resources/demo/connections.json")));
    for (JsonNode c : demo.get("connections")) {
      if (c.get("id").asText().equals("demo-punchin") || c.get("id").asText().equals("demo-cxml")) {
        memory.connections.put(ConnectionJson.read(c, new SecureRandom()));
      }
    }
    JsonNode shop = Json.parse(SHOP);
    shop.get("customers").forEach(c -> mappings.putCustomer(PunchInJson.customer(c)));
    shop.get("products").forEach(p -> mappings.putProduct(PunchInJson.product(p)));
    shop.get("prices").forEach(p -> mappings.putPrices(java.util.List.of(PunchInJson.price(p))));
    OrderWiring orders = OrderWiring.of(memory.wiring, memory.sessions, queue, memory.sessions.outbox(),
        (id, step, error) -> { });
    handler = new PunchInImportFunction(PunchInWiring.of(orders, memory.sessions, memory.sessions, mappings,
        new InMemoryPunchInReplays()));
  }

  static APIGatewayV2HTTPEvent event(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("../../events", name))) {
      return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
          PunchInImportFunctionTest.class.getClassLoader()).fromJson(in);
    }
  }

  private static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    if (value == null) {
      headers.remove(name);
    } else {
      headers.put(name, value);
    }
    event.setHeaders(headers);
    return event;
  }

  @Test
  void theBis3EventIsAcceptedStoredQueuedOnceAndReplayed() throws IOException {
    APIGatewayV2HTTPResponse first = handler.handleRequest(event("punchin-order-bis3.json"), null);
    assertEquals(200, first.getStatusCode(), first.getBody());
    assertTrue(first.getBody().contains("<cbc:OrderResponseCode>AP</cbc:OrderResponseCode>"), first.getBody());
    String orderId = first.getHeaders().get("x-punchgate-order-id");
    assertEquals(1, queue.messages().size());
    JsonNode message = Json.parse(queue.messages().get(0).body());
    assertEquals(orderId, message.get("orderId").asText());
    assertEquals("peppol-order", message.get("source").asText());
    assertEquals("KN-PO-1001", message.get("externalOrderNumber").asText());
    assertEquals("GLV-NIT-L", message.get("lines").get(2).get("sku").asText(), "the buyer's item id, mapped");

    APIGatewayV2HTTPResponse again = handler.handleRequest(event("punchin-order-bis3.json"), null);
    assertEquals(first.getBody(), again.getBody(), "the original answer");
    assertEquals(1, queue.messages().size(), "nothing created twice");
    assertTrue(memory.sessions.outbox().due(memory.clock.instant().plusSeconds(3600), 10).isEmpty(),
        "the outbox entry went once sent");
  }

  @Test
  void theCxmlEventIsAcceptedWithACxmlStatus200() throws IOException {
    APIGatewayV2HTTPResponse answer = handler.handleRequest(event("punchin-order-cxml.json"), null);
    assertEquals(200, answer.getStatusCode());
    assertTrue(answer.getBody().contains("<Status code=\"200\""), answer.getBody());
    assertEquals("cxml-order", Json.parse(queue.messages().get(0).body()).get("source").asText());
  }

  @Test
  void wrongBasicCredentialsAre401WithAChallengeAndImportNothing() throws IOException {
    var event = withHeader(event("punchin-order-bis3.json"), "authorization", "Basic ZGVtby1wdW5jaGluOndyb25n");
    APIGatewayV2HTTPResponse answer = handler.handleRequest(event, null);
    assertEquals(401, answer.getStatusCode());
    assertTrue(answer.getHeaders().get("www-authenticate").startsWith("Basic "));
    var unknownUser = withHeader(event("punchin-order-bis3.json"), "authorization", "Basic bm9ib2R5Om5vdGhpbmc=");
    assertEquals(401, handler.handleRequest(unknownUser, null).getStatusCode());
    var none = withHeader(event("punchin-order-bis3.json"), "authorization", null);
    assertEquals(401, handler.handleRequest(none, null).getStatusCode());
    assertTrue(queue.messages().isEmpty());
  }

  @Test
  void aWrongSharedSecretIsACxmlStatus401InHttp200() throws IOException {
    var event = event("punchin-order-cxml.json");
    event.setBody(event.getBody().replace("demo-cxml-secret", "guessed"));
    APIGatewayV2HTTPResponse answer = handler.handleRequest(event, null);
    assertEquals(200, answer.getStatusCode());
    assertTrue(answer.getBody().contains("<Status code=\"401\""), answer.getBody());
    assertTrue(queue.messages().isEmpty());
  }

  @Test
  void anUnknownBuyerIsAnReNeverA5xx() throws IOException {
    var event = event("punchin-order-bis3.json");
    event.setBody(event.getBody().replace("7300010000001", "7300099999999"));
    APIGatewayV2HTTPResponse answer = handler.handleRequest(event, null);
    assertEquals(200, answer.getStatusCode());
    assertTrue(answer.getBody().contains("<cbc:OrderResponseCode>RE</cbc:OrderResponseCode>"), answer.getBody());
    assertTrue(answer.getBody().contains("is not a customer"), answer.getBody());
    assertFalse(answer.getHeaders().containsKey("x-punchgate-order-id"));
    assertTrue(queue.messages().isEmpty());
  }

  @Test
  void anOversizedBodyIs413AndANonXmlBody415() throws IOException {
    var big = event("punchin-order-bis3.json");
    big.setBody(big.getBody().replace("</Order>", "<!--" + "x".repeat(4 * 1024 * 1024) + "--></Order>"));
    assertEquals(413, handler.handleRequest(big, null).getStatusCode());
    var json = withHeader(event("punchin-order-bis3.json"), "content-type", "application/json");
    assertEquals(415, handler.handleRequest(json, null).getStatusCode());
  }

  @Test
  void otherRoutesAre404() throws IOException {
    var event = event("punchin-order-bis3.json");
    event.setRouteKey("GET /punchin/orders");
    assertEquals(404, handler.handleRequest(event, null).getStatusCode());
  }
}
