package org.punchgate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderFixtures;
import org.punchgate.order.OrderQueue.SendOutcome;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The size check happens before any call: an oversized order never reaches SQS. (Sending: ErpConsumerIT.) */
class SqsOrderQueueTest {

  @Test
  void refusesAnOrderLargerThanTheQueueTakesWithoutCallingSqs() {
    List<String> calls = new ArrayList<>();
    SqsClient sqs = (SqsClient) Proxy.newProxyInstance(SqsClient.class.getClassLoader(),
        new Class<?>[] {SqsClient.class}, (proxy, method, args) -> {
          calls.add(method.getName());
          throw new AssertionError("no SQS call expected, got " + method.getName());
        });
    Order huge = OrderFixtures.largeOrder(4000); // about 1.1 MB of ERP message, over the 1 MiB SQS takes

    var outcome = assertInstanceOf(SendOutcome.TooLarge.class, new SqsOrderQueue(sqs, "https://sqs.example/q.fifo").send(huge));

    assertEquals(huge.orderId(), outcome.orderId());
    assertEquals(ErpOrderMessage.write(huge).length, outcome.bytes());
    assertEquals(List.of(), calls);
  }

  @Test
  void usesTheConnectionIdAsGroupIdWhereSqsTakesItAndAStableHashElsewhere() {
    assertEquals("demo-oci4", SqsOrderQueue.groupId("demo-oci4"));
    assertEquals("acme/EU:01", SqsOrderQueue.groupId("acme/EU:01"));
    String umlaut = SqsOrderQueue.groupId("Müller Bau");
    assertEquals(umlaut, SqsOrderQueue.groupId("Müller Bau"));
    assertEquals("connection-", umlaut.substring(0, 11));
    assertEquals(51, umlaut.length());
    assertEquals(51, SqsOrderQueue.groupId("x".repeat(129)).length());
  }
}
