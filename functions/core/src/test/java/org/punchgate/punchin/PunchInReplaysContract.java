package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.punchgate.punchin.PunchInReplays.Key;
import org.punchgate.punchin.PunchInReplays.Recorded;
import org.punchgate.punchin.PunchInReplays.Reply;

/** What every {@link PunchInReplays} must do; keys are unique per test, so one store may serve all tests. */
public abstract class PunchInReplaysContract {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  protected abstract PunchInReplays store();

  static Reply reply(Key key, String fingerprint, String body) {
    return new Reply(key, fingerprint, 200, "application/xml", body.getBytes(StandardCharsets.UTF_8), "ORD-1", NOW);
  }

  static Key newKey() {
    return Key.of("demo-punchin", "0088:" + UUID.randomUUID(), "PO-1");
  }

  @Test
  void theFirstAnswerIsRecordedAndTheSameDocumentGetsItAgain() {
    Key key = newKey();
    Reply first = reply(key, "sha256:aa", "<OrderResponse>AP</OrderResponse>");
    assertInstanceOf(Recorded.First.class, store().record(first, NOW));
    Recorded again = store().record(reply(key, "sha256:aa", "<OrderResponse>second</OrderResponse>"), NOW.plusSeconds(5));
    Reply original = assertInstanceOf(Recorded.Replay.class, again).original();
    assertArrayEquals(first.body(), original.body());
    assertEquals("application/xml", original.contentType());
    assertEquals(200, original.status());
    assertEquals("ORD-1", original.orderId());
    assertArrayEquals(first.body(), store().find(key, NOW).orElseThrow().body());
  }

  @Test
  void anotherDocumentWithTheSameBuyersOrderNumberIsADuplicateOrderNumber() {
    Key key = newKey();
    store().record(reply(key, "payload:1@buyer", "first"), NOW);
    Recorded other = store().record(reply(key, "payload:2@buyer", "other"), NOW);
    assertEquals("payload:1@buyer", assertInstanceOf(Recorded.DuplicateOrderNumber.class, other).original().fingerprint());
  }

  @Test
  void theAnswerIsKeptForAtLeast72Hours() {
    Key key = newKey();
    store().record(reply(key, "sha256:bb", "kept"), NOW);
    Instant later = NOW.plus(Duration.ofHours(72));
    assertTrue(store().find(key, later).isPresent());
    assertInstanceOf(Recorded.Replay.class, store().record(reply(key, "sha256:bb", "x"), later));
    assertTrue(store().find(key, NOW.plus(PunchInReplays.RETENTION).plusSeconds(60)).isEmpty(), "then it expires");
  }

  @Test
  void concurrentIdenticalPostsRecordOneAnswer() throws Exception {
    Key key = newKey();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Recorded>> outcomes = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String body = "answer-" + i;
        outcomes.add(pool.submit(() -> store().record(reply(key, "sha256:cc", body), NOW)));
      }
      int first = 0;
      for (Future<Recorded> f : outcomes) {
        if (f.get() instanceof Recorded.First) {
          first++;
        } else {
          assertInstanceOf(Recorded.Replay.class, f.get());
        }
      }
      assertEquals(1, first);
    } finally {
      pool.shutdownNow();
    }
  }
}
