package org.punchgate.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An orders queue in memory that deduplicates by order id like the FIFO queue (without the queue's
 * five-minute limit) and keeps the message bodies in order. For unit tests and the benchmark's CPU-only
 * runs; never used by a deployed function.
 */
public final class InMemoryOrderQueue implements OrderQueue {

  /** One message as the queue holds it. */
  public record Message(String groupId, String deduplicationId, byte[] body) {}

  private final Map<String, Message> byDeduplicationId = new LinkedHashMap<>();
  private int sends;

  @Override
  public synchronized SendOutcome send(Order order) {
    sends++;
    byte[] body = ErpOrderMessage.write(order);
    if (body.length > ErpOrderMessage.MAX_BYTES) {
      return new SendOutcome.TooLarge(order.orderId(), body.length, ErpOrderMessage.MAX_BYTES);
    }
    byDeduplicationId.putIfAbsent(order.orderId().value(),
        new Message(order.connectionId(), order.orderId().value(), body));
    return new SendOutcome.Sent(order.orderId().value());
  }

  /** The messages a consumer would see, in the order they were first sent. */
  public synchronized List<Message> messages() {
    return new ArrayList<>(byDeduplicationId.values());
  }

  /** How many sends were asked for, duplicates included (tests count retries). */
  public synchronized int sends() {
    return sends;
  }
}
