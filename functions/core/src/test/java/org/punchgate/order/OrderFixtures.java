package org.punchgate.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.punchgate.order.Finding.Severity;
import org.punchgate.order.OrderLine.Classification;

/**
 * Orders built from the local runner's demo catalog and demo connections (the drill kit with two batteries
 * as child lines, screws priced per 100, goggles with a German name), one per shape the ERP message must
 * carry: a ping with the least it needs, a PunchIn order with every optional part, a currency without
 * minor units, and a very large order.
 */
public final class OrderFixtures {

  public static final Instant CREATED = Instant.parse("2026-11-23T10:15:30Z");
  public static final Instant TRANSFERRED = Instant.parse("2026-11-23T09:58:02.125Z");

  private OrderFixtures() {}

  /** Every fixture by name, for tests that check all of them. */
  public static Map<String, Order> all() {
    return Map.of(
        "minimal ping", minimalPing(),
        "ping from the demo-oci5 hierarchy cart", demoHierarchyPing(),
        "PEPPOL order with every optional part", fullPeppolOrder(),
        "cXML order in JPY", yenOrder());
  }

  /** The least a ping order carries: one line, no contact, no delivery, no findings. */
  public static Order minimalPing() {
    var lines = List.of(OrderLine.priced("1", null, "PPE-GOGGLE-OTG", null,
        "Überbrillen-Schutzbrille, klar, kratzfest – für Brillenträger", new BigDecimal("3"), "PCE",
        new BigDecimal("12.40"), null, null, null, "EUR"));
    return new Order(OrderId.forCart("c-7QX2"), OrderStatus.NEW, OrderSource.PUNCHOUT_PING, "4500012345", null, null,
        "demo-oci3", new Customer("acme-buyers", null, null), null, "EUR", lines,
        Totals.of(lines, null, null, null, "EUR"), null, new PunchoutReference("s-1", "c-7QX2", TRANSFERRED),
        null, CREATED);
  }

  /** The drill kit with its two batteries as child lines (priced inside the kit) and screws priced per 100. */
  public static Order demoHierarchyPing() {
    var unspsc = "UNSPSC";
    var lines = List.of(
        OrderLine.priced("1", null, "DRL-18V-KIT", "MAT-100234", "Cordless drill driver 18 V, kit in case",
            new BigDecimal("2"), "EA", new BigDecimal("159.00"), null, new BigDecimal("19"),
            new Classification(unspsc, "27112703"), "EUR"),
        OrderLine.priced("1.1", "1", "BAT-18V-40", null, "Li-ion battery pack 18 V 4.0 Ah",
            new BigDecimal("4"), "EA", new BigDecimal("0.00"), null, new BigDecimal("19"),
            new Classification(unspsc, "26111701"), "EUR"),
        OrderLine.priced("2", null, "SCR-4X40-TX", null, "Chipboard screw 4 x 40 mm, Torx 20, zinc plated",
            new BigDecimal("250"), "EA", new BigDecimal("5.40"), new BigDecimal("100"), new BigDecimal("19"),
            new Classification(unspsc, "31161504"), "EUR"));
    return new Order(OrderId.forCart("c-HIER-5"), OrderStatus.NEW, OrderSource.PUNCHOUT_PING, "PO-2026-0815",
        LocalDate.parse("2026-11-23"), "Werkstatt Nord", "demo-oci5", new Customer("acme-buyers", "ACME GmbH", null),
        Contact.ofNullable("Erika Mustermann", "erika@acme.example", null), "EUR", lines,
        Totals.of(lines, new BigDecimal("9.90"), null, null, "EUR"), null,
        new PunchoutReference("s-hier", "c-HIER-5", TRANSFERRED), null, CREATED);
  }

  /** A PunchIn order with every optional field the message has, findings included. */
  public static Order fullPeppolOrder() {
    var lines = List.of(
        OrderLine.priced("1", null, "BAT-18V-40", "B-4711", "Li-ion battery pack 18 V 4.0 Ah",
            new BigDecimal("10"), "EA", new BigDecimal("58.00"), BigDecimal.ONE, new BigDecimal("25"),
            new Classification("UNSPSC", "26111701"), "SEK"),
        OrderLine.priced("2", null, "SCR-4X40-TX", "B-0815", "Chipboard screw 4 x 40 mm, Torx 20",
            new BigDecimal("0.125"), "KGM", new BigDecimal("0.0375"), new BigDecimal("1"), new BigDecimal("12.5"),
            null, "SEK"));
    var totals = Totals.of(lines, new BigDecimal("49"), new BigDecimal("10.00"), new BigDecimal("142.50"), "SEK");
    return new Order(OrderId.forBuyerOrder("demo-punchin", "0007:5567321707", "PO-8841"), OrderStatus.NEW,
        OrderSource.PEPPOL_ORDER, "PO-8841", LocalDate.parse("2026-11-20"), "ref-77",
        "demo-punchin", new Customer("CUST-1001", "Acme Bygg AB", List.of(new PartyId("0007", "5567321707"),
            new PartyId(null, "ACME-BYGG"))),
        new Contact("Sven Svensson", "sven@acme.example", "+46 8 123 456"), "SEK", lines, totals,
        new Delivery(new PartyId("0088", "7300010000001"), new Delivery.Address("Acme Bygg AB, Lager 3",
            List.of("Industrivägen 12", "Port 4"), "123 45", "Farsta", "Stockholm", "SE"), LocalDate.parse("2026-12-01")),
        new PunchoutReference("s-rt", "c-RT-9", TRANSFERRED),
        List.of(new Finding("PRICE-DEVIATION", "1", Severity.WARNING, "unit price 58.00 differs from the agreed 57.50"),
            new Finding("TOTALS-RECOMPUTED", null, Severity.INFO, "the document's PayableAmount was 0.01 off")),
        CREATED);
  }

  /** A currency without minor units: amounts are whole yen. */
  public static Order yenOrder() {
    var lines = List.of(OrderLine.priced("10", null, "PPE-GOGGLE-OTG", null, "Safety goggles",
        new BigDecimal("3"), "EA", new BigDecimal("1833"), null, null, null, "JPY"));
    return new Order(OrderId.forBuyerOrder("demo-cxml", "NetworkID:AN-DEMO-BUYER", "DO1234"), OrderStatus.NEW,
        OrderSource.CXML_ORDER, "DO1234", null, null, "demo-cxml", new Customer("acme-buyers", null,
            List.of(new PartyId("NetworkID", "AN-DEMO-BUYER"))), null, "JPY", lines,
        Totals.of(lines, null, null, null, "JPY"), null, null, null, CREATED);
  }

  /** An order of {@code count} lines like the demo catalog's, each with every line field filled. */
  public static Order largeOrder(int count) {
    List<OrderLine> lines = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      lines.add(OrderLine.priced(Integer.toString(i), null, "DRL-18V-KIT", "MAT-" + (100000 + i),
          "Cordless drill driver 18 V, kit in case", new BigDecimal(i % 7 + 1), "EA", new BigDecimal("159.00"),
          null, new BigDecimal("25"), new Classification("UNSPSC", "27112703"), "EUR"));
    }
    return new Order(OrderId.forBuyerOrder("demo-punchin", "0088:7300010000001", "BIG-" + count), OrderStatus.NEW,
        OrderSource.PEPPOL_ORDER, "BIG-" + count, null, null, "demo-punchin", new Customer("CUST-1001", null, null),
        null, "EUR", lines, Totals.of(lines, null, null, null, "EUR"), null, null, null, CREATED);
  }
}
