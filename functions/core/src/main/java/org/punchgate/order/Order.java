package org.punchgate.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An order on its way to the ERP, whatever made it (a punchout ping, or a PunchIn order document): one ERP
 * message each ({@link ErpOrderMessage}). Immutable and always consistent: line ids are unique, every
 * parent line exists, every amount has the currency's scale, and the totals add up (see {@link Money}).
 *
 * @param externalOrderNumber the buyer's purchase-order number
 * @param orderDate           the buyer's order date, when the ping or document gives one
 * @param buyerReference      the buyer's own reference (PEPPOL BuyerReference, the ping's buyerReference)
 * @param buyerContact        null when unknown
 * @param delivery            null when the source carries no delivery
 * @param punchout            the punchout cart this order completes; required for a ping, null for a PunchIn
 *                            order that references no cart
 * @param findings            what the checks flagged in an accepted order (empty when nothing)
 */
public record Order(
    OrderId orderId,
    OrderStatus status,
    OrderSource source,
    String externalOrderNumber,
    LocalDate orderDate,
    String buyerReference,
    String connectionId,
    Customer customer,
    Contact buyerContact,
    String currency,
    List<OrderLine> lines,
    Totals totals,
    Delivery delivery,
    PunchoutReference punchout,
    List<Finding> findings,
    Instant createdAt) {

  /** Longest buyer order number and reference (UBL and cXML carry far shorter ones in practice). */
  static final int MAX_ORDER_NUMBER = 200;
  /** Longest connection id: SQS's limit for a message group id. */
  static final int MAX_CONNECTION_ID = 128;

  public Order {
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
    Checks.atMost(Checks.nonEmpty(externalOrderNumber, "externalOrderNumber"), MAX_ORDER_NUMBER, "externalOrderNumber");
    Checks.atMost(buyerReference, MAX_ORDER_NUMBER, "buyerReference");
    Checks.atMost(Checks.nonEmpty(connectionId, "connectionId"), MAX_CONNECTION_ID, "connectionId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(totals, "totals");
    Objects.requireNonNull(createdAt, "createdAt");
    lines = List.copyOf(lines);
    findings = findings == null ? List.of() : List.copyOf(findings);
    if (!isCurrencyCode(currency)) {
      throw new IllegalArgumentException("currency must be an ISO 4217 code: " + currency);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    if (source == OrderSource.PUNCHOUT_PING && punchout == null) {
      throw new IllegalArgumentException("a ping order names the punchout cart it completes");
    }
    checkLines(lines, currency);
    checkTotals(lines, totals, currency);
  }

  private static void checkLines(List<OrderLine> lines, String currency) {
    Set<String> ids = new HashSet<>();
    for (OrderLine line : lines) {
      if (!ids.add(line.lineId())) {
        throw new IllegalArgumentException("duplicate line id " + line.lineId());
      }
      Money.requireScale(line.lineAmount(), currency, "line " + line.lineId() + " amount");
    }
    for (OrderLine line : lines) {
      if (!line.isTopLevel() && (!ids.contains(line.parentLineId()) || line.parentLineId().equals(line.lineId()))) {
        throw new IllegalArgumentException("line " + line.lineId() + ": no other line has the id " + line.parentLineId());
      }
    }
  }

  private static void checkTotals(List<OrderLine> lines, Totals totals, String currency) {
    BigDecimal sum = BigDecimal.ZERO;
    for (OrderLine line : lines) {
      if (line.isTopLevel()) {
        sum = sum.add(line.lineAmount());
      }
    }
    if (sum.compareTo(totals.lineTotal()) != 0) {
      throw new IllegalArgumentException("lineTotal " + totals.lineTotal().toPlainString()
          + " is not the sum of the top-level lines, " + sum.toPlainString());
    }
    Money.requireScale(totals.lineTotal(), currency, "lineTotal");
    Money.requireScale(totals.chargeTotal(), currency, "chargeTotal");
    Money.requireScale(totals.allowanceTotal(), currency, "allowanceTotal");
    Money.requireScale(totals.taxTotal(), currency, "taxTotal");
    Money.requireScale(totals.total(), currency, "total");
  }

  private static boolean isCurrencyCode(String text) {
    return text.length() == 3 && text.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }
}
