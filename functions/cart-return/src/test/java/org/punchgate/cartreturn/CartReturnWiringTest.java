package org.punchgate.cartreturn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.security.RandomIds;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;
import org.punchgate.wiring.Wiring;

/** The cart-return function is built from only what it uses: the session store, never the connection store. */
class CartReturnWiringTest {

  @Test
  void buildsAndServesWithoutAConnectionStore() {
    var memory = new InMemoryWiring();
    Wiring wiring = Wiring.lazy(memory.wiring.config(), () -> memory.sessions,
        () -> { throw new AssertionError("the cart return asked for the connection store"); },
        () -> Fixtures.tokens(memory.clock), new RandomIds(), memory.clock);
    var handler = new CartReturnHandler(wiring);

    var event = new APIGatewayV2HTTPEvent();
    event.setRouteKey("GET /punchout/sessions/{sessionId}");
    event.setRawPath("/punchout/sessions/unknown");
    event.setPathParameters(Map.of("sessionId", "unknown"));
    event.setHeaders(Map.of("authorization", "Bearer not-a-token"));
    event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(event.getRawPath()).build())
        .build());
    assertEquals(401, handler.handleRequest(event, null).getStatusCode());
  }
}
