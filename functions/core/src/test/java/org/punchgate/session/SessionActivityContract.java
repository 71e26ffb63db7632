package org.punchgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.testing.Fixtures;

/**
 * What the admin list reads of a connection's sessions: a subclass names the session store and its activity view.
 * Connection ids are unique per test, so one table may serve all of them.
 */
public abstract class SessionActivityContract {

  protected abstract SessionStore sessions();

  protected abstract SessionActivity activity();

  private static final Instant NOW = Fixtures.NOW;

  @Test
  void countsTheOpenSessionsAndTellsWhenTheLastOneBegan() {
    Connection connection = Fixtures.ociConnection("activity-" + UUID.randomUUID(), ConnectionFormat.OCI_4_0);
    Connection other = Fixtures.ociConnection("activity-other-" + UUID.randomUUID(), ConnectionFormat.OCI_4_0);
    create(connection, Duration.ofHours(-3)); // expired two hours ago
    create(connection, Duration.ofMinutes(-40));
    String transferred = create(connection, Duration.ofMinutes(-20));
    Instant lastLogin = NOW.minus(Duration.ofMinutes(5)).plusMillis(123);
    create(connection, Duration.between(NOW, lastLogin));
    create(other, Duration.ofMinutes(-1));
    sessions().close(transferred, SessionStatus.TRANSFERRED, Fixtures.cart(), NOW);

    assertEquals(new SessionActivity.ConnectionActivity(lastLogin, 2), activity().of(connection.id(), NOW));
    assertEquals(new SessionActivity.ConnectionActivity(lastLogin, 0), activity().of(connection.id(),
        NOW.plus(Duration.ofHours(2))), "later, every session has expired");
    assertEquals(Map.of(connection.id(), new SessionActivity.ConnectionActivity(lastLogin, 2),
            other.id(), new SessionActivity.ConnectionActivity(NOW.minus(Duration.ofMinutes(1)), 1)),
        activity().of(List.of(connection.id(), other.id()), NOW), "several connections at once");
  }

  @Test
  void aConnectionWithoutSessionsHasNoLastLogin() {
    assertEquals(new SessionActivity.ConnectionActivity(null, 0), activity().of("never-" + UUID.randomUUID(), NOW));
  }

  /** A session that began {@code ago} before {@link #NOW} and lasts an hour; its id. */
  private String create(Connection connection, Duration ago) {
    String id = "activity-" + UUID.randomUUID();
    Instant createdAt = NOW.plus(ago);
    sessions().create(new Session(id, connection.withoutSecret(), connection.username(), SessionStatus.OPEN, createdAt,
        createdAt.plus(Duration.ofHours(1)), new CallUp.Oci(Map.of()), Map.of(), null, null, null), null);
    return id;
  }
}
