package org.punchgate.punchin;

import org.punchgate.connection.PunchInPolicy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.punchgate.punchin.CheckFinding.Action;
import org.punchgate.punchin.OrderDecision.LineDecision;
import org.punchgate.punchin.OrderDecision.Outcome;
import org.punchgate.punchin.PunchInOrder.Line;
import org.punchgate.connection.PunchInPolicy.Check;
import org.punchgate.connection.PunchInPolicy.Policy;
import org.punchgate.punchin.ShopCustomer.BuyerParty;

/**
 * Checks a read order against the shop (README "PunchIn checks"): the customer is known, every line's product
 * and unit are known, every unit price is the customer's price on the order date, the currency is allowed and
 * the totals add up. Each finding is acted on by the connection's {@link PunchInPolicy}, and the result is the
 * {@link OrderDecision} the response writers take, the findings, and the lines mapped to the shop's products.
 * The reading's own fatal findings (quantities not positive, PEPPOL's arithmetic) are the reader's business:
 * an order with one is rejected before it gets here. Reads: one batched read of the customer (every buyer identifier
 * at once) with the products named by seller's item id or GTIN, one of buyer's item ids only for lines those did
 * not name, one batched read of the prices.
 */
public final class PunchInChecks {


  private final PunchInMappings mappings;

  public PunchInChecks(PunchInMappings mappings) {
    this.mappings = mappings;
  }

  /** A line mapped to the shop: its product, shop unit and the unit price the shop will charge. */
  public record MappedLine(Line line, ShopProduct product, String shopUnit, BigDecimal unitPrice,
                           BigDecimal priceUnit) {}

  /**
   * The outcome: the decision to answer with, every finding, the customer (null when unknown) and the accepted
   * lines mapped to the shop (empty when the order is rejected).
   */
  public record Result(OrderDecision decision, List<CheckFinding> findings, ShopCustomer customer,
                       List<MappedLine> lines) {
    public Result {
      findings = List.copyOf(findings);
      lines = List.copyOf(lines);
    }

    public boolean accepted() {
      return decision.outcome() != Outcome.REJECTED;
    }
  }

  public Result check(String connectionId, PunchInOrder order, PunchInPolicy policy, String responseId,
                      LocalDateTime now) {
    List<CheckFinding> findings = new ArrayList<>();
    // the customer and the products named without it come in one read; a buyer's item id needs the customer
    PunchInMappings.CustomerAndProducts first = mappings.customerAndProducts(
        PunchInRefs.buyerParties(connectionId, order), PunchInRefs.refs(order.lines()).stream()
            .filter(r -> r.kind() != ShopProduct.Ref.Kind.BUYER_ITEM).toList());
    Optional<ShopCustomer> found = first.customer();
    if (found.isEmpty()) {
      findings.add(finding(policy, Check.CUSTOMER_UNKNOWN, null,
          "the buyer " + PunchInRefs.describe(order.buyer()) + " is not a customer of this shop on this connection", null));
      return decide(order, policy, findings, null, List.of(), responseId, now);
    }
    ShopCustomer customer = found.get();
    if (order.currency() != null && !customer.allows(order.currency())) {
      findings.add(finding(policy, Check.CURRENCY_NOT_ALLOWED, null, "customer " + customer.id()
          + " does not order in " + order.currency() + " (allowed: " + String.join(", ", customer.currencies()) + ")",
          null));
    }
    Map<ShopProduct.Ref, ShopProduct> products = new HashMap<>(first.products());
    Set<ShopProduct.Ref> buyerItems = PunchInRefs.buyerItemsOfUnnamedLines(order.lines(), products);
    if (!buyerItems.isEmpty()) {
      products.putAll(mappings.products(customer.id(), buyerItems));
    }
    List<ShopProduct> productOf = new ArrayList<>(order.lines().size());
    Set<String> skus = new LinkedHashSet<>();
    for (Line line : order.lines()) {
      ShopProduct p = PunchInRefs.product(line, products);
      productOf.add(p);
      if (p != null) {
        skus.add(p.sku());
      }
    }
    Map<String, List<ShopPrice>> pricesBySku = new HashMap<>();
    if (!skus.isEmpty()) {
      for (ShopPrice p : mappings.prices(customer, skus)) {
        pricesBySku.computeIfAbsent(p.sku(), k -> new ArrayList<>(3)).add(p);
      }
    }
    LocalDate orderDate = order.issueDate() != null ? order.issueDate() : now.toLocalDate();
    List<MappedLine> mapped = new ArrayList<>();
    for (int i = 0; i < order.lines().size(); i++) {
      Line line = order.lines().get(i);
      ShopProduct product = productOf.get(i);
      List<ShopPrice> prices = product == null ? List.of() : pricesBySku.getOrDefault(product.sku(), List.of());
      MappedLine m = line(line, product, prices, customer, order.currency(), orderDate, policy, findings);
      if (m != null) {
        mapped.add(m);
      }
    }
    totals(order, policy, findings);
    return decide(order, policy, findings, customer, mapped, responseId, now);
  }

