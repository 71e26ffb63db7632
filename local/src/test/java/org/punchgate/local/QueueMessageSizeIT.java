package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.order.ErpOrderMessage;

/**
 * SQS takes messages of up to 1 MiB (since August 2025; before, 256 KiB), and so does the local SQS engine:
 * a message of exactly {@link ErpOrderMessage#MAX_BYTES} goes onto the orders queue and comes back whole.
 */
@ExtendWith(LocalEnginesExtension.class)
class QueueMessageSizeIT {

  @Test
  void aMessageOfTheLargestSizeWeSendIsTakenAndReceivedWhole(LocalEngines engines) {
    var sqs = engines.sqs();
    String queue = engines.queueUrl("OrdersQueue");
    String group = "size-" + UUID.randomUUID();
    String body = "x".repeat(ErpOrderMessage.MAX_BYTES);
    sqs.sendMessage(b -> b.queueUrl(queue).messageGroupId(group).messageDeduplicationId(group).messageBody(body));
    int received = -1;
    for (int round = 0; round < 5 && received < 0; round++) {
      for (var m : sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        if (m.body().length() == body.length()) {
          received = m.body().length();
        }
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
    assertEquals(ErpOrderMessage.MAX_BYTES, received);
  }
}
