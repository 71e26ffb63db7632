package org.punchgate.session;

import org.punchgate.order.OrderReceipt;

/** What happened when a transferred cart was asked to become an order (one transaction). */
public sealed interface OrderOutcome {

  /** The order, its outbox entry and the session's ORDERED state were written together. */
  record Ordered(OrderReceipt receipt) implements OrderOutcome {}

  /** The cart had become an order already (a repeated or concurrent ping): nothing was written. */
  record AlreadyOrdered(OrderReceipt existing) implements OrderOutcome {}

  /** No such session for this connection (unknown, removed, or another connection's). */
  record NotFound() implements OrderOutcome {}

  /** The session is OPEN or CANCELLED: there is no transferred cart to order. */
  record NotTransferred(SessionStatus status) implements OrderOutcome {}

  /** The session is past its retention: its cart is no longer kept for an order. */
  record PastRetention() implements OrderOutcome {}
}