  private MappedLine line(Line line, ShopProduct product, List<ShopPrice> prices, ShopCustomer customer,
                          String currency, LocalDate orderDate, PunchInPolicy policy, List<CheckFinding> findings) {
    if (product == null) {
      findings.add(finding(policy, Check.PRODUCT_UNKNOWN, line.id(), "line " + line.id() + ": no product of the shop is "
          + PunchInRefs.named(line), null));
      return null;
    }
    String unit = product.shopUnit(line.unitCode());
    if (unit == null) {
      findings.add(finding(policy, Check.UNIT_UNKNOWN, line.id(), "line " + line.id() + ": product " + product.sku()
          + " is not sold in unit '" + line.unitCode() + "' (units: " + String.join(", ", product.units()) + ")", null));
      return null;
    }
    BigDecimal base = line.baseQuantity() == null || line.baseQuantity().signum() <= 0 ? BigDecimal.ONE
        : line.baseQuantity();
    Optional<ShopPrice> price = PunchInPrices.price(product.sku(), unit, customer, currency, orderDate, prices);
    if (price.isEmpty()) {
      CheckFinding f = finding(policy, Check.PRICE_MISSING, line.id(), "line " + line.id() + ": product "
          + product.sku() + " has no price for customer " + customer.id() + " in " + currency + " on " + orderDate, null);
      findings.add(f);
      return f.action() == Action.FLAG ? new MappedLine(line, product, unit, documentPrice(line), base) : null;
    }
    BigDecimal expected = price.get().perUnit().multiply(base).setScale(PunchInPrices.PRICE_SCALE, RoundingMode.HALF_UP)
        .stripTrailingZeros();
    BigDecimal stated = documentPrice(line);
    if (!PunchInPrices.withinTolerance(stated, expected, policy.priceTolerancePercent())) {
      CheckFinding f = finding(policy, Check.PRICE_DEVIATION, line.id(), "line " + line.id() + ": unit price "
          + stated.toPlainString() + " per " + base.stripTrailingZeros().toPlainString() + " " + line.unitCode()
          + " is not the customer's price " + expected.toPlainString() + " (" + price.get().scope().name()
          .toLowerCase(java.util.Locale.ROOT) + " price on " + orderDate + ")", expected);
      findings.add(f);
      return switch (f.action()) {
        case REJECT_LINE, REJECT_ORDER -> null;
        case CORRECT_PRICE -> new MappedLine(line, product, unit, expected, base);
        case FLAG -> new MappedLine(line, product, unit, stated, base);
      };
    }
    return new MappedLine(line, product, unit, stated, base);
  }

  private static BigDecimal documentPrice(Line line) {
    return line.priceAmount() == null ? BigDecimal.ZERO : line.priceAmount();
  }

