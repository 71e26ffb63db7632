package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.punchgate.punchin.PunchInFixtures.readUbl;
import static org.punchgate.punchin.PunchInFixtures.resource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.cxml.CxmlConformance;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.cxml.CxmlWriter;
import org.punchgate.punchin.OrderDecision.LineDecision;
import org.punchgate.punchin.OrderDecision.Outcome;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

class OrderResponseWriterTest {

  private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 23, 10, 0, 5);

  @Test
  void everyBis3ResponsePassesTheT76Schematron() {
    PunchInOrder order = readUbl(resource("bis3-order.xml")).order();
    for (OrderDecision d : List.of(decision(Outcome.RECEIVED, null), decision(Outcome.ACCEPTED, null),
        decision(Outcome.REJECTED, "Unknown customer 0088:7300010000001"), changes())) {
      String xml = UblOrderResponseWriter.write(order, d);
      assertEquals(List.of(), PeppolSchematron.orderResponseErrors(xml.getBytes(StandardCharsets.UTF_8)),
          () -> d.outcome() + "\n" + xml);
    }
  }

  @Test
  void aLargeCaResponsePassesT76WithEveryLine() {
    PunchInOrder order = readUbl(PunchInFixtures.bis3Order(1_000)).order();
    OrderDecision d = new OrderDecision("R-big", AT, Outcome.ACCEPTED_WITH_CHANGES, "one price corrected",
        List.of(LineDecision.changed("500", null, new BigDecimal("12.34"), "customer price")));
    String xml = UblOrderResponseWriter.write(order, d);
    assertEquals(List.of(), PeppolSchematron.orderResponseErrors(xml.getBytes(StandardCharsets.UTF_8)));
    assertEquals(1_000, root(xml).children("cac:OrderLine").size());
  }

  @Test
  void caStatesEveryLineWithItsStatusAndTheChangedValues() {
    PunchInOrder order = readUbl(resource("bis3-order.xml")).order();
    XmlElement response = root(UblOrderResponseWriter.write(order, changes()));
    assertEquals("CA", response.childText("cbc:OrderResponseCode"));
    assertEquals("PO-2026-0042", response.child("cac:OrderReference").childText("cbc:ID"));
    List<XmlElement> lines = response.children("cac:OrderLine");
    assertEquals(2, lines.size());
    assertEquals("5", lines.get(0).child("cac:LineItem").childText("cbc:LineStatusCode"));
    XmlElement changed = lines.get(1).child("cac:LineItem");
    assertEquals("3", changed.childText("cbc:LineStatusCode"));
    assertEquals("4", changed.childText("cbc:Quantity"));
    assertEquals("XPK", changed.child("cbc:Quantity").attribute("unitCode"));
    assertEquals("69.90", changed.child("cac:Price").childText("cbc:PriceAmount"));
    assertEquals("2", lines.get(1).child("cac:OrderLineReference").childText("cbc:LineID"));
  }

  @Test
  void reCarriesTheReasonAndNoLines() {
    PunchInOrder order = readUbl(resource("bis3-order.xml")).order();
    XmlElement response = root(UblOrderResponseWriter.write(order, decision(Outcome.REJECTED, "Unknown customer")));
    assertEquals("RE", response.childText("cbc:OrderResponseCode"));
    assertEquals("Unknown customer", response.childText("cbc:Note"));
    assertEquals(List.of(), response.children("cac:OrderLine"));
  }

  @Test
  void bis28aResponsesUseUncl1225OnHeaderAndLines() {
    PunchInOrder order = readUbl(resource("bis28a-order.xml")).order();
    XmlElement accepted = root(UblOrderResponseWriter.write(order, decision(Outcome.ACCEPTED, null)));
    assertEquals(OrderIdentifiers.BIS28A_ORDER_RESPONSE_CUSTOMIZATION, accepted.childText("cbc:CustomizationID"));
    assertEquals("29", accepted.childText("cbc:OrderResponseCode"));
    assertEquals("UNCL1225", accepted.child("cbc:OrderResponseCode").attribute("listID"));
    XmlElement line = accepted.child("cac:OrderLine").child("cac:LineItem");
    assertEquals("29", line.childText("cbc:LineStatusCode"));
    assertEquals("UNCL1225", line.child("cbc:LineStatusCode").attribute("listID"));
    assertEquals("SE:ORGNR", accepted.child("cac:BuyerCustomerParty").child("cac:Party")
        .child("cac:PartyIdentification").child("cbc:ID").attribute("schemeID"));

    XmlElement rejected = root(UblOrderResponseWriter.write(order, decision(Outcome.REJECTED, "no")));
    assertEquals("27", rejected.childText("cbc:OrderResponseCode"));
    assertEquals("27", rejected.child("cac:OrderLine").child("cac:LineItem").childText("cbc:LineStatusCode"));
    XmlElement amended = root(UblOrderResponseWriter.write(order, new OrderDecision("R2", AT,
        Outcome.ACCEPTED_WITH_CHANGES, null, List.of(LineDecision.changed("1", new BigDecimal("2"), null, "stock")))));
    assertEquals("30", amended.childText("cbc:OrderResponseCode"));
    assertEquals("30", amended.child("cac:OrderLine").child("cac:LineItem").childText("cbc:LineStatusCode"));
    assertThrows(IllegalArgumentException.class,
        () -> UblOrderResponseWriter.write(order, decision(Outcome.RECEIVED, null)));
  }

  @Test
  void cxmlAnswersCarryTheStatusAndPassTheDtd() {
    var envelope = new CxmlWriter.Envelope("1.2@punchgate", Instant.parse("2026-11-23T10:00:00Z"), "1.2.050", "de-DE");
    record Expected(Outcome outcome, int code) {}
    for (Expected e : List.of(new Expected(Outcome.ACCEPTED, 200), new Expected(Outcome.ACCEPTED_WITH_CHANGES, 200),
        new Expected(Outcome.RECEIVED, 201), new Expected(Outcome.REJECTED, 400))) {
      byte[] xml = CxmlOrderResponse.write(envelope, decision(e.outcome(), "Preis für Zeile 2 korrigiert"))
          .getBytes(StandardCharsets.UTF_8);
      assertEquals(List.of(), CxmlConformance.dtdErrors(xml), e::toString);
      var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(xml));
      var response = assertInstanceOf(CxmlPayload.Response.class, read.document().payload());
      assertEquals(e.code(), response.status().code());
    }
  }

  @Test
  void anAcceptedBis3OrderGetsAnApWithoutLines() {
    PunchInOrder order = readUbl(resource("bis3-order.xml")).order();
    XmlElement response = root(UblOrderResponseWriter.write(order, decision(Outcome.ACCEPTED, null)));
    assertEquals("AP", response.childText("cbc:OrderResponseCode"));
    assertNull(response.child("cac:OrderLine"));
  }

  private static OrderDecision changes() {
    return new OrderDecision("R-1", AT, Outcome.ACCEPTED_WITH_CHANGES, "Price corrected to your contract price",
        List.of(LineDecision.accepted("1"),
            LineDecision.changed("2", new BigDecimal("4"), new BigDecimal("69.90"), "contract price; 4 packs in stock")));
  }

  private static OrderDecision decision(Outcome outcome, String reason) {
    return new OrderDecision("R-" + outcome, AT, outcome, reason, List.of());
  }

  private static XmlElement root(String xml) {
    return assertInstanceOf(SecureXml.Parsed.Document.class, SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8))).root();
  }
}
