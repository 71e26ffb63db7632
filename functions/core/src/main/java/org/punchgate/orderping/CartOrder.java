package org.punchgate.orderping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.order.Contact;
import org.punchgate.order.Customer;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderLine;
import org.punchgate.order.OrderSource;
import org.punchgate.order.OrderStatus;
import org.punchgate.order.PunchoutReference;
import org.punchgate.order.Totals;
import org.punchgate.session.Session;

/**
 * The order a ping makes of a transferred cart: the cart's lines at the cart's prices, the cart's shipping
 * as a charge and its tax as tax, the connection as the customer (its id is the customer number until
 * connections map to shop customers), the logged-in user as the buyer contact.
 */
final class CartOrder {

  /** The OCI/cXML extrinsic that carries the user's e-mail address, when the buyer's system sends one. */
  private static final String USER_EMAIL = "UserEmail";

  private CartOrder() {}

  /** @throws IllegalArgumentException when the stored cart cannot make a valid order (the caller refuses it) */
  static Order of(Session session, OrderPingRequest ping, Instant now) {
    Cart cart = session.transferredCart();
    String currency = cart.currency();
    List<OrderLine> lines = new ArrayList<>();
    for (CartLine line : cart.lines()) {
      var classification = line.classification() == null || line.classification().scheme() == null
          || line.classification().code() == null ? null
          : new OrderLine.Classification(line.classification().scheme(), line.classification().code());
      lines.add(OrderLine.priced(line.lineId(), line.parentLineId(), line.sku(), line.buyerSku(), line.description(),
          line.quantity(), line.unit(), line.unitPrice(), line.priceUnit(), null, classification, currency));
    }
    return new Order(OrderId.forCart(session.cartId()), OrderStatus.NEW, OrderSource.PUNCHOUT_PING,
        ping.orderNumber(), ping.orderedAt(), ping.buyerReference(), session.connectionId(),
        new Customer(session.connectionId(), session.connection().name(), List.of()),
        Contact.ofNullable(session.username(), session.extrinsics().get(USER_EMAIL), null),
        currency, lines, Totals.of(lines, cart.shipping(), null, cart.tax(), currency), null,
        new PunchoutReference(session.id(), session.cartId(), session.transferredAt()), List.of(), now);
  }
}
