package org.punchgate.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An order is consistent or it is not made: each broken variant of a valid order is refused with a reason. */
class OrderTest {

  private static final Order VALID = OrderFixtures.demoHierarchyPing();

  @Test
  void totalsCountTopLevelLinesAndChildrenArePricedInsideTheirParent() {
    // kit 2 × 159.00 + screws 13.50; the batteries (child lines at 0.00) add nothing
    assertEquals(new BigDecimal("331.50"), VALID.totals().lineTotal());
    assertEquals(new BigDecimal("341.40"), VALID.totals().total());
  }

  @Test
  void refusesAnOrderWithoutLines() {
    assertRefused("at least one line", () -> with(List.of(), VALID.totals()));
  }

  @Test
  void refusesDuplicateLineIdsAndUnknownParents() {
    var line = VALID.lines().getFirst();
    assertRefused("duplicate line id 1", () -> with(List.of(line, line), Totals.of(List.of(line, line), null, null, null, "EUR")));
    var orphan = OrderLine.priced("9", "nope", null, null, "x", BigDecimal.ONE, "EA", BigDecimal.ONE, null, null, null, "EUR");
    assertRefused("no other line has the id nope", () -> with(List.of(line, orphan), Totals.of(List.of(line), null, null, null, "EUR")));
  }

  @Test
  void refusesTotalsThatAreNotTheSumOfTheLines() {
    var lines = List.of(VALID.lines().getFirst());
    assertRefused("is not the sum of the top-level lines", () -> with(lines, VALID.totals()));
    assertRefused("is not lineTotal + chargeTotal", () -> new Totals(new BigDecimal("1.00"), new BigDecimal("0.00"),
        new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("1.01")));
  }

  @Test
  void refusesAmountsWithAnotherScaleThanTheCurrencys() {
    var line = new OrderLine("1", null, null, null, "x", BigDecimal.ONE, "EA", new BigDecimal("318"), null,
        new BigDecimal("318"), null, null);
    assertRefused("must have exactly 2 decimals in EUR", () -> with(List.of(line), new Totals(new BigDecimal("318"),
        BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("318"))));
  }

  @Test
  void refusesNonPositiveQuantitiesAndNegativePrices() {
    assertRefused("quantity must be greater than 0", () -> OrderLine.priced("1", null, null, null, "x", BigDecimal.ZERO,
        "EA", BigDecimal.ONE, null, null, null, "EUR"));
    assertRefused("unit price must not be negative", () -> OrderLine.priced("1", null, null, null, "x", BigDecimal.ONE,
        "EA", new BigDecimal("-1"), null, null, null, "EUR"));
  }

  @Test
  void aPingOrderMustNameTheCartItCompletes() {
    assertRefused("names the punchout cart", () -> new Order(VALID.orderId(), VALID.status(), OrderSource.PUNCHOUT_PING,
        VALID.externalOrderNumber(), null, null, VALID.connectionId(), VALID.customer(), null, "EUR", VALID.lines(),
        VALID.totals(), null, null, null, VALID.createdAt()));
  }

  private static Order with(List<OrderLine> lines, Totals totals) {
    return new Order(VALID.orderId(), VALID.status(), VALID.source(), VALID.externalOrderNumber(), VALID.orderDate(),
        VALID.buyerReference(), VALID.connectionId(), VALID.customer(), VALID.buyerContact(), VALID.currency(), lines,
        totals, VALID.delivery(), VALID.punchout(), VALID.findings(), VALID.createdAt());
  }

  private static void assertRefused(String reason, org.junit.jupiter.api.function.Executable making) {
    var e = assertThrows(IllegalArgumentException.class, making);
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(reason), e.getMessage());
  }
}
