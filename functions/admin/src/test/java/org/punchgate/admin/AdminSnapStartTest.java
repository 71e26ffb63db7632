package org.punchgate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.lambda.Priming;
import org.punchgate.testing.InMemoryWiring;

/** The admin function's SnapStart hooks: primed with read-only requests, its id generator renewed after a restore. */
class AdminSnapStartTest {

  private final InMemoryWiring memory = new InMemoryWiring();

  @Test
  void primingReadsTheSampleConnectionsThroughTheRealHandler() {
    Priming priming = Priming.inMemory(memory.wiring.config());
    var responses = priming.adminReads(new AdminFunction(priming.wiring()));
    assertEquals(List.of(200, 200, 200), responses.stream().map(r -> r.getStatusCode()).toList(),
        responses.toString());
    assertTrue(responses.get(0).getBody().contains(Priming.PEPPOL_CONNECTION_ID), responses.get(0).getBody());
  }

  @Test
  void beforeCheckpointPrimesWithoutTouchingTheFunctionsOwnStores() throws Exception {
    var function = new AdminFunction(memory.wiring, true);
    function.snapStartHooks().beforeCheckpoint(null);
    assertEquals(0, memory.connections.list().size());
    assertEquals(0, memory.sessions.size());
    assertEquals(0, memory.wiring.links().byConnection(Priming.PEPPOL_CONNECTION_ID).size());
  }

  @Test
  void afterRestoreRenewsTheGeneratorOfSecretsAndIds() throws Exception {
    var function = new AdminFunction(memory.wiring, true);
    var captured = memory.wiring.ids().random();
    function.snapStartHooks().afterRestore(null);
    assertNotSame(captured, memory.wiring.ids().random());
  }
}
