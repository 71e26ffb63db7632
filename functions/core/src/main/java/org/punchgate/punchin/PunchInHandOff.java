package org.punchgate.punchin;

import java.time.Clock;
import java.util.Optional;
import org.punchgate.order.Order;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderStore;
import org.punchgate.order.PunchoutReference;
import org.punchgate.session.OrderOutcome;
import org.punchgate.session.Session;
import org.punchgate.session.SessionOrders;
import org.punchgate.session.SessionStatus;

/**
 * The PunchIn hand-off on the order ping's path (README "Orders and the ERP hand-off"): an order that completes
 * a punchout cart is written by the ping's own transaction ({@link SessionOrders#order}: session ORDERED, order
 * item, outbox entry), any other by {@link OrderStore#record} (order item and outbox entry, on condition that
 * the order does not exist). A newly written order is then sent and its outbox entry deleted by the ping's
 * {@link OrderHandOff}; a failed send stays in the outbox for the sweeper. An order that was there already is
 * not sent again: whoever wrote it sent it.
 */
public final class PunchInHandOff implements PunchInImport.OrderHandOff, PunchInImport.Carts {

  private final SessionOrders sessions;
  private final OrderStore orders;
  private final OrderHandOff sender;
  private final Clock clock;

  public PunchInHandOff(SessionOrders sessions, OrderStore orders, OrderHandOff sender, Clock clock) {
    this.sessions = sessions;
    this.orders = orders;
    this.sender = sender;
    this.clock = clock;
  }

  @Override
  public Optional<PunchoutReference> transferred(String connectionId, String cartId) {
    return sessions.findWithOrder(cartId).map(SessionOrders.WithOrder::session)
        .filter(s -> s.connectionId().equals(connectionId) && s.transferredAt() != null
            && (s.status() == SessionStatus.TRANSFERRED || s.status() == SessionStatus.ORDERED))
        .map(PunchInHandOff::reference);
  }

  private static PunchoutReference reference(Session session) {
    return new PunchoutReference(session.id(), session.cartId(), session.transferredAt());
  }

  @Override
  public PunchInImport.HandedOff handOff(Order order) {
    if (order.punchout() == null) {
      if (orders.record(order) == OrderStore.Recorded.NEW) {
        sender.handOff(order); // a failure here stays in the outbox for the sweeper; the order stands
      }
      return new PunchInImport.HandedOff.Stored(order.orderId());
    }
    return switch (sessions.order(order.punchout().sessionId(), order, clock.instant())) {
      case OrderOutcome.Ordered o -> {
        sender.handOff(order);
        yield new PunchInImport.HandedOff.Stored(order.orderId());
      }
      case OrderOutcome.AlreadyOrdered a -> a.existing().orderNumber().equals(order.externalOrderNumber())
          ? new PunchInImport.HandedOff.Stored(a.existing().orderId()) // the ping (or this order) came first
          : new PunchInImport.HandedOff.CartOrderedElsewhere(a.existing());
      case OrderOutcome.NotFound n -> new PunchInImport.HandedOff.CartGone();
      case OrderOutcome.NotTransferred t -> new PunchInImport.HandedOff.CartGone();
      case OrderOutcome.PastRetention p -> new PunchInImport.HandedOff.CartGone();
    };
  }
}
