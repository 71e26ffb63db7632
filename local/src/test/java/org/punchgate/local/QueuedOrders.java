package org.punchgate.local;

import java.util.ArrayList;
import java.util.List;
import org.punchgate.order.OrderId;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/** What the runner's orders queue holds for one order, for end-to-end tests that share the queue. */
final class QueuedOrders {

  private QueuedOrders() {}

  /**
   * Takes every message on the orders queue for this order id (deleting them); other tests' messages go back to
   * the queue untouched (visibility timeout 0).
   */
  static List<Message> take(LocalRunner runner, OrderId orderId) {
    var sqs = runner.engines().sqs();
    String queue = runner.engines().queueUrl("OrdersQueue");
    List<Message> mine = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      var received = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
          .visibilityTimeout(0).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
      for (Message m : received) {
        if (orderId.value().equals(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))) {
          mine.add(m);
          sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
        }
      }
      if (!mine.isEmpty() && received.isEmpty()) {
        break;
      }
    }
    return mine;
  }
}
