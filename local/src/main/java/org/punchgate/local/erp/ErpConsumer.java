package org.punchgate.local.erp;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.punchgate.json.Json;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.ErpOrderMessage.Reading;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An example ERP consumer of the orders FIFO queue: it long-polls the queue, writes each order as
 * {@code <orderId>.json} into a folder, and deletes a message only after its file is safely written.
 * It is idempotent by order id: SQS delivers at least once (a crash before the delete, a visibility
 * timeout, a resend after the five-minute deduplication window), so an order whose file exists is
 * deleted from the queue without writing it again. A message it cannot read stays in the queue and
 * reaches the dead-letter queue after the queue's {@code maxReceiveCount}; {@code --dlq list} shows those
 * messages and {@code --dlq redrive} moves them back. Run {@code local/erp-consumer --help}.
 */
public final class ErpConsumer {

  /** SQS's deduplication interval: a resend with the same deduplication id within it is dropped silently. */
  static final Duration DEDUPLICATION_WINDOW = Duration.ofMinutes(5);
  private static final int LONG_POLL_SECONDS = 20;
  private static final int BATCH = 10;
  /** How long the dead-letter commands hold the messages they look at before letting them go again. */
  private static final int HOLD_SECONDS = 60;
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(5);

  /** What became of one message. */
  enum Outcome { WRITTEN, ALREADY_THERE, UNREADABLE }

  /** One handled message: the order (null when unreadable), its group, what happened. */
  record Handled(String orderId, String groupId, Outcome outcome) {}

  /** One message of the dead-letter queue as {@code --dlq list} shows it. */
  record DeadLetter(String orderId, String groupId, String deduplicationId, int receiveCount, Instant sentAt,
      int bytes, String problem) {}

  /** What a redrive did: moved back, and left because a move now would be dropped as a duplicate. */
  record Redrive(List<DeadLetter> moved, List<DeadLetter> tooRecent) {}

  private final SqsClient sqs;
  private final String queueUrl;
  private final Path out;
  private final Clock clock;
  private final PrintStream log;
  private final Runnable beforeDelete;

  ErpConsumer(SqsClient sqs, String queueUrl, Path out, Clock clock, PrintStream log) {
    this(sqs, queueUrl, out, clock, log, () -> {});
  }

