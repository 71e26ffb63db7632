package org.punchgate.local.erp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.punchgate.aws.SqsOrderQueue;
import org.punchgate.local.erp.ErpConsumer.Handled;
import org.punchgate.local.erp.ErpConsumer.Outcome;
import org.punchgate.order.Customer;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderLine;
import org.punchgate.order.OrderQueue.SendOutcome;
import org.punchgate.order.OrderSource;
import org.punchgate.order.OrderStatus;
import org.punchgate.order.PunchoutReference;
import org.punchgate.order.Totals;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The example ERP consumer against an SQS server in this JVM (ElasticMQ), fed by the gateway's own
 * {@link SqsOrderQueue}. Each test makes its own FIFO queue (with a short visibility timeout, so that a
 * redelivery comes in a second) and dead-letter queue, like the template's.
 */
class ErpConsumerIT {

  private static final Instant CREATED = Instant.parse("2026-11-23T10:15:30Z");
  private static final int VISIBILITY_SECONDS = 1;
  private static final int MAX_RECEIVE_COUNT = 2;

  private static SQSRestServer server;
  private static SqsClient sqs;

  private String queueUrl;
  private String dlqUrl;

  @BeforeAll
  static void startSqs() {
    server = SQSRestServerBuilder.withInterface("127.0.0.1").withDynamicPort().withAWSRegion("us-east-1").start();
    int port = server.waitUntilStarted().localAddress().getPort();
    sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.builder().build()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
        .endpointOverride(URI.create("http://127.0.0.1:" + port)).build();
  }

  @AfterAll
  static void stopSqs() {
    sqs.close();
    server.stopAndWait();
  }

