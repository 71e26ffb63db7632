package org.punchgate.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends a recorded order to the ERP queue and marks its outbox entry sent; the sweeper does the same for
 * entries left over by a crash or a failed send. Delivery is at least once: a crash between send and
 * mark-sent sends the order again, which the FIFO queue drops within its five-minute deduplication window
 * (the same order id), and consumers deduplicate by order id beyond it.
 */
public final class OrderHandOff {

  /** An entry younger than this belongs to a ping still in flight; the sweeper leaves it alone. */
  public static final Duration SWEEP_AFTER = Duration.ofMinutes(1);
  /** Entries one sweep sends at most; a sweep every minute keeps up with far more orders than a shop gets. */
  public static final int SWEEP_BATCH = 100;

  /** Hears of a hand-off that failed at {@code step} (the function logs it; tests count it). */
  @FunctionalInterface
  public interface Problems {
    void failed(OrderId orderId, Step step, RuntimeException error);
  }

  /** Where a hand-off stopped. */
  public enum Step { SEND, MARK_SENT }

  /** How one hand-off ended; anything but SENT stays in the outbox for the sweeper. */
  public enum Result { SENT, LEFT_FOR_SWEEPER, TOO_LARGE }

  private final OrderQueue queue;
  private final OrderOutbox outbox;
  private final Clock clock;
  private final Problems problems;

  public OrderHandOff(OrderQueue queue, OrderOutbox outbox, Clock clock, Problems problems) {
    this.queue = queue;
    this.outbox = outbox;
    this.clock = clock;
    this.problems = problems;
  }

  /** Sends {@code order} and marks it sent. Never throws: what fails is left for the sweeper. */
  public Result handOff(Order order) {
    try {
      if (queue.send(order) instanceof OrderQueue.SendOutcome.TooLarge) {
        // stores refuse such orders before recording them (ErpOrderMessage.MAX_BYTES); retrying cannot help
        return Result.TOO_LARGE;
      }
    } catch (RuntimeException e) {
      problems.failed(order.orderId(), Step.SEND, e);
      return Result.LEFT_FOR_SWEEPER;
    }
    try {
      outbox.markSent(order);
    } catch (RuntimeException e) {
      // the order is on the queue; the sweeper sends it again and the queue drops the duplicate
      problems.failed(order.orderId(), Step.MARK_SENT, e);
      return Result.LEFT_FOR_SWEEPER;
    }
    return Result.SENT;
  }

  /** Sends every outbox entry older than {@link #SWEEP_AFTER}; answers how many reached the queue. */
  public int sweep() {
    Instant before = clock.instant().minus(SWEEP_AFTER);
    int sent = 0;
    for (Order order : outbox.due(before, SWEEP_BATCH)) {
      if (handOff(order) == Result.SENT) {
        sent++;
      }
    }
    return sent;
  }
}
