package org.punchgate.ordercompletion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.json.Json;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderId;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;
import org.punchgate.wiring.OrderWiring;

/**
 * The ping events of {@code events/} (form, JSON and GET, as the demo-oci4 connection) through the
 * order-completion handler on in-memory stores and queue, and the sweep handler after a failed send.
 */
class OrderCompletionFunctionTest {

  private static final String CART_PLACEHOLDER = "REPLACE-WITH-CART-ID";

  private final InMemoryWiring memory = new InMemoryWiring();
  private final InMemoryOrderQueue queue = new InMemoryOrderQueue();
  private final List<OrderHandOff.Step> problems = new ArrayList<>();
  private final OrderWiring wiring = OrderWiring.of(memory.wiring, memory.sessions, queue, memory.sessions.outbox(),
      (id, step, error) -> problems.add(step));
  private final OrderCompletionFunction handler = new OrderCompletionFunction(wiring);

  static APIGatewayV2HTTPEvent event(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("../../events", name))) {
      return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
          OrderCompletionFunctionTest.class.getClassLoader()).fromJson(in);
    }
  }

  private String transferredCart() {
    var connection = Fixtures.ociConnection("demo-oci4", ConnectionFormat.OCI_4_0);
    memory.connections.put(connection);
    String id = memory.wiring.ids().newId();
    memory.sessions.create(new Session(id, connection.withoutSecret(), "demo-oci4", SessionStatus.OPEN,
        memory.clock.instant(), memory.clock.instant().plus(Duration.ofMinutes(30)), new CallUp.Oci(Map.of()),
        Map.of(), null, null, null), null);
    memory.sessions.close(id, SessionStatus.TRANSFERRED,
        Fixtures.cart(Fixtures.line("1", "DRL-18V-BL", "Akku-Bohrschrauber 18 V", "2", "189.90")), memory.clock.instant());
    return id;
  }

  /** The event with the cart id in place of its placeholder, in the body or the query. */
  private static APIGatewayV2HTTPEvent forCart(String name, String cartId) throws IOException {
    APIGatewayV2HTTPEvent event = event(name);
    if (event.getBody() != null) {
      event.setBody(event.getBody().replace(CART_PLACEHOLDER, cartId));
    }
    event.setRawQueryString(event.getRawQueryString().replace(CART_PLACEHOLDER, cartId));
    return event;
  }

  @ParameterizedTest
  @ValueSource(strings = {"order-ping-post-form.json", "order-ping-post-json.json", "order-ping-get.json"})
  void eachPingEventOrdersTheCartOnce(String name) throws IOException {
    String cartId = transferredCart();
    APIGatewayV2HTTPResponse response = handler.handleRequest(forCart(name, cartId), null);

    assertEquals(200, response.getStatusCode(), response.getBody());
    JsonNode answer = Json.parse(response.getBody().getBytes(StandardCharsets.UTF_8));
    assertEquals(OrderId.forCart(cartId).value(), answer.get("orderId").asText());
    assertEquals("4500012345", answer.get("orderNumber").asText());
    assertEquals(200, handler.handleRequest(forCart(name, cartId), null).getStatusCode(), "the same ping again");
    assertEquals(1, queue.messages().size());
  }

  @Test
  void anotherRouteIsNotFound() throws IOException {
    APIGatewayV2HTTPEvent event = event("order-ping-get.json");
    event.setRouteKey("DELETE /orders/ping");
    assertEquals(404, handler.handleRequest(event, null).getStatusCode());
  }

  @Test
  void theSweepHandlerSendsWhatAFailedSendLeftInTheOutbox() throws IOException {
    String cartId = transferredCart();
    OrderWiring failingSend = OrderWiring.of(memory.wiring, memory.sessions, order -> {
      throw new IllegalStateException("queue unavailable");
    }, memory.sessions.outbox(), (id, step, error) -> problems.add(step));
    assertEquals(200, new OrderCompletionFunction(failingSend)
        .handleRequest(forCart("order-ping-post-form.json", cartId), null).getStatusCode());
    assertEquals(List.of(OrderHandOff.Step.SEND), problems);

    memory.clock.advance(Duration.ofMinutes(2));
    assertEquals(1, new OutboxSweepFunction(wiring).handleRequest(Map.of("source", "aws.scheduler"), null));
    assertEquals(1, queue.messages().size());
  }
}
