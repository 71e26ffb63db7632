package org.punchgate.punchinimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.punchgate.lambda.Priming;
import org.punchgate.testing.InMemoryWiring;

/** The SnapStart priming runs the real accept and replay paths, on in-memory parts only. */
class ImportPrimingTest {

  @Test
  void theSampleOrderIsAcceptedThenReplayed() {
    Priming priming = Priming.inMemory(new InMemoryWiring().wiring.config());
    PunchInImportFunction handler = ImportPriming.handler(priming.wiring());
    String order = ImportPriming.order(LocalDate.now());
    var first = handler.handleRequest(ImportPriming.event(order), null);
    assertEquals(200, first.getStatusCode(), first.getBody());
    assertTrue(first.getBody().contains("<cbc:OrderResponseCode>AP</cbc:OrderResponseCode>"), first.getBody());
    assertEquals(first.getBody(), handler.handleRequest(ImportPriming.event(order), null).getBody());
  }
}
