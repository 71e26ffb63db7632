package org.punchgate.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.config.Config;
import org.punchgate.wiring.Wiring;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.lambda.Priming;

class PunchoutLoginSnapStartTest {

  private static final Config CONFIG = Config.from(Map.of("SESSIONS_TABLE", "sessions", "MAPPINGS_TABLE",
      "mappings", "PUNCHOUT_TOKEN_SECRET", "snapstart-test-secret-snapstart-test-secret"));

  @Test
  void primingLogsTheSampleBuyerInThroughTheRealHandler() {
    Priming priming = Priming.inMemory(CONFIG);
    var response = priming.ociLogin(new PunchoutLoginHandler(priming.wiring()));
    assertEquals(302, response.getStatusCode(), response.getBody());
    assertEquals(1, ((InMemorySessionStore) priming.wiring().sessions()).size());
  }

  @Test
  void primingSetsUpTheSampleCxmlPunchoutThroughTheRealHandler() {
    Priming priming = Priming.inMemory(CONFIG);
    var response = priming.cxmlSetup(new PunchoutLoginHandler(priming.wiring()));
    assertEquals(200, response.getStatusCode(), response.getBody());
    assertTrue(response.getBody().contains("<Status code=\"200\""), response.getBody());
  }

  @Test
  void primingLogsTheSampleBuyerInThroughBothPeppolRoutes() {
    Priming priming = Priming.inMemory(CONFIG);
    var handler = new PunchoutLoginHandler(priming.wiring());
    var posted = priming.peppolLogin(handler);
    assertEquals(302, posted.getStatusCode(), posted.getBody());
    var link = priming.linkLogin(handler);
    assertEquals(302, link.getStatusCode(), link.getBody());
    assertEquals(2, ((InMemorySessionStore) priming.wiring().sessions()).size());
  }

  @Test
  void beforeCheckpointPrimesWithoutWritingToTheFunctionsOwnStores() throws Exception {
    Wiring wiring = Priming.inMemory(CONFIG).wiring();
    var handler = new PunchoutLoginHandler(wiring, true);
    handler.snapStartHooks().beforeCheckpoint(null);
    assertEquals(0, ((InMemorySessionStore) wiring.sessions()).size());
    assertEquals(0, wiring.links().byConnection(Priming.PEPPOL_CONNECTION_ID).size());
  }

  @Test
  void afterRestoreRenewsTheIdGeneratorTheLoginUses() throws Exception {
    Wiring wiring = Priming.inMemory(CONFIG).wiring();
    var handler = new PunchoutLoginHandler(wiring, true);
    var captured = wiring.ids().random();
    handler.snapStartHooks().afterRestore(null);
    assertNotSame(captured, wiring.ids().random());
  }
}
