package org.punchgate.session;

import java.time.Instant;
import java.util.Optional;
import org.punchgate.order.Order;
import org.punchgate.order.OrderReceipt;

/**
 * A transferred cart becoming an order, in the store that keeps the sessions: the same table, so that the
 * session's move to ORDERED, the order and its outbox entry are one transaction. Its own interface beside
 * {@link SessionStore}, so that the functions that never order (login, cart return) do not see it.
 */
public interface SessionOrders {

  /**
   * The session with the receipt of the order that completed it (null until ORDERED), in one read: all
   * that a ping needs to refuse, replay or record.
   */
  Optional<WithOrder> findWithOrder(String sessionId);

  /**
   * Moves a TRANSFERRED session of {@code order.connectionId()} to ORDERED, and writes the order and its
   * outbox entry ({@link org.punchgate.order.OrderOutbox}), all in one transaction: all three or nothing.
   * A session already ORDERED answers the order it has, whatever {@code order} says.
   */
  OrderOutcome order(String sessionId, Order order, Instant now);

  /** A session and, once it is ORDERED, the order's receipt. */
  record WithOrder(Session session, OrderReceipt order) {}
}
