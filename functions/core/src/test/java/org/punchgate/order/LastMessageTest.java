package org.punchgate.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** One request's size check, order item and send of the same order write its ERP message once. */
class LastMessageTest {

  private final AtomicInteger writes = new AtomicInteger();
  private final Function<Order, byte[]> counting = order -> {
    writes.incrementAndGet();
    return ErpOrderMessage.write(order);
  };
  private final LastMessage last = new LastMessage();

  @Test
  void theSameOrderInstanceIsWrittenOnceAndEachCallerGetsItsOwnCopy() {
    Order order = OrderFixtures.largeOrder(1_000);
    byte[] sizeCheck = last.of(order, counting);
    byte[] item = last.of(order, counting);
    byte[] send = last.of(order, counting);
    assertEquals(1, writes.get());
    assertArrayEquals(sizeCheck, send);
    assertNotSame(item, send);
    item[0] = 'x'; // a caller that changes its bytes changes no one else's
    assertArrayEquals(sizeCheck, last.of(order, counting));
  }

  @Test
  void anotherOrderIsWrittenAnewEvenWhenEqual() {
    Order order = OrderFixtures.fullPeppolOrder();
    Order equal = OrderFixtures.fullPeppolOrder();
    last.of(order, counting);
    last.of(equal, counting);
    last.of(OrderFixtures.minimalPing(), counting);
    byte[] again = last.of(order, counting);
    assertEquals(4, writes.get());
    assertArrayEquals(ErpOrderMessage.write(equal), again);
  }
}
