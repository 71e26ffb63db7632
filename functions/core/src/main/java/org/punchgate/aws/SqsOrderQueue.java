package org.punchgate.aws;

import java.nio.charset.StandardCharsets;
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
        .messageGroupId(order.connectionId())
        .messageDeduplicationId(order.orderId().value())
        .messageBody(new String(body, StandardCharsets.UTF_8)));
    return new SendOutcome.Sent(response.messageId());
  }
}
