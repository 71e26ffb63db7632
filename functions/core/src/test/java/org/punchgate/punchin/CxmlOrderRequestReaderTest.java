package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.punchin.PunchInFixtures.resource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Classification;
import org.punchgate.cxml.CxmlConformance;
import org.punchgate.punchin.PunchInOrder.Identifier;

class CxmlOrderRequestReaderTest {

  private static final String ORDER = new String(resource("cxml-orderrequest-iso-8859-1.xml"), StandardCharsets.ISO_8859_1);

  @Test
  void readsAnIso88591OrderRequestWithItsEnvelope() {
    CxmlOrderRequestReader.CxmlOrderReading read = read(resource("cxml-orderrequest-iso-8859-1.xml"));
    assertEquals(List.of(), read.reading().findings());
    assertEquals("demo-cxml-secret", read.envelope().header().sender().get(0).sharedSecret());
    PunchInOrder order = read.reading().order();
    assertEquals(OrderFormat.CXML, order.format());
    assertEquals("PO-C-1001", order.id());
    assertEquals("1764000000000.abc@buyer.example", order.payloadId());
    assertEquals(LocalDate.of(2026, 11, 23), order.issueDate());
    assertEquals("new", order.orderType());
    assertEquals("EUR", order.currency());
    assertEquals(new BigDecimal("64.80"), order.totals().payable());
    assertEquals(List.of(new Identifier("AN-DEMO-BUYER", "NetworkID")), order.buyer().identifiers());
    assertEquals("Müller & Söhne GmbH", order.buyer().name());
    assertEquals(List.of(new Identifier("123456789", "DUNS")), order.seller().identifiers());
    assertEquals("Lager Köln", order.delivery().name());
    assertEquals(new Identifier("WH-3", null), order.delivery().locationId());

    PunchInOrder.Line pen = order.lines().get(0);
    assertEquals("PEN-BLUE", pen.sellersItemId());
    assertEquals("cart-7f3a9c|1", pen.supplierAuxiliaryId());
    assertEquals("B-100", pen.buyersItemId());
    assertEquals("Kugelschreiber blau, Größe M", pen.description());
    assertEquals(new BigDecimal("2.49"), pen.priceAmount());
    assertEquals("EA", pen.unitCode());
    assertEquals(List.of(new Classification("UNSPSC", "44121704")), pen.classifications());
    assertEquals("Kopierpapier A4 – 5 × 500 Blatt", order.lines().get(1).description());
    assertEquals(new BigDecimal("1"), order.lines().get(1).baseQuantity());
  }

  @Test
  void theFixtureIsValidAgainstItsDtd() {
    assertEquals(List.of(), CxmlConformance.dtdErrors(resource("cxml-orderrequest-iso-8859-1.xml")));
  }

  @Test
  void readsTheSameOrderInUtf16() {
    String utf16 = ORDER.replace("encoding=\"ISO-8859-1\"", "encoding=\"UTF-16\"");
    assertEquals(read(resource("cxml-orderrequest-iso-8859-1.xml")).reading().order(),
        read(utf16.getBytes(StandardCharsets.UTF_16)).reading().order());
  }

  @Test
  void duplicateLineNumbersMixedCurrencyAndBadQuantitiesAreFindings() {
    String broken = ORDER.replace("lineNumber=\"2\"", "lineNumber=\"1\"")
        .replace("<Money currency=\"EUR\">19.95", "<Money currency=\"USD\">19.95")
        .replace("quantity=\"10\"", "quantity=\"-1\"");
    List<String> rules = read(broken.getBytes(StandardCharsets.ISO_8859_1)).reading().findings().stream()
        .map(f -> f.ruleId() + " " + f.lineId()).toList();
    assertEquals(List.of("PEPPOL-T01-R004 1", "PEPPOL-T01-R001 1", "PEPPOL-T01-R003 1"), rules);
  }

  @Test
  void anEnvelopeWithoutHeaderIsAFinding() {
    String headless = ORDER.replaceAll("(?s)<Header>.*</Header>", "");
    OrderReading reading = read(headless.getBytes(StandardCharsets.ISO_8859_1)).reading();
    assertTrue(reading.refused());
    assertEquals(OrderRules.CXML_ENVELOPE, reading.findings().get(0).ruleId());
    assertEquals("PO-C-1001", reading.order().id());
  }

  private static CxmlOrderRequestReader.CxmlOrderReading read(byte[] document) {
    var sniffed = assertInstanceOf(OrderSniffer.Sniffed.Cxml.class, OrderSniffer.sniff(document));
    return CxmlOrderRequestReader.read(sniffed.document());
  }
}