  /** Totals for the formats whose reader does not check them (BIS 28A, cXML): the line amounts add up. */
  private static void totals(PunchInOrder order, PunchInPolicy policy, List<CheckFinding> findings) {
    if (order.format() == OrderFormat.PEPPOL_BIS3 || order.totals() == null) {
      return; // BIS 3: PEPPOL-T01-R008..R024 already checked by the reader
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Line line : order.lines()) {
      BigDecimal amount = line.lineAmount();
      if (amount == null && line.quantity() != null && line.priceAmount() != null) {
        BigDecimal base = line.baseQuantity() == null || line.baseQuantity().signum() <= 0 ? BigDecimal.ONE
            : line.baseQuantity();
        amount = line.quantity().multiply(line.priceAmount()).divide(base, 2, RoundingMode.HALF_UP);
      }
      sum = sum.add(amount == null ? BigDecimal.ZERO : amount);
    }
    BigDecimal stated = order.totals().lineExtension() != null ? order.totals().lineExtension()
        : order.format() == OrderFormat.CXML ? order.totals().payable() : null;
    if (stated != null && stated.setScale(2, RoundingMode.HALF_UP).compareTo(sum.setScale(2, RoundingMode.HALF_UP)) != 0) {
      findings.add(finding(policy, Check.TOTALS_INCONSISTENT, null, "the order total " + stated.toPlainString()
          + " is not the sum of its lines, " + sum.setScale(2, RoundingMode.HALF_UP).toPlainString(), null));
    }
  }

  private Result decide(PunchInOrder order, PunchInPolicy policy, List<CheckFinding> findings, ShopCustomer customer,
                        List<MappedLine> mapped, String responseId, LocalDateTime now) {
    List<CheckFinding> refusals = findings.stream().filter(f -> f.action() == Action.REJECT_ORDER).toList();
    boolean allLinesRejected = mapped.isEmpty() && !order.lines().isEmpty();
    if (!refusals.isEmpty() || allLinesRejected) {
      // each reason names its rule, so the sender's system (and a person) can tell which check refused it
      String reason = (refusals.isEmpty() ? findings : refusals).stream().map(f -> f.ruleId() + ": " + f.message())
          .reduce((a, b) -> a + "; " + b).orElse("no line can be delivered");
      return new Result(new OrderDecision(responseId, now, Outcome.REJECTED, reason, List.of()), findings, customer,
          List.of());
    }
    if (policy.acknowledgeOnly() && order.format() != OrderFormat.BIS28A) {
      // BIS 28A v1 has no acknowledgement code: there the checks decide
      return new Result(new OrderDecision(responseId, now, Outcome.RECEIVED, null, List.of()), findings, customer,
          mapped);
    }
    Map<String, CheckFinding> changes = new HashMap<>();
    for (CheckFinding f : findings) {
      if (f.lineId() != null && (f.action() == Action.REJECT_LINE || f.action() == Action.CORRECT_PRICE)) {
        changes.putIfAbsent(f.lineId(), f);
      }
    }
    if (changes.isEmpty()) {
      return new Result(new OrderDecision(responseId, now, Outcome.ACCEPTED, null, List.of()), findings, customer,
          mapped);
    }
    List<LineDecision> lines = new ArrayList<>();
    for (Line line : order.lines()) {
      CheckFinding change = changes.get(line.id());
      if (change == null) {
        lines.add(LineDecision.accepted(line.id()));
      } else if (change.action() == Action.REJECT_LINE) {
        lines.add(LineDecision.rejected(line.id(), change.ruleId() + ": " + change.message()));
      } else {
        lines.add(LineDecision.changed(line.id(), null, change.correctedPrice(), change.ruleId() + ": "
            + change.message()));
      }
    }
    return new Result(new OrderDecision(responseId, now, Outcome.ACCEPTED_WITH_CHANGES,
        changes.size() + " of " + order.lines().size() + " lines changed or not accepted", lines), findings, customer,
        mapped);
  }

  private static CheckFinding finding(PunchInPolicy policy, Check check, String lineId, String message,
                                      BigDecimal corrected) {
    Policy p = policy.policy(check);
    Action action = switch (p) {
      case REJECT -> Action.REJECT_ORDER;
      case ACCEPT_AND_FLAG -> Action.FLAG;
      case ACCEPT_WITH_CHANGES -> lineId == null ? Action.REJECT_ORDER
          : corrected != null ? Action.CORRECT_PRICE : Action.REJECT_LINE;
    };
    return new CheckFinding(check, lineId, action, message, corrected);
  }
}
