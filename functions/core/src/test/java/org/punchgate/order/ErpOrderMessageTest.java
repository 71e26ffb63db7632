package org.punchgate.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.order.ErpOrderMessage.Reading;
import org.punchgate.order.OrderQueue.SendOutcome;

class ErpOrderMessageTest {

  @Test
  void everyFixtureReadsBackAsTheSameOrder() {
    OrderFixtures.all().forEach((name, order) -> {
      Reading reading = ErpOrderMessage.read(ErpOrderMessage.write(order));
      assertEquals(new Reading.Readable(order), reading, name);
    });
  }

  @Test
  void writesDecimalsAsPlainStringsWithTheCurrencyScale() {
    String body = text(OrderFixtures.demoHierarchyPing());
    // 250 screws at 5.40 per 100 = 13.50; the kit's batteries are priced inside the kit
    assertTrue(body.contains("\"quantity\":\"250\",\"unit\":\"EA\",\"unitPrice\":\"5.40\",\"priceUnit\":\"100\","
        + "\"lineAmount\":\"13.50\""), body);
    assertTrue(body.contains("\"totals\":{\"lineTotal\":\"331.50\",\"chargeTotal\":\"9.90\",\"allowanceTotal\":\"0.00\","
        + "\"taxTotal\":\"0.00\",\"total\":\"341.40\"}"), body);
    assertTrue(text(OrderFixtures.yenOrder()).contains("\"lineAmount\":\"5499\""));
  }

  @Test
  void leavesUnknownOptionalPartsOutInsteadOfWritingNull() {
    String body = text(OrderFixtures.minimalPing());
    assertTrue(!body.contains("null") && !body.contains("buyerContact") && !body.contains("delivery"), body);
    assertTrue(body.contains("\"findings\":[]"), body);
  }

  @Test
  void keepsNonAsciiTextAsUtf8() {
    String body = text(OrderFixtures.minimalPing());
    assertTrue(body.contains("Überbrillen-Schutzbrille, klar, kratzfest – für Brillenträger"), body);
  }

  @Test
  void replacesWhatSqsRefusesAndKeepsCharactersOutsideTheBmp() {
    Order ping = OrderFixtures.minimalPing();
    var odd = ping.lines().getFirst();
    var line = OrderLine.priced(odd.lineId(), null, odd.sku(), null, "a\uD800b\uFFFFc\uDE00\uD83D\uDE00 \u0001",
        odd.quantity(), odd.unit(), odd.unitPrice(), null, null, null, "EUR");
    Order order = new Order(ping.orderId(), ping.status(), ping.source(), ping.externalOrderNumber(), null, null,
        ping.connectionId(), ping.customer(), null, "EUR", List.of(line), ping.totals(), null, ping.punchout(), null,
        ping.createdAt());

    byte[] body = ErpOrderMessage.write(order);

    var read = assertInstanceOf(Reading.Readable.class, ErpOrderMessage.read(body)).order();
    assertEquals("a\uFFFDb\uFFFDc\uFFFD\uD83D\uDE00 \u0001", read.lines().getFirst().description());
    assertTrue(new String(body, StandardCharsets.UTF_8).contains("\\u0001"), "control characters are escaped");
    String sku = "SCR-4X40-TX";
    assertSame(sku, ErpOrderMessage.sqsSafe(sku));
  }

  @Test
  void refusesAnotherSchemaVersionAndNamesTheOrder() {
    String body = text(OrderFixtures.minimalPing()).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
    var reading = assertInstanceOf(Reading.Unreadable.class, ErpOrderMessage.read(bytes(body)));
    assertEquals(OrderFixtures.minimalPing().orderId().value(), reading.orderId());
    assertEquals("schemaVersion", reading.problems().getFirst().location());
  }

  @Test
  void refusesAnOrderIdThatIsNoSafeFileName() {
    String id = OrderFixtures.minimalPing().orderId().value();
    String body = text(OrderFixtures.minimalPing()).replace(id, "../../x");
    var reading = assertInstanceOf(Reading.Unreadable.class, ErpOrderMessage.read(bytes(body)));
    assertNull(reading.orderId());
    assertEquals("orderId", reading.problems().getFirst().location());
  }

  @Test
  void refusesTotalsThatDoNotAddUp() {
    String body = text(OrderFixtures.minimalPing()).replace("\"total\":\"37.20\"", "\"total\":\"37.21\"");
    var reading = assertInstanceOf(Reading.Unreadable.class, ErpOrderMessage.read(bytes(body)));
    assertTrue(reading.problems().getFirst().message().contains("total 37.21"), reading.problems().toString());
  }

  @Test
  void refusesWhatIsNotJsonAndSaysWhereEachFieldIsWrong() {
    assertInstanceOf(Reading.Unreadable.class, ErpOrderMessage.read(bytes("not json")));
    String body = text(OrderFixtures.minimalPing()).replace("\"unit\":\"PCE\",", "").replace("\"quantity\":\"3\"",
        "\"quantity\":\"three\"");
    var reading = assertInstanceOf(Reading.Unreadable.class, ErpOrderMessage.read(bytes(body)));
    assertEquals("[lines[0].quantity: a decimal in plain notation, lines[0].unit: required]",
        reading.problems().toString());
  }

  @Test
  void anOrderOverTheQueueLimitIsRefusedClearlyAndNothingIsSent() {
    // about 280 bytes per fully described line: 1,000 lines (the PunchIn import's large order) fit in 1 MiB,
    // 4,000 do not
    assertInstanceOf(SendOutcome.Sent.class, new InMemoryOrderQueue().send(OrderFixtures.largeOrder(1000)));

    Order huge = OrderFixtures.largeOrder(4000);
    var queue = new InMemoryOrderQueue();
    var outcome = assertInstanceOf(SendOutcome.TooLarge.class, queue.send(huge));
    assertEquals(ErpOrderMessage.MAX_BYTES, outcome.maxBytes());
    assertTrue(outcome.message().startsWith("the ERP message of order " + huge.orderId() + " is "), outcome.message());
    assertTrue(queue.messages().isEmpty());
  }

  private static String text(Order order) {
    return new String(ErpOrderMessage.write(order), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
