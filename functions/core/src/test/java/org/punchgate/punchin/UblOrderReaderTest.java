package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.punchin.PunchInFixtures.readUbl;
import static org.punchgate.punchin.PunchInFixtures.resource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Classification;
import org.punchgate.punchin.PunchInOrder.Identifier;

class UblOrderReaderTest {

  private static final String BIS3 = new String(resource("bis3-order.xml"), StandardCharsets.UTF_8);

  @Test
  void readsEveryFieldOfABis3Order() {
    OrderReading reading = readUbl(resource("bis3-order.xml"));
    assertEquals(List.of(), reading.findings());
    PunchInOrder order = reading.order();
    assertEquals(OrderFormat.PEPPOL_BIS3, order.format());
    assertEquals("PO-2026-0042", order.id());
    assertEquals(LocalDate.of(2026, 11, 23), order.issueDate());
    assertEquals(LocalTime.of(9, 15), order.issueTime());
    assertEquals("EUR", order.currency());
    assertEquals("220", order.orderType());
    assertEquals("KST-4711", order.customerReference());
    assertEquals("Bitte an die Warenannahme – Tor 3", order.note());
    assertEquals(new Identifier("7300010000001", "0088"), order.buyer().endpoint());
    assertEquals(List.of(new Identifier("7300010000001", "0088")), order.buyer().identifiers());
    assertEquals("Müller & Söhne Bürobedarf", order.buyer().name());
    assertEquals("Demo Shop AG", order.seller().name());
    assertEquals("cart-7f3a9c", order.references().catalogueId());
    assertEquals("Q-77", order.references().quotationId());
    assertEquals(new Identifier("7300010000032", "0088"), order.delivery().locationId());
    assertEquals("Köln", order.delivery().address().city());
    assertEquals(LocalDate.of(2026, 12, 2), order.delivery().requestedEnd());
    assertEquals(new BigDecimal("62.35"), order.totals().payable());

    PunchInOrder.Line pen = order.lines().get(0);
    assertEquals("1", pen.id());
    assertEquals(new BigDecimal("10"), pen.quantity());
    assertEquals("EA", pen.unitCode());
    assertEquals(new BigDecimal("2.49"), pen.priceAmount());
    assertEquals("PEN-BLUE", pen.sellersItemId());
    assertEquals("B-100", pen.buyersItemId());
    assertEquals(new Identifier("4006381333931", "0160"), pen.standardItemId());
    assertEquals(List.of(new Classification("MP", "44121704")), pen.classifications());
    assertEquals("S", pen.taxCategory());
    assertEquals(new BigDecimal("19"), pen.taxPercent());

    PunchInOrder.Line paper = order.lines().get(1);
    assertEquals(new BigDecimal("10"), paper.baseQuantity());
    assertEquals("Kopierpapier A4 – 500 Blatt", paper.name());
  }

  @Test
  void readsABis28aOrderWithTextualSchemes() {
    OrderReading reading = readUbl(resource("bis28a-order.xml"));
    assertEquals(List.of(), reading.findings());
    PunchInOrder order = reading.order();
    assertEquals(OrderFormat.BIS28A, order.format());
    assertNull(order.buyer().endpoint());
    assertEquals(List.of(new Identifier("5541277711", "SE:ORGNR")), order.buyer().identifiers());
    assertEquals("Göteborgs Sjukhus", order.buyer().name());
    assertEquals(new Identifier("7350000000017", "GTIN"), order.lines().get(0).standardItemId());
    assertEquals("Handskar nitril, låda", order.lines().get(0).name());
  }