  /** A fresh orders queue and dead-letter queue, set up like the template's (scope: message group). */
  private void createQueues() {
    String name = "orders-" + UUID.randomUUID().toString().substring(0, 8);
    dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq.fifo")
        .attributes(Map.of(QueueAttributeName.FIFO_QUEUE, "true"))).queueUrl();
    String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
        .attributes().get(QueueAttributeName.QUEUE_ARN);
    queueUrl = sqs.createQueue(b -> b.queueName(name + ".fifo").attributes(Map.of(
        QueueAttributeName.FIFO_QUEUE, "true",
        QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false",
        QueueAttributeName.DEDUPLICATION_SCOPE, "messageGroup",
        QueueAttributeName.VISIBILITY_TIMEOUT, Integer.toString(VISIBILITY_SECONDS),
        QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\""
            + MAX_RECEIVE_COUNT + "\"}"))).queueUrl();
  }

  private ErpConsumer consumer(Path out) {
    return new ErpConsumer(sqs, queueUrl, out, Clock.systemUTC(), quiet());
  }

  @Test
  void writesEachOrderOnceAlthoughTheGatewaySentItTwice(@TempDir Path out) throws Exception {
    createQueues();
    var queue = new SqsOrderQueue(sqs, queueUrl);
    Order order = order("demo-oci4", "cart-A", "PO-1");
    assertInstanceOf(SendOutcome.Sent.class, queue.send(order));
    assertInstanceOf(SendOutcome.Sent.class, queue.send(order)); // a retry: same deduplication id

    List<Handled> handled = consumer(out).drain(1);

    assertEquals(List.of(new Handled(order.orderId().value(), "demo-oci4", Outcome.WRITTEN)), handled);
    assertArrayEquals(ErpOrderMessage.write(order), Files.readAllBytes(out.resolve(order.orderId() + ".json")));
    assertEquals(List.of(order.orderId() + ".json"), fileNames(out)); // no temporary file left behind
    assertQueueEmpty(queueUrl);
  }

  @Test
  void keepsEachCustomersOrdersInTheOrderTheyWereSent(@TempDir Path out) {
    createQueues();
    var queue = new SqsOrderQueue(sqs, queueUrl);
    List<Order> sent = List.of(order("acme", "a1", "1"), order("globex", "g1", "1"), order("acme", "a2", "2"),
        order("acme", "a3", "3"), order("globex", "g2", "2"), order("acme", "a4", "4"));
    sent.forEach(queue::send);

    List<Handled> handled = consumer(out).drain(1);

    for (String group : List.of("acme", "globex")) {
      assertEquals(sent.stream().filter(o -> o.connectionId().equals(group)).map(o -> o.orderId().value()).toList(),
          handled.stream().filter(h -> h.groupId().equals(group)).map(Handled::orderId).toList(), group);
    }
    assertEquals(sent.size(), handled.size());
  }

  @Test
  void aCrashBeforeTheDeleteLeavesTheMessageAndTheSecondDeliveryDoesNotRewriteTheFile(@TempDir Path out)
      throws Exception {
    createQueues();
    Order order = order("demo-cxml", "cart-crash", "PO-9");
    new SqsOrderQueue(sqs, queueUrl).send(order);
    var crashing = new ErpConsumer(sqs, queueUrl, out, Clock.systemUTC(), quiet(), () -> {
      throw new IllegalStateException("killed between the file and the delete");
    });

    assertThrows(IllegalStateException.class, () -> crashing.pollOnce(1));
    Path file = out.resolve(order.orderId() + ".json");
    FileTime marked = FileTime.from(Instant.parse("2000-01-01T00:00:00Z"));
    Files.setLastModifiedTime(file, marked); // a rewrite would change it

    List<Handled> handled = consumer(out).drain(VISIBILITY_SECONDS + 2);

    assertEquals(List.of(new Handled(order.orderId().value(), "demo-cxml", Outcome.ALREADY_THERE)), handled);
    assertEquals(marked, Files.getLastModifiedTime(file));
    assertArrayEquals(ErpOrderMessage.write(order), Files.readAllBytes(file));
    assertQueueEmpty(queueUrl);
  }

  @Test
  void afterMaxReceiveCountFailuresTheOrderWaitsInTheDeadLetterQueueAndAnEarlyRedriveLeavesIt(@TempDir Path first,
      @TempDir Path second) {
    createQueues();
    Order order = order("demo-oci5", "cart-poison", "PO-13");
    new SqsOrderQueue(sqs, queueUrl).send(order);
    var failing = new ErpConsumer(sqs, queueUrl, first, Clock.systemUTC(), quiet(), () -> {
      throw new IllegalStateException("the ERP is down");
    });
    for (int attempt = 1; attempt <= MAX_RECEIVE_COUNT; attempt++) {
      assertThrows(IllegalStateException.class, () -> failing.pollOnce(VISIBILITY_SECONDS + 2));
    }
    var consumer = consumer(second);
    assertEquals(List.of(), consumer.pollOnce(VISIBILITY_SECONDS + 2)); // now in the dead-letter queue
    assertEquals(dlqUrl, consumer.deadLetterQueueUrl());

    var letters = consumer.listDeadLetters(dlqUrl);
    assertEquals(1, letters.size());
    assertEquals(order.orderId().value(), letters.getFirst().orderId());
    assertEquals("demo-oci5", letters.getFirst().groupId());
    assertEquals(null, letters.getFirst().problem());
    assertEquals(1, consumer.listDeadLetters(dlqUrl).size(), "listing leaves the messages where they are");

    // within five minutes of the gateway's send the orders queue would drop the copy as a duplicate (the
    // engine does: a send "succeeds" and nothing arrives), and deleting the dead letter would lose the order
    var redrive = consumer.redrive(dlqUrl);
    assertEquals(List.of(), redrive.moved());
    assertEquals(order.orderId().value(), redrive.tooRecent().getFirst().orderId());
    assertEquals(1, consumer.listDeadLetters(dlqUrl).size());
  }

  @Test
  void aRedriveMovesDeadLettersBackWithGroupAndOrderIdAndTheConsumerThenWritesThem(@TempDir Path out) {
    createQueues();
    // dead letters whose first send is older than the deduplication window (the engine keeps no record of
    // it, and the consumer's clock is six minutes ahead of the dead letters' own timestamps)
    List<Order> orders = List.of(order("acme", "old-1", "1"), order("acme", "old-2", "2"), order("globex", "old-3", "3"));
    for (Order order : orders) {
      String body = new String(ErpOrderMessage.write(order), StandardCharsets.UTF_8);
      sqs.sendMessage(b -> b.queueUrl(dlqUrl).messageBody(body).messageGroupId(order.connectionId())
          .messageDeduplicationId(order.orderId().value()));
    }
    var listing = new ByteArrayOutputStream();
    ErpConsumer.run(ErpConsumer.Options.parse(new String[] {"--queue-url", queueUrl, "--dlq", "list"}), sqs,
        new PrintStream(listing, true, StandardCharsets.UTF_8));
    String listed = listing.toString(StandardCharsets.UTF_8);
    assertTrue(listed.contains("3 message(s) in " + dlqUrl) && orders.stream().allMatch(o -> listed.contains(
        o.orderId().value())), listed);
    var later = new ErpConsumer(sqs, queueUrl, out, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(6)), quiet());

    var redrive = later.redrive(dlqUrl);

    assertEquals(orders.size(), redrive.moved().size());
    assertEquals(List.of(), later.listDeadLetters(dlqUrl));
    var moved = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).visibilityTimeout(0)
        .messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
            MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).messages();
    assertEquals(orders.stream().map(o -> o.connectionId() + " " + o.orderId()).sorted().toList(),
        moved.stream().map(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID) + " "
            + m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID)).sorted().toList());

    List<Handled> handled = later.drain(1);
    assertEquals(orders.stream().map(o -> o.orderId().value()).sorted().toList(),
        handled.stream().filter(h -> h.outcome() == Outcome.WRITTEN).map(Handled::orderId).sorted().toList());
    assertQueueEmpty(queueUrl);
  }

  @Test
  void anUnreadableMessageIsNeverDeletedByTheConsumer(@TempDir Path out) {
    createQueues();
    String body = new String(ErpOrderMessage.write(order("demo-oci3", "cart-v2", "PO-2")), StandardCharsets.UTF_8)
        .replace("\"schemaVersion\":1", "\"schemaVersion\":2");
    sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageGroupId("demo-oci3").messageDeduplicationId("v2"));

    List<Handled> handled = consumer(out).pollOnce(1);

    assertEquals(Outcome.UNREADABLE, handled.getFirst().outcome());
    assertEquals(List.of(), fileNames(out));
    assertEquals("1", sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes()
        .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  @Test
  void theCommandConsumesTheQueueOnceAndExits(@TempDir Path out) throws Exception {
    createQueues();
    Order order = order("demo-oci3", "cart-cli", "PO-3");
    new SqsOrderQueue(sqs, queueUrl).send(order);
    var log = new ByteArrayOutputStream();

    int status = ErpConsumer.run(ErpConsumer.Options.parse(new String[] {"--queue-url", queueUrl, "--out",
        out.toString(), "--once"}), sqs, new PrintStream(log, true, StandardCharsets.UTF_8));

    assertEquals(0, status);
    assertTrue(Files.exists(out.resolve(order.orderId() + ".json")));
    assertTrue(log.toString(StandardCharsets.UTF_8).contains("wrote "), log.toString(StandardCharsets.UTF_8));
  }

  private void assertQueueEmpty(String url) {
    var attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
        .attributes();
    assertEquals("0", attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    assertEquals("0", attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
  }

  private static List<String> fileNames(Path dir) {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A one-line ping order of the demo catalog for a connection and cart. */
  private static Order order(String connectionId, String cartId, String orderNumber) {
    var lines = List.of(OrderLine.priced("1", null, "BAT-18V-40", null, "Li-ion battery pack 18 V 4.0 Ah",
        new BigDecimal("2"), "EA", new BigDecimal("58.00"), null, null, null, "EUR"));
    return new Order(OrderId.forCart(connectionId + "/" + cartId), OrderStatus.NEW, OrderSource.PUNCHOUT_PING,
        orderNumber, null, null, connectionId, new Customer("acme-buyers", null, null), null, "EUR", lines,
        Totals.of(lines, null, null, null, "EUR"), null, new PunchoutReference("s-" + cartId, cartId, CREATED),
        null, CREATED);
  }

  private static PrintStream quiet() {
    return new PrintStream(java.io.OutputStream.nullOutputStream());
  }
}
