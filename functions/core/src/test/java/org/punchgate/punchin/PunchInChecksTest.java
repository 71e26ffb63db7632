package org.punchgate.punchin;

import org.punchgate.connection.PunchInPolicy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.punchin.PunchInFixtures.readUbl;
import static org.punchgate.punchin.PunchInFixtures.resource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.punchgate.order.Finding;
import org.punchgate.order.Order;
import org.punchgate.order.OrderSource;
import org.punchgate.order.OrderStatus;
import org.punchgate.punchin.OrderDecision.LineOutcome;
import org.punchgate.punchin.OrderDecision.Outcome;
import org.punchgate.connection.PunchInPolicy.Check;
import org.punchgate.connection.PunchInPolicy.Policy;
import org.punchgate.punchin.ShopCustomer.BuyerParty;
import org.punchgate.punchin.ShopPrice.Scope;

/**
 * The checks on the project's BIS 3 order (buyer 0088:7300010000001, 10 EA PEN-BLUE at 2.49, 5 XPK PAPER-A4 at
 * 74.90 per 10 XPK, ordered 2026-11-23) against a shop whose prices agree, then disagree, one way at a time.
 */
class PunchInChecksTest {

  static final String CONNECTION = "demo-punchin";
  static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0);
  static final String BIS3 = new String(resource("bis3-order.xml"), StandardCharsets.UTF_8);

  private InMemoryPunchInMappings shop;
  private PunchInChecks checks;

  @BeforeEach
  void shop() {
    shop = shopOfTheTestOrder();
    checks = new PunchInChecks(shop);
  }

  /** The shop the test order was written for: its buyer a customer, both products at the order's prices. */
  static InMemoryPunchInMappings shopOfTheTestOrder() {
    InMemoryPunchInMappings shop = new InMemoryPunchInMappings();
    shop.putCustomer(new ShopCustomer("C-1001", "Müller & Söhne", "B2B", List.of("EUR"),
        List.of(new BuyerParty(CONNECTION, BuyerParty.Kind.ENDPOINT, "0088", "7300010000001"))));
    shop.putProduct(new ShopProduct("PEN-BLUE", "4006381333931", "Kugelschreiber blau", List.of("EA"),
        Map.of("PCE", "EA"), Map.of("C-1001", "B-100")));
    shop.putProduct(new ShopProduct("PAPER-A4", null, "Kopierpapier A4", List.of("XPK"), Map.of(), Map.of()));
    shop.putPrices(List.of(
        price("PEN-BLUE", Scope.LIST, null, "2.99", "1", null, null),
        price("PEN-BLUE", Scope.CUSTOMER, "C-1001", "2.49", "1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
        price("PAPER-A4", Scope.GROUP, "B2B", "7.49", "1", null, null)));
    return shop;
  }

  static ShopPrice price(String sku, Scope scope, String id, String amount, String base, LocalDate from, LocalDate to) {
    return new ShopPrice(sku, scope, id, "EUR", new BigDecimal(amount), new BigDecimal(base), null, from, to);
  }

  PunchInChecks.Result check(String document, PunchInPolicy policy) {
    OrderReading reading = readUbl(document.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), reading.findings());
    return checks.check(CONNECTION, reading.order(), policy, "R-1", NOW);
  }

  @Test
  void anOrderAtTheCustomersPricesIsAcceptedWithOneBatchedReadOfCustomerAndProductsAndOneOfPrices() {
    PunchInChecks.Result result = check(BIS3, PunchInPolicy.DEFAULTS);
    assertEquals(Outcome.ACCEPTED, result.decision().outcome(), result.findings()::toString);
    assertEquals(List.of(), result.findings());
    assertEquals("C-1001", result.customer().id());
    assertEquals(List.of("PEN-BLUE", "PAPER-A4"), result.lines().stream().map(l -> l.product().sku()).toList());
    assertEquals(2, shop.reads(), "customer with products, prices: the seller's item ids named every line");
  }

  @Test
  void thePriceBasisCountsGroupPricePerPackEqualsTheOrdersPricePerTenPacks() {
    // the group price is 7.49 per pack; the order says 74.90 per 10 packs: the same price
    PunchInChecks.Result result = check(BIS3, PunchInPolicy.DEFAULTS);
    assertEquals(new BigDecimal("10"), result.lines().get(1).priceUnit());
    shop.putPrices(List.of(price("PAPER-A4", Scope.GROUP, "B2B", "749.00", "100", null, null)));
    assertEquals(Outcome.ACCEPTED, check(BIS3, PunchInPolicy.DEFAULTS).decision().outcome());
  }

  @Test
  void anUnknownBuyerIsRejectedByDefault() {
    PunchInChecks.Result result = check(BIS3.replace("7300010000001", "7300010000999"), PunchInPolicy.DEFAULTS);
    assertEquals(Outcome.REJECTED, result.decision().outcome());
    assertEquals("PUNCHIN-CUSTOMER", result.findings().get(0).ruleId());
    assertTrue(result.decision().reason().contains("7300010000999"), result.decision().reason());
    assertTrue(result.lines().isEmpty());
  }

  @Test
  void aPriceDeviationIsAcceptedAndFlaggedByDefault() {
    String cheaper = BIS3.replace(">2.49<", ">2.19<").replace(">24.90<", ">21.90<").replace("62.35", "59.35");
    PunchInChecks.Result result = check(cheaper, PunchInPolicy.DEFAULTS);
    assertEquals(Outcome.ACCEPTED, result.decision().outcome());
    CheckFinding f = result.findings().get(0);
    assertEquals("PUNCHIN-PRICE", f.ruleId());
    assertEquals("1", f.lineId());
    assertEquals(CheckFinding.Action.FLAG, f.action());
    assertEquals(new BigDecimal("2.19"), result.lines().get(0).unitPrice(), "charged as ordered, flagged");
  }

  @Test
  void acceptWithChangesCorrectsThePriceToTheCustomersAndAnswersCaWithEveryLine() {
    String cheaper = BIS3.replace(">2.49<", ">2.19<").replace(">24.90<", ">21.90<").replace("62.35", "59.35");
    PunchInPolicy policy = new PunchInPolicy(Map.of(Check.PRICE_DEVIATION, Policy.ACCEPT_WITH_CHANGES), null, false);
    PunchInChecks.Result result = check(cheaper, policy);
    assertEquals(Outcome.ACCEPTED_WITH_CHANGES, result.decision().outcome());
    assertEquals(List.of(LineOutcome.CHANGED, LineOutcome.ACCEPTED),
        result.decision().lines().stream().map(OrderDecision.LineDecision::outcome).toList());
    assertEquals(0, new BigDecimal("2.49").compareTo(result.decision().lines().get(0).price()));
    assertEquals(0, new BigDecimal("2.49").compareTo(result.lines().get(0).unitPrice()));
  }

  @Test
  void rejectOnPriceRefusesTheOrder() {
    String dearer = BIS3.replace(">2.49<", ">2.59<").replace(">24.90<", ">25.90<").replace("62.35", "63.35");
    PunchInPolicy policy = new PunchInPolicy(Map.of(Check.PRICE_DEVIATION, Policy.REJECT), null, false);
    assertEquals(Outcome.REJECTED, check(dearer, policy).decision().outcome());
  }

  @Test
  void theConnectionsToleranceAbsorbsSmallDeviations() {
    String dearer = BIS3.replace(">2.49<", ">2.51<").replace(">24.90<", ">25.10<").replace("62.35", "62.55");
    PunchInPolicy onePercent = new PunchInPolicy(Map.of(Check.PRICE_DEVIATION, Policy.REJECT), BigDecimal.ONE, false);
    assertEquals(Outcome.ACCEPTED, check(dearer, onePercent).decision().outcome());
    PunchInPolicy exact = new PunchInPolicy(Map.of(Check.PRICE_DEVIATION, Policy.REJECT), BigDecimal.ZERO, false);
    assertEquals(Outcome.REJECTED, check(dearer, exact).decision().outcome());
  }

  @Test
  void priceValidityDatesChooseThePriceOfTheOrderDate() {
    // the customer's 2.49 ends before the order date: the list price 2.99 applies, 2.49 deviates
    shop.putPrices(List.of(price("PEN-BLUE", Scope.CUSTOMER, "C-1001", "2.49", "1", null, LocalDate.of(2026, 11, 22)),
        price("PEN-BLUE", Scope.CUSTOMER, "C-1001", "2.39", "1", LocalDate.of(2026, 12, 1), null)));
    PunchInChecks.Result result = check(BIS3, PunchInPolicy.DEFAULTS);
    assertEquals("PUNCHIN-PRICE", result.findings().get(0).ruleId());
    assertTrue(result.findings().get(0).message().contains("2.99"), result.findings().get(0).message());
    assertTrue(result.findings().get(0).message().contains("list price"), result.findings().get(0).message());
  }

  @Test
  void anUnknownProductRejectsTheOrderByDefaultOrOnlyItsLineWithChanges() {
    String unknown = BIS3.replace("PEN-BLUE", "PEN-RED").replace("4006381333931", "4006381333948").replace("B-100", "B-999");
    PunchInChecks.Result rejected = check(unknown, PunchInPolicy.DEFAULTS);
    assertEquals(Outcome.REJECTED, rejected.decision().outcome());
    assertEquals("PUNCHIN-PRODUCT", rejected.findings().get(0).ruleId());
    PunchInPolicy lenient = new PunchInPolicy(Map.of(Check.PRODUCT_UNKNOWN, Policy.ACCEPT_WITH_CHANGES), null, false);
    PunchInChecks.Result changed = check(unknown, lenient);
    assertEquals(Outcome.ACCEPTED_WITH_CHANGES, changed.decision().outcome());
    assertEquals(LineOutcome.REJECTED, changed.decision().lines().get(0).outcome());
    assertEquals(List.of("PAPER-A4"), changed.lines().stream().map(l -> l.product().sku()).toList());
  }

  @Test
  void productsAreFoundByGtinOrByTheBuyersItemIdThroughTheCustomer() {
    String byGtin = BIS3.replace("<cbc:ID>PEN-BLUE</cbc:ID>", "<cbc:ID>X-1</cbc:ID>").replace("B-100", "B-999");
    assertEquals("PEN-BLUE", check(byGtin, PunchInPolicy.DEFAULTS).lines().get(0).product().sku());
    assertEquals(2, shop.reads(), "the GTIN came with the customer: no read of buyer's item ids");
    String byBuyerId = BIS3.replace("<cbc:ID>PEN-BLUE</cbc:ID>", "<cbc:ID>X-1</cbc:ID>")
        .replace("4006381333931", "4006381333948");
    assertEquals("PEN-BLUE", check(byBuyerId, PunchInPolicy.DEFAULTS).lines().get(0).product().sku());
    assertEquals(2 + 3, shop.reads(), "customer with products, the one line's buyer's item id, prices");
  }

  @Test
  void aMappedUnitIsTheShopsUnitAnUnknownOneIsAFinding() {
    String pieces = BIS3.replace("unitCode=\"EA\">10<", "unitCode=\"PCE\">10<").replace("unitCode=\"EA\">1<", "unitCode=\"PCE\">1<");
    assertEquals("EA", check(pieces, PunchInPolicy.DEFAULTS).lines().get(0).shopUnit());
    String boxes = BIS3.replace("unitCode=\"EA\">10<", "unitCode=\"BX\">10<");
    PunchInChecks.Result result = check(boxes, PunchInPolicy.DEFAULTS);
    assertEquals(Outcome.REJECTED, result.decision().outcome());
    assertEquals("PUNCHIN-UNIT", result.findings().get(0).ruleId());
  }

  @Test
  void aCurrencyTheCustomerDoesNotOrderInIsRejected() {
    shop.putCustomer(new ShopCustomer("C-1001", "Müller & Söhne", "B2B", List.of("SEK"),
        List.of(new BuyerParty(CONNECTION, BuyerParty.Kind.ENDPOINT, "0088", "7300010000001"))));
    PunchInChecks.Result result = check(BIS3, PunchInPolicy.DEFAULTS);
    assertEquals(Outcome.REJECTED, result.decision().outcome());
    assertEquals("PUNCHIN-CURRENCY", result.findings().get(0).ruleId());
  }

  @Test
  void acknowledgeOnlyAnswersAbAndLeavesTheDecisionToAPerson() {
    String cheaper = BIS3.replace(">2.49<", ">2.19<").replace(">24.90<", ">21.90<").replace("62.35", "59.35");
    PunchInChecks.Result result = check(cheaper, new PunchInPolicy(Map.of(), null, true));
    assertEquals(Outcome.RECEIVED, result.decision().outcome());
    assertEquals(1, result.findings().size());
  }

  @Test
  void aBis28aOrderWhoseTotalDoesNotAddUpIsRejected() {
    OrderReading reading = readUbl(resource("bis28a-order.xml"));
    PunchInOrder order = reading.order();
    PunchInOrder.Totals wrong = new PunchInOrder.Totals(new BigDecimal("1.00"), null, null, null, null, null, null,
        new BigDecimal("1.00"));
    PunchInOrder broken = new PunchInOrder(order.format(), order.customizationId(), order.profileId(), order.id(),
        order.issueDate(), order.issueTime(), order.currency(), order.orderType(), order.customerReference(),
        order.accountingCost(), order.note(), order.payloadId(), order.buyer(), order.seller(), order.delivery(),
        order.references(), order.lines(), wrong);
    PunchInPolicy flagUnknown = new PunchInPolicy(Map.of(Check.CUSTOMER_UNKNOWN, Policy.ACCEPT_AND_FLAG), null, false);
    shop.putCustomer(new ShopCustomer("C-2001", "Göteborgs Sjukhus", null, List.of(),
        List.of(new BuyerParty(CONNECTION, BuyerParty.Kind.PARTY_ID, "SE:ORGNR", "5541277711"))));
    PunchInChecks.Result result = checks.check(CONNECTION, broken, flagUnknown, "R-2", NOW);
    assertTrue(result.findings().stream().anyMatch(f -> f.ruleId().equals("PUNCHIN-TOTALS")), result.findings()::toString);
    assertEquals(Outcome.REJECTED, result.decision().outcome());
  }

  @Test
  void anAcceptedOrderBecomesANewOrderWithItsSourceNumberLinesAndFindings() {
    String cheaper = BIS3.replace(">2.49<", ">2.19<").replace(">24.90<", ">21.90<").replace("62.35", "59.35");
    OrderReading reading = readUbl(cheaper.getBytes(StandardCharsets.UTF_8));
    PunchInChecks.Result result = checks.check(CONNECTION, reading.order(), PunchInPolicy.DEFAULTS, "R-3", NOW);
    Order order = PunchInOrders.toOrder(PunchInOrders.buyerOrderId(CONNECTION, reading.order()), CONNECTION,
        reading.order(), result, null, Instant.parse("2026-11-23T10:00:00Z"));
    assertEquals(OrderStatus.NEW, order.status());
    assertEquals(OrderSource.PEPPOL_ORDER, order.source());
    assertEquals("PO-2026-0042", order.externalOrderNumber());
    assertEquals("C-1001", order.customer().id());
    assertEquals("PEN-BLUE", order.lines().get(0).sku());
    assertEquals("B-100", order.lines().get(0).buyerSku());
    assertEquals(new BigDecimal("21.90"), order.lines().get(0).lineAmount());
    assertEquals(new BigDecimal("37.45"), order.lines().get(1).lineAmount(), "5 packs at 74.90 per 10");
    assertEquals(new BigDecimal("59.35"), order.totals().lineTotal());
    assertEquals(List.of(new Finding("PUNCHIN-PRICE", "1", Finding.Severity.WARNING, result.findings().get(0).message())),
        order.findings());
    assertEquals(PunchInOrders.buyerOrderId(CONNECTION, reading.order()), order.orderId(), "the same order again: the same id");
    assertNull(order.punchout());
  }

  // the checks' decisions as the buyer receives them: every BIS 3 answer passes the T76 schema and schematron
  static final String CHEAPER_PEN_UNKNOWN_PAPER = BIS3.replace(">2.49<", ">2.19<")
      .replace(">24.90<", ">21.90<").replace("62.35", "59.35").replace("PAPER-A4", "PAPER-A3");

  @Test
  void everyOutcomeOfTheChecksIsAValidT76Answer() {
    PunchInPolicy changes = new PunchInPolicy(Map.of(Check.PRICE_DEVIATION, Policy.ACCEPT_WITH_CHANGES,
        Check.PRODUCT_UNKNOWN, Policy.ACCEPT_WITH_CHANGES), null, false);
    Map<Outcome, PunchInChecks.Result> results = Map.of(
        Outcome.ACCEPTED, check(BIS3, PunchInPolicy.DEFAULTS),
        Outcome.ACCEPTED_WITH_CHANGES, check(CHEAPER_PEN_UNKNOWN_PAPER, changes),
        Outcome.REJECTED, check(CHEAPER_PEN_UNKNOWN_PAPER, PunchInPolicy.DEFAULTS),
        Outcome.RECEIVED, check(BIS3, new PunchInPolicy(Map.of(), null, true)));
    PunchInOrder order = PunchInFixtures.readUbl(BIS3.getBytes(StandardCharsets.UTF_8)).order();
    results.forEach((outcome, result) -> {
      assertEquals(outcome, result.decision().outcome(), result.findings()::toString);
      String xml = UblOrderResponseWriter.write(order, result.decision());
      assertEquals(List.of(), PeppolSchematron.orderResponseErrors(xml.getBytes(StandardCharsets.UTF_8)),
          () -> outcome + ": " + xml);
    });
    String ca = UblOrderResponseWriter.write(order, results.get(Outcome.ACCEPTED_WITH_CHANGES).decision());
    assertTrue(ca.contains("<cbc:LineStatusCode>3</cbc:LineStatusCode>"), ca);
    assertTrue(ca.contains("<cbc:LineStatusCode>7</cbc:LineStatusCode>"), ca);
    String re = UblOrderResponseWriter.write(order, results.get(Outcome.REJECTED).decision());
    assertTrue(re.contains("PAPER-A3"), "the reason names the unknown product: " + re);
  }
}
