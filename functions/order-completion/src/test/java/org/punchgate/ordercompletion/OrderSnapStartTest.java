package org.punchgate.ordercompletion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.lambda.Priming;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.testing.InMemoryWiring;
import org.punchgate.wiring.OrderWiring;

/** The SnapStart hooks of both order functions: primed on in-memory parts, the id generator renewed after a restore. */
class OrderSnapStartTest {

  private final InMemoryWiring memory = new InMemoryWiring();
  private final InMemoryOrderQueue queue = new InMemoryOrderQueue();
  private final OrderWiring wiring = OrderWiring.of(memory.wiring, memory.sessions, queue, memory.sessions.outbox(),
      (id, step, error) -> {});

  @Test
  void primingOrdersTheSampleCartThroughTheRealHandler() {
    Priming priming = Priming.inMemory(memory.wiring.config());
    var response = priming.orderPing(new OrderCompletionFunction(Priming.orderWiring(priming.wiring())));
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertTrue(response.getBody().contains("\"orderNumber\":\"PO-PRIMING-1\""), response.getBody());
    assertEquals(1, ((InMemorySessionStore) priming.wiring().sessions()).orders().size());
  }

  @Test
  void beforeCheckpointPrimesTheOrderPingWithoutTouchingTheFunctionsOwnStoresOrQueue() throws Exception {
    var function = new OrderCompletionFunction(wiring, true);
    function.snapStartHooks().beforeCheckpoint(null);
    assertUntouched();
  }

  @Test
  void beforeCheckpointPrimesTheSweepWithoutTouchingTheFunctionsOwnStoresOrQueue() throws Exception {
    var function = new OutboxSweepFunction(wiring, true);
    function.snapStartHooks().beforeCheckpoint(null);
    assertUntouched();
    assertEquals(0, function.handleRequest(Map.of(), null), "the primed sweep left nothing to send");
  }

  @Test
  void afterRestoreRenewsTheIdGeneratorOfBothFunctions() throws Exception {
    var ping = new OrderCompletionFunction(wiring, true);
    var captured = memory.wiring.ids().random();
    ping.snapStartHooks().afterRestore(null);
    assertNotSame(captured, memory.wiring.ids().random());

    var sweep = new OutboxSweepFunction(wiring, true);
    captured = memory.wiring.ids().random();
    sweep.snapStartHooks().afterRestore(null);
    assertNotSame(captured, memory.wiring.ids().random());
  }

  private void assertUntouched() {
    assertEquals(0, memory.sessions.size());
    assertEquals(0, memory.sessions.orders().size());
    assertEquals(0, queue.sends());
  }
}