  @Test
  void readsTheSameOrderInUtf16AndWithAByteOrderMark() {
    PunchInOrder utf8 = readUbl(resource("bis3-order.xml")).order();
    String utf16Text = BIS3.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    assertEquals(utf8, readUbl(utf16Text.getBytes(StandardCharsets.UTF_16)).order());
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = resource("bis3-order.xml");
    byte[] withBom = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, withBom, 0, 3);
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals(utf8, readUbl(withBom).order());
  }

  @Test
  void readsIso88591Orders() {
    String latin = BIS3.replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"").replace("–", "-");
    PunchInOrder order = readUbl(latin.getBytes(StandardCharsets.ISO_8859_1)).order();
    assertEquals("Müller & Söhne Bürobedarf", order.buyer().name());
    assertEquals("Köln", order.delivery().address().city());
  }

  @Test
  void mixedCurrencyBreaksPeppolR003() {
    OrderReading reading = readUbl(utf8(BIS3.replace("<cbc:PriceAmount currencyID=\"EUR\">2.49",
        "<cbc:PriceAmount currencyID=\"SEK\">2.49")));
    assertOnly(reading, OrderRules.SINGLE_CURRENCY, null);
  }

  @Test
  void duplicateLineIdsBreakPeppolR001OnTheSecondLine() {
    OrderReading reading = readUbl(utf8(BIS3.replace("<cbc:ID>2</cbc:ID>", "<cbc:ID>1</cbc:ID>")));
    OrderFinding f = assertOnly(reading, OrderRules.UNIQUE_LINE_ID, "1");
    assertTrue(f.location().contains("OrderLine[2]"), f.location());
    assertTrue(f.sourceLine() > 0);
  }

  @Test
  void negativeQuantityAndPriceBreakR004AndR005() {
    String negative = BIS3.replace("<cbc:Quantity unitCode=\"EA\">10<", "<cbc:Quantity unitCode=\"EA\">-10<")
        .replace("<cbc:LineExtensionAmount currencyID=\"EUR\">24.90<", "<cbc:LineExtensionAmount currencyID=\"EUR\">-24.90<")
        .replace("62.35", "12.55");
    assertOnly(readUbl(utf8(negative)), OrderRules.QUANTITY_NOT_NEGATIVE, "1");
    String cheap = BIS3.replace(">2.49<", ">-2.49<")
        .replace("<cbc:LineExtensionAmount currencyID=\"EUR\">24.90<", "<cbc:LineExtensionAmount currencyID=\"EUR\">-24.90<")
        .replace("62.35", "12.55");
    assertOnly(readUbl(utf8(cheap)), OrderRules.PRICE_NOT_NEGATIVE, "1");
  }

  @Test
  void totalsArithmeticIsCheckedAsPeppolDoes() {
    OrderReading wrongTotal = readUbl(utf8(BIS3.replace(
        "<cbc:LineExtensionAmount currencyID=\"EUR\">62.35<", "<cbc:LineExtensionAmount currencyID=\"EUR\">62.36<")));
    assertOnly(wrongTotal, OrderRules.LINE_TOTAL_SUM, null);
    // 5 packs at 74.90 per 10 packs is 37.45: 37.47 is within PEPPOL's 0.02 slack, 37.48 is not
    assertEquals(List.of(), readUbl(utf8(BIS3.replace(">37.45<", ">37.47<").replace("62.35", "62.37"))).findings());
    assertOnly(readUbl(utf8(BIS3.replace(">37.45<", ">37.48<").replace("62.35", "62.38"))), OrderRules.LINE_AMOUNT, "2");
  }

  @Test
  void missingMandatoryElementsAndBadNumbersAreFindingsNotExceptions() {
    String broken = BIS3.replace("<cbc:ID>PO-2026-0042</cbc:ID>", "")
        .replace("<cbc:Name>Kugelschreiber blau</cbc:Name>", "")
        .replace(">2.49<", ">2,49<")
        .replace("<cbc:IssueDate>2026-11-23</cbc:IssueDate>", "<cbc:IssueDate>23.11.2026</cbc:IssueDate>");
    OrderReading reading = readUbl(utf8(broken));
    assertTrue(reading.refused());
    List<String> rules = reading.findings().stream().map(f -> f.ruleId() + " " + f.location()).toList();
    assertTrue(rules.contains("PUNCHIN-MANDATORY /Order/cbc:ID"), rules::toString);
    assertTrue(rules.contains("PUNCHIN-MANDATORY /Order/cac:OrderLine[1]/cac:LineItem/cac:Item/cbc:Name"), rules::toString);
    assertTrue(rules.contains("PUNCHIN-FORMAT /Order/cac:OrderLine[1]/cac:LineItem/cac:Price/cbc:PriceAmount"), rules::toString);
    assertTrue(rules.contains("PUNCHIN-FORMAT /Order/cbc:IssueDate"), rules::toString);
    assertNull(reading.order().id());
  }

  @Test
  void readsAThousandLineOrder() {
    OrderReading reading = readUbl(PunchInFixtures.bis3Order(1_000));
    assertEquals(List.of(), reading.findings());
    assertEquals(1_000, reading.order().lines().size());
    assertEquals("SKU-01000", reading.order().lines().get(999).sellersItemId());
  }

  @Test
  void inputThatTurnsOutMalformedAfterTheHeaderIsOneXmlFindingNotAnException() {
    String truncated = BIS3.substring(0, BIS3.indexOf("<cac:OrderLine>") + 200);
    String undeclaredEntity = BIS3.replace("Tor 3", "Tor &three;");
    String deep = BIS3.replace("<cbc:Note>", "<cbc:Note>" + "<x>".repeat(100) + "</x>".repeat(100));
    for (String broken : List.of(truncated, undeclaredEntity, deep)) {
      byte[] document = utf8(broken);
      var sniffed = org.junit.jupiter.api.Assertions.assertInstanceOf(OrderSniffer.Sniffed.class, OrderSniffer.sniff(document));
      OrderReading reading = sniffed instanceof OrderSniffer.Sniffed.Ubl ubl
          ? UblOrderReader.read(ubl.format(), ubl.document())
          : new OrderReading(readUbl(resource("bis3-order.xml")).order(),
              List.of(((OrderSniffer.Sniffed.Refused) sniffed).reason()));
      assertTrue(reading.refused());
      assertEquals(OrderRules.MALFORMED, reading.findings().get(0).ruleId(), reading.findings()::toString);
    }
  }

  @Test
  void aCurrencyStatedBeforeTheDocumentCurrencyIsStillCheckedAgainstIt() {
    String early = BIS3.replace("<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>", "")
        .replace("</cac:AnticipatedMonetaryTotal>", "</cac:AnticipatedMonetaryTotal><cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>");
    OrderReading reading = readUbl(utf8(early));
    assertTrue(reading.findings().stream().allMatch(f -> f.ruleId().equals(OrderRules.SINGLE_CURRENCY)),
        reading.findings()::toString);
    assertTrue(reading.findings().stream().anyMatch(f -> f.location().startsWith("/Order/cac:OrderLine/cac:LineItem/")),
        reading.findings()::toString);
  }

  private static OrderFinding assertOnly(OrderReading reading, String rule, String lineId) {
    assertEquals(1, reading.findings().size(), reading.findings()::toString);
    OrderFinding f = reading.findings().get(0);
    assertEquals(rule, f.ruleId(), f::toString);
    assertEquals(lineId, f.lineId(), f::toString);
    assertTrue(f.isFatal());
    assertFalse(f.message().isBlank());
    return f;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
