package org.punchgate.order;

import java.time.Instant;
import java.util.List;

/**
 * Orders recorded but not yet known to be on the queue. The store writes an outbox entry in the same
 * transaction as the order, so a crash after that transaction cannot lose the hand-off: the ping (or the
 * PunchIn import) sends and marks the entry sent at once, and the sweeper sends whatever is left.
 */
public interface OrderOutbox {

  /** Entries recorded before {@code recordedBefore}, oldest first, at most {@code limit}. */
  List<Order> due(Instant recordedBefore, int limit);

  /** The order is on the queue: its entry goes. Marking an entry that is gone already is no error. */
  void markSent(Order order);
}
