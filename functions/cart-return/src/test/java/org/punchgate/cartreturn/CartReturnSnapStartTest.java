package org.punchgate.cartreturn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.config.Config;
import org.punchgate.wiring.Wiring;
import org.punchgate.lambda.Priming;

class CartReturnSnapStartTest {

  private static final Config CONFIG = Config.from(Map.of("SESSIONS_TABLE", "sessions", "MAPPINGS_TABLE",
      "mappings", "PUNCHOUT_TOKEN_SECRET", "snapstart-test-secret-snapstart-test-secret"));

  @Test
  void primingSendsTheSampleCartThroughTheRealHandler() {
    Priming priming = Priming.inMemory(CONFIG);
    var response = priming.cartReturn(new CartReturnHandler(priming.wiring()));
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertTrue(response.getBody().contains("NEW_ITEM-DESCRIPTION[20]"), "all 20 sample lines rendered");
  }

  @Test
  void beforeCheckpointPrimesBothCartFormatsWithoutWritingToTheFunctionsOwnStores() throws Exception {
    Wiring wiring = Priming.inMemory(CONFIG).wiring();
    var handler = new CartReturnHandler(wiring, true);
    handler.snapStartHooks().beforeCheckpoint(null);
    assertEquals(0, ((org.punchgate.session.InMemorySessionStore) wiring.sessions()).size());
  }

  @Test
  void afterRestoreRenewsTheIdGenerator() throws Exception {
    Wiring wiring = Priming.inMemory(CONFIG).wiring();
    var handler = new CartReturnHandler(wiring, true);
    var captured = wiring.ids().random();
    handler.snapStartHooks().afterRestore(null);
    assertNotSame(captured, wiring.ids().random());
  }
}
