package org.punchgate.punchin;

import org.punchgate.connection.PunchInPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.punchgate.order.Order;

/** The import service on in-memory stores: an accepted order is handed off once, replays get the same answer. */
class PunchInImportTest {

  private static final String CONNECTION = PunchInChecksTest.CONNECTION;
  private static final String BIS3 = PunchInChecksTest.BIS3;

  private final List<Order> handedOff = new ArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final PunchInImport punchIn = new PunchInImport(PunchInChecksTest.shopOfTheTestOrder(), new InMemoryPunchInReplays(),
      order -> { handedOff.add(order); return new PunchInImport.HandedOff.Stored(order.orderId()); }, PunchInImport.Carts.NONE,
      Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), () -> "RESP-" + ids.incrementAndGet());

  private PunchInImport.Answer post(String document) {
    var sniffed = (OrderSniffer.Sniffed.Ubl) OrderSniffer.sniff(document.getBytes(StandardCharsets.UTF_8));
    return punchIn.importUbl(CONNECTION, PunchInPolicy.DEFAULTS, sniffed);
  }

  @Test
  void anAcceptedOrderIsHandedOffOnceAndTheSameDocumentAgainGetsTheSameAnswer() {
    PunchInImport.Answer first = post(BIS3);
    String xml = new String(first.body(), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<cbc:OrderResponseCode>AP</cbc:OrderResponseCode>"), xml);
    assertEquals(1, handedOff.size());
    assertEquals(handedOff.get(0).orderId().value(), first.orderId());

    PunchInImport.Answer again = post(BIS3);
    assertArrayEquals(first.body(), again.body(), "the original answer, byte for byte");
    assertEquals(1, handedOff.size(), "nothing created");
  }

  @Test
  void anotherDocumentReusingTheBuyersOrderNumberIsRejectedAsADuplicate() {
    post(BIS3);
    String other = BIS3.replace("unitCode=\"EA\">10<", "unitCode=\"EA\">20<").replace(">24.90<", ">49.80<")
        .replace("62.35", "87.25");
    String xml = new String(post(other).body(), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<cbc:OrderResponseCode>RE</cbc:OrderResponseCode>"), xml);
    assertTrue(xml.contains("duplicate order number"), xml);
    assertEquals(1, handedOff.size());
  }

  @Test
  void aRefusedReadingIsAnRePostAndCreatesNothing() {
    PunchInImport.Answer answer = post(BIS3.replace(">2.49<", ">-2.49<").replace(">24.90<", ">-24.90<")
        .replace("62.35", "12.55"));
    String xml = new String(answer.body(), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<cbc:OrderResponseCode>RE</cbc:OrderResponseCode>"), xml);
    assertTrue(xml.contains("PEPPOL-T01-R005"), xml);
    assertEquals(200, answer.status());
    assertNull(answer.orderId());
    assertTrue(handedOff.isEmpty());
  }
}
