package org.punchgate.punchin;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** PunchIn replay records in memory, for unit tests and the benchmark; atomic like the conditional write. */
public final class InMemoryPunchInReplays implements PunchInReplays {

  private final ConcurrentMap<Key, Reply> replies = new ConcurrentHashMap<>();

  @Override
  public Recorded record(Reply reply, Instant now) {
    Reply[] existing = new Reply[1];
    replies.compute(reply.key(), (k, old) -> {
      if (old != null && !expired(old, now)) {
        existing[0] = old;
        return old;
      }
      return reply;
    });
    return existing[0] == null ? new Recorded.First() : Recorded.of(existing[0], reply);
  }

  @Override
  public Optional<Reply> find(Key key, Instant now) {
    return Optional.ofNullable(replies.get(key)).filter(r -> !expired(r, now));
  }

  private static boolean expired(Reply reply, Instant now) {
    return reply.at().plus(RETENTION).isBefore(now);
  }
}
