package org.punchgate.order;

import java.util.function.Function;

/**
 * The ERP message of the order written last, by identity. An accepted order's message is needed three times
 * on one request (the size check before anything is written, the order item, the queue message), and a
 * 1,000-line order takes milliseconds to write. An {@link Order} is immutable all the way down (records, copied
 * lists, {@code BigDecimal}, {@code Instant}), so the same instance always writes the same bytes: one slot kept
 * by identity makes the three one serialization, without comparing a thousand lines for equality. Concurrent
 * requests only take the slot from each other (then write again); each caller gets its own copy of the bytes,
 * so a caller that keeps or changes them cannot change another's.
 */
final class LastMessage {

  private record Written(Order order, byte[] body) {}

  private volatile Written last;

  /** The message of {@code order}: the kept one when {@code order} is the instance written last, else written now. */
  byte[] of(Order order, Function<Order, byte[]> write) {
    Written written = last;
    if (written == null || written.order() != order) {
      written = new Written(order, write.apply(order));
      last = written;
    }
    return written.body().clone();
  }
}
