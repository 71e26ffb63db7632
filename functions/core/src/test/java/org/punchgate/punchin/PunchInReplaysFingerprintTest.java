package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.punchgate.punchin.PunchInFixtures.readUbl;
import static org.punchgate.punchin.PunchInFixtures.resource;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Classification;

/** "The same document": a UBL order re-serialised by an access point is the same; another quantity is not. */
class PunchInReplaysFingerprintTest {

  private static final String BIS3 = new String(resource("bis3-order.xml"), StandardCharsets.UTF_8);

  @Test
  void aReserialisedUblOrderIsTheSameDocumentAChangedOneIsNot() {
    String same = PunchInReplays.fingerprint(readUbl(resource("bis3-order.xml")).order());
    String reserialised = BIS3.replace("xmlns:cbc=", "xmlns:b=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\" xmlns:cbc=")
        .replace("\n  ", "\n    ").replace("<!-- Punchgate", "<!-- resent: Punchgate");
    assertEquals(same, PunchInReplays.fingerprint(readUbl(reserialised.getBytes(StandardCharsets.UTF_8)).order()));
    String changed = BIS3.replace("unitCode=\"EA\">10<", "unitCode=\"EA\">11<");
    assertNotEquals(same, PunchInReplays.fingerprint(readUbl(changed.getBytes(StandardCharsets.UTF_8)).order()));
  }

  @Test
  void aReserialisedOrderWithAnotherLineLayoutIsTheSameDocument() {
    String oneLonger = BIS3.replace("<cac:OrderLine>", "\n<cac:OrderLine>");
    PunchInOrder order = readUbl(resource("bis3-order.xml")).order();
    PunchInOrder moved = readUbl(oneLonger.getBytes(StandardCharsets.UTF_8)).order();
    assertNotEquals(order.lines().get(0).sourceLine(), moved.lines().get(0).sourceLine()); // the layout changed
    assertEquals(PunchInReplays.fingerprint(order), PunchInReplays.fingerprint(moved));
  }

  @Test
  void aChangedLineValueChangesTheFingerprint() {
    PunchInOrder order = readUbl(PunchInFixtures.bis3Order(1_000)).order();
    String fingerprint = PunchInReplays.fingerprint(order);
    assertEquals(fingerprint, PunchInReplays.fingerprint(readUbl(PunchInFixtures.bis3Order(1_000)).order()));
    var lines = new ArrayList<>(order.lines());
    PunchInOrder.Line last = lines.get(999);
    lines.set(999, with(last, "priceAmount", last.priceAmount().add(new BigDecimal("0.01"))));
    assertNotEquals(fingerprint, PunchInReplays.fingerprint(withLines(order, lines)));
  }

  /** Every value of a line counts, except where it stood in the XML. */
  @Test
  void everyValueOfALineCounts() throws ReflectiveOperationException {
    PunchInOrder order = readUbl(resource("bis3-order.xml")).order();
    String fingerprint = PunchInReplays.fingerprint(order);
    PunchInOrder.Line first = order.lines().get(0);
    for (RecordComponent c : PunchInOrder.Line.class.getRecordComponents()) {
      PunchInOrder.Line changed = with(first, c.getName(), other(c.getAccessor().invoke(first), c.getType()));
      String after = PunchInReplays.fingerprint(withLines(order, List.of(changed)));
      if (c.getName().equals("sourceLine")) {
        assertEquals(PunchInReplays.fingerprint(withLines(order, List.of(first))), after, c.getName());
      } else {
        assertNotEquals(PunchInReplays.fingerprint(withLines(order, List.of(first))), after, c.getName());
      }
    }
    assertNotEquals(fingerprint, PunchInReplays.fingerprint(withLines(order, List.of(first))), "a line less");
  }

  /** Every value of the order's head counts too (its lines are above). */
  @Test
  void everyValueOfTheHeadCounts() throws ReflectiveOperationException {
    PunchInOrder order = readUbl(resource("bis3-order.xml")).order();
    String fingerprint = PunchInReplays.fingerprint(order);
    for (RecordComponent c : PunchInOrder.class.getRecordComponents()) {
      if (c.getName().equals("payloadId") || c.getName().equals("lines")) {
        continue; // a payloadID makes it a cXML document: its fingerprint is the payloadID
      }
      PunchInOrder changed = with(order, c.getName(), other(c.getAccessor().invoke(order), c.getType()));
      assertNotEquals(fingerprint, PunchInReplays.fingerprint(changed), c.getName());
    }
  }

  /** Another value of the same type than {@code value}. */
  private static Object other(Object value, Class<?> type) {
    if (type == String.class) {
      return value == null ? "x" : value + "x";
    }
    if (type == BigDecimal.class) {
      return value == null ? BigDecimal.ONE : ((BigDecimal) value).add(BigDecimal.ONE);
    }
    if (type == int.class) {
      return (int) value + 1;
    }
    if (type == java.time.LocalDate.class) {
      return value == null ? java.time.LocalDate.of(2026, 1, 1) : ((java.time.LocalDate) value).plusDays(1);
    }
    if (type == java.time.LocalTime.class) {
      return value == null ? java.time.LocalTime.NOON : ((java.time.LocalTime) value).plusSeconds(1);
    }
    if (type == OrderFormat.class) {
      return value == OrderFormat.values()[0] ? OrderFormat.values()[1] : OrderFormat.values()[0];
    }
    if (type == PunchInOrder.Identifier.class) {
      var id = (PunchInOrder.Identifier) value;
      return id == null ? new PunchInOrder.Identifier("x", "0088") : new PunchInOrder.Identifier(id.value() + "x", id.scheme());
    }
    if (type == List.class) {
      return List.of(new Classification("UNSPSC", "99999999"));
    }
    if (type == PunchInOrder.Party.class) {
      var p = (PunchInOrder.Party) value;
      return new PunchInOrder.Party(p.endpoint(), p.identifiers(), p.name() + "x", p.countryCode());
    }
    if (type == PunchInOrder.Delivery.class) {
      return value == null ? new PunchInOrder.Delivery(null, "x", null, null, null) : null;
    }
    if (type == PunchInOrder.References.class) {
      var r = (PunchInOrder.References) value;
      return new PunchInOrder.References(r.quotationId(), r.catalogueId() + "x", r.orderDocumentId(), r.contractId(),
          r.supplierOrderId());
    }
    if (type == PunchInOrder.Totals.class) {
      return null;
    }
    throw new AssertionError("no other value for " + type);
  }

  private static PunchInOrder withLines(PunchInOrder order, List<PunchInOrder.Line> lines) {
    return with(order, "lines", lines);
  }

  /** A copy of {@code record} with its component {@code name} set to {@code value}. */
  @SuppressWarnings("unchecked")
  private static <R extends Record> R with(R record, String name, Object value) {
    try {
      RecordComponent[] components = record.getClass().getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = components[i].getName().equals(name) ? value : components[i].getAccessor().invoke(record);
      }
      return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aCxmlDocumentIsItsPayloadId() {
    var sniffed = (OrderSniffer.Sniffed.Cxml) OrderSniffer.sniff(resource("cxml-orderrequest-iso-8859-1.xml"));
    PunchInOrder order = CxmlOrderRequestReader.read(sniffed.document()).reading().order();
    assertEquals("payload:1764000000000.abc@buyer.example", PunchInReplays.fingerprint(order));
  }
}
