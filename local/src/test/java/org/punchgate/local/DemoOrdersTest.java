package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.punchin.OrderDecision;
import org.punchgate.punchin.OrderFormat;
import org.punchgate.punchin.OrderReading;
import org.punchgate.punchin.OrderSniffer;
import org.punchgate.punchin.PunchInOrder;
import org.punchgate.punchin.UblOrderReader;
import org.punchgate.punchin.UblOrderResponseWriter;

/**
 * The PunchIn mode's demo orders and the changes a person makes to them: each demo order reads without a finding in
 * its own format, a changed price or quantity carries the line amount and the totals along (so the document stays
 * valid and only the price is in question), and the answers read back with their codes.
 */
class DemoOrdersTest {

  private final List<DemoOrders.Template> templates = DemoOrders.load();

  private DemoOrders.Template template(OrderFormat format) {
    return templates.stream().filter(t -> t.format() == format).findFirst().orElseThrow();
  }

  private static OrderReading reread(byte[] document) {
    return switch (OrderSniffer.sniff(document)) {
      case OrderSniffer.Sniffed.Ubl ubl -> UblOrderReader.read(ubl.format(), ubl.document());
      case OrderSniffer.Sniffed.Cxml cxml -> org.punchgate.punchin.CxmlOrderRequestReader.read(cxml.document()).reading();
      case OrderSniffer.Sniffed.Refused refused -> throw new AssertionError(refused.reason().message());
    };
  }

  private static PunchInOrder.Line line(PunchInOrder order, String id) {
    return order.lines().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theDemoOrdersAreOneOfEachFormatAndReadWithoutFindings() {
    assertEquals(List.of(OrderFormat.PEPPOL_BIS3, OrderFormat.BIS28A, OrderFormat.CXML),
        templates.stream().map(DemoOrders.Template::format).toList());
    for (DemoOrders.Template t : templates) {
      assertEquals(List.of(), reread(t.bytes()).findings(), t.file());
      assertFalse(t.order().lines().isEmpty(), t.file());
    }
  }

  @Test
  void aChangedPriceAndQuantityCarryTheLineAmountAndTotalsAlongInBis3() {
    var t = template(OrderFormat.PEPPOL_BIS3);
    byte[] changed = DemoOrders.apply(t, new DemoOrders.Changes("KN-PO-7", Map.of("2", new BigDecimal("600")),
        Map.of("2", new BigDecimal("6.40")), null, null, null, null));

    OrderReading reading = reread(changed);
    assertEquals(List.of(), reading.findings(), "totals rules PEPPOL-T01-R008..R024 still hold");
    PunchInOrder order = reading.order();
    assertEquals("KN-PO-7", order.id());
    assertEquals(0, new BigDecimal("600").compareTo(line(order, "2").quantity()));
    assertEquals(0, new BigDecimal("6.40").compareTo(line(order, "2").priceAmount()));
    assertEquals(new BigDecimal("38.40"), line(order, "2").lineAmount(), "600 x 6.40 per 100");
    assertEquals(new BigDecimal("428.40"), order.totals().payable(), "417.00 - 27.00 + 38.40");
    String text = new String(changed, StandardCharsets.UTF_8);
    assertTrue(text.contains("Station 4 – Haustechnik"), "the rest as written, non-ASCII included");
    assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Punchgate demo order"),
        "the declaration and the comment kept, on lines of their own: " + text.substring(0, 80));
  }

  @Test
  void anotherBuyerReplacesEndpointAndPartyIdentificationInBis28a() {
    var t = template(OrderFormat.BIS28A);
    byte[] changed = DemoOrders.apply(t, new DemoOrders.Changes(null, Map.of(), Map.of(),
        new DemoOrders.Credential("0088", "7300010099999"), null, null, null));
    PunchInOrder order = reread(changed).order();
    assertEquals(t.order().id(), order.id(), "the order number stays");
    assertEquals(List.of(new PunchInOrder.Identifier("7300010099999", "0088")), order.buyer().identifiers());
  }

