package org.punchgate.order;

/**
 * Orders that complete no punchout cart (a PunchIn order of its own), in the store that keeps the outbox: the
 * order item and its outbox entry ({@link OrderOutbox}) are written in one transaction, on condition that no
 * order has the order's id. Order ids are derived from the order's cause ({@link OrderId#forBuyerOrder}), so a
 * retried or concurrent import of the same order finds it instead of writing a second one.
 */
public interface OrderStore {

  /** Writes {@code order} and its outbox entry together, unless an order with its id exists. */
  Recorded record(Order order);

  /** Whether the order was written now, or was there already (nothing written). */
  enum Recorded { NEW, EXISTING }
}