  /** With a step run between writing a file and deleting its message: tests crash there. */
  ErpConsumer(SqsClient sqs, String queueUrl, Path out, Clock clock, PrintStream log, Runnable beforeDelete) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.out = out;
    this.clock = clock;
    this.log = log;
    this.beforeDelete = beforeDelete;
  }

  // ---- consuming ----

  /**
   * One receive (long-polling up to {@code waitSeconds}); handles what arrived, in the order it arrived. A
   * failure to write or delete ends the batch, so no later order of the same customer overtakes the one that
   * failed; an unreadable message does not, since it will never become readable and waits for a person in
   * the dead-letter queue.
   */
  List<Handled> pollOnce(int waitSeconds) {
    List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(BATCH)
        .waitTimeSeconds(waitSeconds).messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID))
        .messages();
    List<Handled> handled = new ArrayList<>(messages.size());
    for (Message message : messages) {
      handled.add(handle(message));
    }
    return handled;
  }

  /** Polls until a receive comes back empty; everything handled, in order. */
  List<Handled> drain(int waitSeconds) {
    List<Handled> all = new ArrayList<>();
    for (List<Handled> batch = pollOnce(waitSeconds); !batch.isEmpty(); batch = pollOnce(waitSeconds)) {
      all.addAll(batch);
    }
    return all;
  }

  private Handled handle(Message message) {
    String group = message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID);
    byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
    switch (ErpOrderMessage.read(body)) {
      case Reading.Unreadable unreadable -> {
        // not deleted: after maxReceiveCount receives SQS moves it to the dead-letter queue for a person
        log.println("unreadable message " + message.messageId() + " (order " + unreadable.orderId() + ", group "
            + group + "): " + unreadable.problems() + "; left for the dead-letter queue");
        return new Handled(unreadable.orderId(), group, Outcome.UNREADABLE);
      }
      case Reading.Readable readable -> {
        String orderId = readable.order().orderId().value(); // checked by the reader: safe as a file name
        Path file = out.resolve(orderId + ".json");
        Outcome outcome = Files.exists(file) ? Outcome.ALREADY_THERE : Outcome.WRITTEN;
        if (outcome == Outcome.WRITTEN) {
          writeAtomically(file, body);
        }
        beforeDelete.run();
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        log.println((outcome == Outcome.WRITTEN ? "wrote " : "already had ") + file + " (group " + group + ")");
        return new Handled(orderId, group, outcome);
      }
    }
  }

  /**
   * Writes the whole file or nothing: into a temporary file in the same folder, forced to disk, then
   * renamed over the final name in one step, so a crash never leaves a half-written order behind.
   */
  private static void writeAtomically(Path file, byte[] body) {
    // a name of its own (not Files.createTempFile, whose owner-only permissions would hide the order from
    // an ERP job running as another user): the umask decides, as for any file the ERP side writes
    Path temp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(body);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the message stays in the queue either way; a stray hidden temporary file is harmless
      }
      throw new UncheckedIOException("could not write " + file, e);
    }
  }

  // ---- the dead-letter queue ----

  /** The dead-letter queue of the orders queue, from the orders queue's redrive policy. */
  String deadLetterQueueUrl() {
    String policy = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
        .attributes().get(QueueAttributeName.REDRIVE_POLICY);
    if (policy == null) {
      throw new IllegalStateException("the queue " + queueUrl + " has no redrive policy, so no dead-letter queue");
    }
    String arn = Json.text(Json.parse(policy), "deadLetterTargetArn");
    String[] parts = arn.split(":");
    return sqs.getQueueUrl(b -> b.queueName(parts[parts.length - 1])).queueUrl();
  }

  /**
   * What the dead-letter queue holds, without consuming it: the messages are received, held for a moment
   * and let go. SQS FIFO hands out a group's next messages only after the first ones are gone, so this
   * shows at most ten messages per group; the total is the queue's own count.
   */
  List<DeadLetter> listDeadLetters(String dlqUrl) {
    List<Message> held = holdAll(dlqUrl);
    List<DeadLetter> letters = held.stream().map(ErpConsumer::describe).toList();
    release(dlqUrl, held);
    return letters;
  }

  /**
   * Moves the dead letters back to the orders queue with their group id and their deduplication id (the
   * order id, read from the body, as the gateway sent it: engines differ in what deduplication id a
   * dead-lettered message keeps, and ElasticMQ gives it a new one; the message's own for an unreadable
   * body), each deleted from the dead-letter queue only after the send succeeded. It works on every SQS-compatible engine
   * (unlike StartMessageMoveTask). A message sent less than five minutes ago is left where it is: the
   * orders queue would drop its copy as a duplicate of the original, and deleting it would lose the order.
   */
  Redrive redrive(String dlqUrl) {
    List<DeadLetter> moved = new ArrayList<>();
    List<Message> tooRecent = new ArrayList<>();
    Instant now = clock.instant();
    for (List<Message> batch = receive(dlqUrl); !batch.isEmpty(); batch = receive(dlqUrl)) {
      for (Message message : batch) {
        Map<MessageSystemAttributeName, String> attributes = message.attributes();
        DeadLetter letter = describe(message);
        if (letter.sentAt().plus(DEDUPLICATION_WINDOW).isAfter(now)) {
          tooRecent.add(message);
          continue;
        }
        String deduplicationId = letter.problem() == null ? letter.orderId() : letter.deduplicationId();
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(message.body())
            .messageGroupId(attributes.get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
            .messageDeduplicationId(deduplicationId));
        sqs.deleteMessage(b -> b.queueUrl(dlqUrl).receiptHandle(message.receiptHandle()));
        moved.add(letter);
      }
    }
    release(dlqUrl, tooRecent);
    return new Redrive(moved, tooRecent.stream().map(ErpConsumer::describe).toList());
  }

  private List<Message> holdAll(String url) {
    List<Message> held = new ArrayList<>();
    for (List<Message> batch = receive(url); !batch.isEmpty(); batch = receive(url)) {
      held.addAll(batch);
    }
    return held;
  }

  private List<Message> receive(String url) {
    return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(BATCH).waitTimeSeconds(0)
        .visibilityTimeout(HOLD_SECONDS).messageSystemAttributeNames(MessageSystemAttributeName.MESSAGE_GROUP_ID,
            MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID, MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT,
            MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
  }

  private void release(String url, List<Message> messages) {
    for (Message message : messages) {
      sqs.changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
    }
  }

  private static DeadLetter describe(Message message) {
    var attributes = message.attributes();
    byte[] body = message.body().getBytes(StandardCharsets.UTF_8);
    Reading reading = ErpOrderMessage.read(body);
    String orderId = switch (reading) {
      case Reading.Readable readable -> readable.order().orderId().value();
      case Reading.Unreadable unreadable -> unreadable.orderId();
    };
    String problem = reading instanceof Reading.Unreadable unreadable ? unreadable.problems().toString() : null;
    return new DeadLetter(orderId, attributes.get(MessageSystemAttributeName.MESSAGE_GROUP_ID),
        attributes.get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID),
        Integer.parseInt(attributes.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "0")),
        Instant.ofEpochMilli(Long.parseLong(attributes.getOrDefault(MessageSystemAttributeName.SENT_TIMESTAMP, "0"))),
        body.length, problem);
  }

  // ---- the command ----

  static final String USAGE = """
      usage: erp-consumer --queue-url URL --out DIR [--endpoint URL] [--region REGION] [--once]
             erp-consumer --queue-url URL --dlq list|redrive [--dlq-url URL] [--endpoint URL] [--region REGION]

        --queue-url URL   the orders FIFO queue (the stack's OrdersQueueUrl output)
        --out DIR         where each order is written as <orderId>.json (created when missing)
        --endpoint URL    an SQS-compatible endpoint, e.g. the local runner's http://127.0.0.1:9324
        --region REGION   default: AWS_REGION, else us-east-1
        --once            stop when the queue is empty instead of polling forever
        --dlq list        show the messages in the dead-letter queue (they stay there)
        --dlq redrive     move them back to the orders queue, keeping group and deduplication ids
        --dlq-url URL     the dead-letter queue (default: the orders queue's redrive policy)
      Credentials come from the usual AWS sources; with --endpoint and none set, dummy keys are used.
      """;

  /** The command line, parsed. */
  record Options(String queueUrl, Path out, String endpoint, String region, boolean once, String dlq, String dlqUrl) {

    static Options parse(String[] args) {
      String queueUrl = null;
      Path out = null;
      String endpoint = null;
      String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
      boolean once = false;
      String dlq = null;
      String dlqUrl = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--queue-url" -> queueUrl = value(args, ++i);
          case "--out" -> out = Path.of(value(args, ++i));
          case "--endpoint" -> endpoint = value(args, ++i);
          case "--region" -> region = value(args, ++i);
          case "--once" -> once = true;
          case "--dlq" -> dlq = value(args, ++i);
          case "--dlq-url" -> dlqUrl = value(args, ++i);
          default -> throw new IllegalArgumentException("unknown option " + args[i]);
        }
      }
      if (queueUrl == null) {
        throw new IllegalArgumentException("--queue-url is required");
      }
      if (dlq != null && !dlq.equals("list") && !dlq.equals("redrive")) {
        throw new IllegalArgumentException("--dlq takes list or redrive, not " + dlq);
      }
      if (dlq == null && out == null) {
        throw new IllegalArgumentException("--out is required");
      }
      return new Options(queueUrl, out, endpoint, region, once, dlq, dlqUrl);
    }

    private static String value(String[] args, int i) {
      if (i >= args.length) {
        throw new IllegalArgumentException(args[i - 1] + " needs a value");
      }
      return args[i];
    }
  }

  public static void main(String[] args) {
    if (args.length == 0 || List.of(args).contains("--help")) {
      System.out.print(USAGE);
      return;
    }
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    try (SqsClient sqs = client(options)) {
      System.exit(run(options, sqs, System.out));
    }
  }

  static int run(Options options, SqsClient sqs, PrintStream log) {
    Path out = options.out() == null ? Path.of(".") : options.out();
    var consumer = new ErpConsumer(sqs, options.queueUrl(), out, Clock.systemUTC(), log);
    if (options.dlq() != null) {
      String dlqUrl = options.dlqUrl() != null ? options.dlqUrl() : consumer.deadLetterQueueUrl();
      if (options.dlq().equals("list")) {
        List<DeadLetter> letters = consumer.listDeadLetters(dlqUrl);
        letters.forEach(letter -> log.println(letter));
        log.println(letters.size() + " message(s) in " + dlqUrl);
      } else {
        Redrive redrive = consumer.redrive(dlqUrl);
        redrive.moved().forEach(letter -> log.println("moved back " + letter));
        redrive.tooRecent().forEach(letter -> log.println("left (sent less than 5 minutes ago; the orders queue"
            + " would drop it as a duplicate, try again after " + letter.sentAt().plus(DEDUPLICATION_WINDOW) + ") " + letter));
        log.println(redrive.moved().size() + " moved back, " + redrive.tooRecent().size() + " left");
      }
      return 0;
    }
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create " + out, e);
    }
    if (options.once()) {
      consumer.drain(1);
      return 0;
    }
    log.println("polling " + options.queueUrl() + " into " + out.toAbsolutePath() + " (Ctrl-C stops)");
    while (true) {
      try {
        consumer.pollOnce(LONG_POLL_SECONDS);
      } catch (SdkException | UncheckedIOException e) {
        // the queue or the disk failed for a moment: what was not deleted comes again, so wait and go on
        System.err.println("poll failed, retrying in " + RETRY_PAUSE.toSeconds() + " s: " + e.getMessage());
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_PAUSE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static SqsClient client(Options options) {
    var builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.builder().build())
        .region(Region.of(options.region()));
    if (options.endpoint() != null) {
      builder.endpointOverride(URI.create(options.endpoint()));
      if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_PROFILE") == null) {
        // local engines take any keys, and a newcomer should not need to configure any
        builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        return builder.build();
      }
    }
    return builder.credentialsProvider(DefaultCredentialsProvider.builder().build()).build();
  }
}
