package org.punchgate.punchin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.order.Customer;
import org.punchgate.order.Delivery;
import org.punchgate.order.Finding;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderLine;
import org.punchgate.order.OrderSource;
import org.punchgate.order.OrderStatus;
import org.punchgate.order.PartyId;
import org.punchgate.order.PunchoutReference;
import org.punchgate.order.Totals;
import org.punchgate.punchin.PunchInOrder.Identifier;

/**
 * Turns an accepted PunchIn order and its checks into the {@link Order} that goes to the ERP: status {@code NEW},
 * source {@code peppol-order} / {@code bis28a-order} / {@code cxml-order}, the buyer's order number as external
 * order number, the accepted lines with the shop's SKU, unit and charged price, and the findings (a flag is a
 * warning, a corrected price information, a rejected line an error). Totals are the accepted lines' sum; tax is
 * left to the ERP, as a changed order's document tax no longer applies.
 */
public final class PunchInOrders {

  private PunchInOrders() {}

  /**
   * The order for an accepted result. {@code orderId} is {@link OrderId#forCart} when the order completes a
   * transferred punchout cart, else {@link OrderId#forBuyerOrder}; {@code punchout} the cart it completes or null.
   */
  public static Order toOrder(OrderId orderId, String connectionId, PunchInOrder order, PunchInChecks.Result checked,
                              PunchoutReference punchout, Instant createdAt) {
    if (!checked.accepted()) {
      throw new IllegalArgumentException("a rejected order is not stored");
    }
    String currency = order.currency();
    List<OrderLine> lines = new ArrayList<>();
    for (PunchInChecks.MappedLine m : checked.lines()) {
      PunchInOrder.Line l = m.line();
      OrderLine.Classification classification = l.classifications().isEmpty() ? null
          : new OrderLine.Classification(l.classifications().get(0).scheme() == null ? "UNKNOWN"
              : l.classifications().get(0).scheme(), l.classifications().get(0).code());
      lines.add(OrderLine.priced(l.id(), null, m.product().sku(), l.buyersItemId(),
          l.name() != null ? l.name() : m.product().name() != null ? m.product().name() : m.product().sku(),
          l.quantity(), m.shopUnit(), m.unitPrice(), m.priceUnit(), l.taxPercent(), classification, currency));
    }
    List<Finding> findings = new ArrayList<>();
    for (CheckFinding f : checked.findings()) {
      Finding.Severity severity = switch (f.action()) {
        case FLAG -> Finding.Severity.WARNING;
        case CORRECT_PRICE -> Finding.Severity.INFO;
        case REJECT_LINE, REJECT_ORDER -> Finding.Severity.ERROR;
      };
      findings.add(new Finding(f.ruleId(), f.lineId(), severity, f.message()));
    }
    ShopCustomer shop = checked.customer();
    List<PartyId> partyIds = new ArrayList<>();
    if (order.buyer() != null) {
      if (order.buyer().endpoint() != null) {
        partyIds.add(partyId(order.buyer().endpoint()));
      }
      order.buyer().identifiers().forEach(i -> partyIds.add(partyId(i)));
    }
    Customer customer = new Customer(shop.id(), shop.name() != null ? shop.name()
        : order.buyer() == null ? null : order.buyer().name(), partyIds);
    return new Order(orderId, OrderStatus.NEW, source(order.format()), order.id(), order.issueDate(),
        order.customerReference(), connectionId, customer, null, currency, lines,
        Totals.of(lines, null, null, null, currency), delivery(order.delivery()), punchout, findings, createdAt);
  }

  /** The order's id when it completes no punchout cart: the connection, the buyer party and the order number. */
  public static OrderId buyerOrderId(String connectionId, PunchInOrder order) {
    return OrderId.forBuyerOrder(connectionId, buyerKey(order), order.id());
  }

  /** The buyer party as one text: its EndpointID, else its first identifier (scheme:value). */
  public static String buyerKey(PunchInOrder order) {
    Identifier id = order.buyer() == null ? null : order.buyer().endpoint() != null ? order.buyer().endpoint()
        : order.buyer().identifiers().isEmpty() ? null : order.buyer().identifiers().get(0);
    if (id == null) {
      throw new IllegalArgumentException("the order names no buyer party");
    }
    return (id.scheme() == null ? "" : id.scheme()) + ":" + id.value();
  }

  static OrderSource source(OrderFormat format) {
    return switch (format) {
      case PEPPOL_BIS3 -> OrderSource.PEPPOL_ORDER;
      case BIS28A -> OrderSource.BIS28A_ORDER;
      case CXML -> OrderSource.CXML_ORDER;
    };
  }

  private static PartyId partyId(Identifier id) {
    return new PartyId(id.scheme(), id.value());
  }

  private static Delivery delivery(PunchInOrder.Delivery d) {
    if (d == null) {
      return null;
    }
    Delivery.Address address = d.address() == null ? null : new Delivery.Address(d.name(), d.address().streetLines(),
        d.address().postalZone(), d.address().city(), d.address().region(), countryOrNull(d.address().countryCode()));
    return new Delivery(d.locationId() == null ? null : partyId(d.locationId()), address,
        d.requestedEnd() != null ? d.requestedEnd() : d.requestedStart());
  }

  private static String countryOrNull(String code) {
    return code != null && code.length() == 2 && code.chars().allMatch(c -> c >= 'A' && c <= 'Z') ? code : null;
  }
}
