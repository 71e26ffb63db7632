package org.punchgate.order;

/**
 * The hand-off to the ERP: one message per order on a FIFO queue, grouped by connection (each customer's
 * orders stay in order) and deduplicated by order id (a resend within the queue's deduplication window
 * is dropped by the queue; consumers deduplicate by order id beyond it). The body is the
 * {@link ErpOrderMessage}. A failure to reach the queue is thrown; the caller's outbox retries it.
 */
public interface OrderQueue {

  SendOutcome send(Order order);

  /** What became of one send. */
  sealed interface SendOutcome {

    /** The queue has the message (or had it already: a duplicate send answers like the first). */
    record Sent(String messageId) implements SendOutcome {}

    /** The message is larger than a queue takes; nothing was sent. Retrying cannot help. */
    record TooLarge(OrderId orderId, int bytes, int maxBytes) implements SendOutcome {
      public String message() {
        return "the ERP message of order " + orderId + " is " + bytes + " bytes, more than the queue's "
            + maxBytes + " bytes";
      }
    }
  }
}
