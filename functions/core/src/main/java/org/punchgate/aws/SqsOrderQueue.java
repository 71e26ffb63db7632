package org.punchgate.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The orders FIFO queue on SQS: {@code MessageGroupId} = the connection id, so each customer's orders are
 * delivered in order and one customer's stuck order does not hold up another's; {@code
 * MessageDeduplicationId} = the order id, so a resend within SQS's five-minute window is dropped
 * (the template sets {@code DeduplicationScope: messageGroup}; an order always has the same group). The
 * size is checked before the call, so an oversized order gets a clear outcome instead of an SDK error.
 */
public final class SqsOrderQueue implements OrderQueue {

  /** The longest message group id SQS takes. */
  private static final int MAX_GROUP_ID = 128;

  private final SqsClient sqs;
  private final String queueUrl;

  public SqsOrderQueue(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  @Override
  public SendOutcome send(Order order) {
    byte[] body = ErpOrderMessage.write(order);
    if (body.length > ErpOrderMessage.MAX_BYTES) {
      return new SendOutcome.TooLarge(order.orderId(), body.length, ErpOrderMessage.MAX_BYTES);
    }
    var response = sqs.sendMessage(b -> b.queueUrl(queueUrl)
        .messageGroupId(groupId(order.connectionId()))
        .messageDeduplicationId(order.orderId().value())
        .messageBody(new String(body, StandardCharsets.UTF_8)));
    return new SendOutcome.Sent(response.messageId());
  }

  /**
   * The connection id as a message group id. SQS takes 1 to 128 ASCII letters, digits and punctuation; a
   * connection id outside that (a space, an umlaut) would make every send fail, so it is replaced by a
   * stable hash of itself, which keeps its orders together and in order all the same.
   */
  static String groupId(String connectionId) {
    if (!connectionId.isEmpty() && connectionId.length() <= MAX_GROUP_ID
        && connectionId.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
      return connectionId;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(connectionId.getBytes(StandardCharsets.UTF_8));
      return "connection-" + HexFormat.of().formatHex(hash, 0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