  @Test
  void aCxmlOrderGetsItsSenderFromPayloadIdAndChangedLine() {
    var t = template(OrderFormat.CXML);
    byte[] changed = DemoOrders.apply(t, new DemoOrders.Changes("GLOBEX-1", Map.of("1", new BigDecimal("3")),
        Map.of("2", new BigDecimal("15.00")), new DemoOrders.Credential("DUNS", "987654321"),
        new DemoOrders.Credential("DUNS", "987654321"), "demo-cxml-coupa-secret", "p-1@sim"));
    String text = new String(changed, StandardCharsets.UTF_8);
    assertTrue(text.contains("?>\n<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd\">\n"),
        "the DOCTYPE as written: " + text.substring(0, 200));
    assertTrue(text.contains("payloadID=\"p-1@sim\""), text);
    assertTrue(text.contains("<SharedSecret>demo-cxml-coupa-secret</SharedSecret>"), text);
    assertFalse(text.contains("AN-DEMO-BUYER"), "From and Sender both replaced");
    OrderReading reading = reread(changed);
    assertEquals(List.of(), reading.findings());
    PunchInOrder order = reading.order();
    assertEquals("GLOBEX-1", order.id());
    assertEquals(0, new BigDecimal("3").compareTo(line(order, "1").quantity()));
    assertEquals(0, new BigDecimal("15.00").compareTo(line(order, "2").priceAmount()));
    assertEquals(0, new BigDecimal("189.00").compareTo(order.totals().payable()), "3 x 58.00 + 15.00");
  }

  @Test
  void aBis3AnswerWithChangesReadsWithItsHeaderAndLineCodes() {
    PunchInOrder order = template(OrderFormat.PEPPOL_BIS3).order();
    var decision = new OrderDecision("R-1", LocalDateTime.of(2026, 12, 1, 9, 0),
        OrderDecision.Outcome.ACCEPTED_WITH_CHANGES, "1 of 3 lines changed or not accepted", List.of(
            OrderDecision.LineDecision.accepted("1"),
            OrderDecision.LineDecision.changed("2", null, new BigDecimal("5.40"), "line 2: unit price 6.40 ..."),
            OrderDecision.LineDecision.accepted("3")));
    PunchInAnswer answer = PunchInAnswer.read(UblOrderResponseWriter.write(order, decision)
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(PunchInAnswer.Kind.UBL_ORDER_RESPONSE, answer.kind());
    assertEquals("CA", answer.code());
    assertEquals("accepted with changes", answer.meaning());
    assertEquals(List.of("5", "3", "5"), answer.lines().stream().map(PunchInAnswer.Line::code).toList());
    assertEquals("5.40 per 100", answer.lines().get(1).price());
  }

  @Test
  void aBis28aRefusalReadsWithUncl1225() {
    PunchInOrder order = template(OrderFormat.BIS28A).order();
    var decision = new OrderDecision("R-2", LocalDateTime.of(2026, 12, 1, 9, 0), OrderDecision.Outcome.REJECTED,
        "no customer", List.of());
    PunchInAnswer answer = PunchInAnswer.read(UblOrderResponseWriter.write(order, decision)
        .getBytes(StandardCharsets.UTF_8));
    assertEquals("27", answer.code());
    assertEquals("UNCL1225", answer.codeList());
    assertEquals(List.of("no customer"), answer.notes());
    assertTrue(answer.lines().stream().allMatch(l -> l.code().equals("27")), "every line shares the refusal");
  }

  @Test
  void aCxmlStatusAndSomethingElseRead() {
    PunchInAnswer status = PunchInAnswer.read(("<cXML payloadID=\"x\" timestamp=\"t\"><Response><Status code=\"400\" "
        + "text=\"Bad Request\">line 2: no product</Status></Response></cXML>").getBytes(StandardCharsets.UTF_8));
    assertEquals(PunchInAnswer.Kind.CXML_RESPONSE, status.kind());
    assertEquals("400", status.code());
    assertEquals(List.of("Bad Request", "line 2: no product"), status.notes());
    assertEquals(PunchInAnswer.Kind.UNREADABLE, PunchInAnswer.read("{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8)).kind());
  }
}
