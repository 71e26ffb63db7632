package org.punchgate.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretHash;
import org.punchgate.security.SecretVerifier;
import org.punchgate.validation.Violation;

/**
 * Sets and rotates a connection's secrets and manages its users (README "Users and secrets"): a chosen secret is
 * hashed with PBKDF2, a generated one (192 random bits) with the keyed HMAC and handed back once. A rotation keeps
 * the previous secret working for an overlap, so a buyer's system can switch without a failed login. Each change
 * reads the connection with its version and replaces exactly that version; when another change came in between,
 * it reads again, a few times, and then reports the conflict.
 */
public final class ConnectionSecrets {

  /** Reads and replaces tried before a concurrent change is reported as a conflict. */
  static final int MAX_ATTEMPTS = 3;

  private final ConnectionStore connections;
  private final SecretVerifier secrets;
  private final RandomIds ids; // asked for its generator on each use: SnapStart's afterRestore replaces it
  private final Clock clock;

  public ConnectionSecrets(ConnectionStore connections, SecretVerifier secrets, RandomIds ids, Clock clock) {
    this.connections = connections;
    this.secrets = secrets;
    this.ids = ids;
    this.clock = clock;
  }

  /** How a change ends; the admin routes turn each into one answer. */
  public sealed interface Outcome {
    /** Stored at {@code version}; {@code generatedSecret} only when generated (shown this once). */
    record Saved(long version, String username, boolean newUser, String generatedSecret, Instant previousValidUntil)
        implements Outcome {
      @Override
      public String toString() {
        return "Saved[version=" + version + ", username=" + username + ", newUser=" + newUser + "]";
      }
    }

    record UserDeleted(long version) implements Outcome {}

    record UnknownConnection() implements Outcome {}

    record UnknownUser() implements Outcome {}

    /** The change does not fit the connection (a user for cXML, a bad name). */
    record Refused(String title, List<Violation> problems) implements Outcome {}

    /** Removing this user would leave the connection without any: every login would be refused. */
    record LastUser(String username) implements Outcome {
      public String detail() {
        return "User " + username + " is the connection's last user: add another one first, or switch the connection"
            + " off (active: false).";
      }
    }

    /** Another change kept coming in between read and replace. */
    record Conflict(long currentVersion) implements Outcome {}
  }

  /** Whether generated secrets can be made here: they need the server-side key. */
  public boolean canGenerate() {
    return secrets.canHashGenerated();
  }

  /** Sets the connection's secret: the cXML shared secret, or the first user's of an OCI or PEPPOL connection. */
  public Outcome setSecret(String connectionId, NewSecret secret) {
    Hashed hashed = hash(secret);
    return change(connectionId, secret, hashed, connection -> {
      Instant until = overlapEnd(connection.secretHash(), secret);
      return new Change(connection.withSecretHash(stored(hashed.hash(), connection.secretHash(), until)),
          connection.username(), false, until);
    });
  }

  /** Adds the user {@code username} with the secret, or gives the existing one the new secret (with an overlap). */
  public Outcome putUser(String connectionId, String username, NewSecret secret) {
    Optional<String> nameProblem = LoginCheck.usernameProblem(username);
    if (nameProblem.isPresent()) {
      return new Outcome.Refused("Invalid user", List.of(new Violation("user.name", "$.username", nameProblem.get())));
    }
    Hashed hashed = hash(secret);
    return change(connectionId, secret, hashed, connection -> {
      if (connection.format() == ConnectionFormat.CXML) {
        return cxmlHasNoUsers();
      }
      List<ConnectionUser> users = new ArrayList<>(connection.users());
      for (int i = 0; i < users.size(); i++) {
        if (users.get(i).username().equals(username)) {
          Instant until = overlapEnd(users.get(i).secretHash(), secret);
          users.set(i, new ConnectionUser(username, stored(hashed.hash(), users.get(i).secretHash(), until)));
          return new Change(connection.withUsers(users), username, false, until);
        }
      }
      users.add(new ConnectionUser(username, hashed.hash()));
      return new Change(connection.withUsers(users), username, true, null);
    });
  }

  /** Removes the user {@code username}; the next one becomes the first when the first goes. */
  public Outcome deleteUser(String connectionId, String username) {
    return change(connectionId, null, null, connection -> {
      if (connection.format() == ConnectionFormat.CXML) {
        return cxmlHasNoUsers();
      }
      List<ConnectionUser> users = new ArrayList<>(connection.users());
      if (!users.removeIf(u -> u.username().equals(username))) {
        return new Stop(new Outcome.UnknownUser());
      }
      if (users.isEmpty()) {
        return new Stop(new Outcome.LastUser(username));
      }
      return new Change(connection.withUsers(users), username, false, null);
    });
  }

  /** The connection after a change, who it concerns and until when the previous secret works. */
  private record Change(Connection connection, String username, boolean newUser, Instant previousValidUntil)
      implements Step {}

  /** What one attempt makes of the connection it read: a change to store, or an outcome without a write. */
  private sealed interface Step permits Change, Stop {}

  private record Stop(Outcome outcome) implements Step {}

  private record Hashed(String hash, String generatedSecret) {}

  private Outcome change(String connectionId, NewSecret secret, Hashed hashed,
      java.util.function.Function<Connection, Step> modify) {
    if (connectionId == null || connectionId.length() > Connection.MAX_ID_CHARS) {
      return new Outcome.UnknownConnection();
    }
    for (int attempt = 1; ; attempt++) {
      Optional<VersionedConnection> read = connections.read(connectionId);
      if (read.isEmpty()) {
        return new Outcome.UnknownConnection();
      }
      Change change;
      switch (modify.apply(read.get().connection())) {
        case Stop stop -> {
          return stop.outcome();
        }
        case Change c -> change = c;
      }
      switch (connections.replace(change.connection(), read.get().version())) {
        case ConnectionChange.Saved saved -> {
          if (secret == null) { // no new secret: the change removed a user
            return new Outcome.UserDeleted(saved.stored().version());
          }
          return new Outcome.Saved(saved.stored().version(), change.username(), change.newUser(),
              hashed.generatedSecret(), change.previousValidUntil());
        }
        case ConnectionChange.NotFound n -> {
          return new Outcome.UnknownConnection();
        }
        case ConnectionChange.VersionConflict conflict -> {
          if (attempt >= MAX_ATTEMPTS) {
            return new Outcome.Conflict(conflict.currentVersion());
          }
        }
        case ConnectionChange.AliasTaken taken -> // a secret change keeps the aliases: someone else's change
            throw new IllegalStateException("a secret change moved an alias of connection " + connectionId);
        case ConnectionChange.AlreadyExists e -> throw new IllegalStateException("a replace never creates");
        case ConnectionChange.Deleted d -> throw new IllegalStateException("a replace never deletes");
      }
    }
  }

  private Hashed hash(NewSecret secret) {
    if (secret.generated()) {
      String generated = SecretVerifier.generate(ids.random());
      return new Hashed(secrets.hashGenerated(generated), generated);
    }
    return new Hashed(SecretHash.hash(secret.chosen(), ids.random()), null);
  }

  /** The end of the overlap, or null: none asked for, or no previous secret that could go on working. */
  private Instant overlapEnd(String previous, NewSecret secret) {
    return previous == null || secret.overlapMinutes() == 0 ? null
        : clock.instant().plus(Duration.ofMinutes(secret.overlapMinutes()));
  }

  private static String stored(String newHash, String previous, Instant until) {
    return until == null ? newHash : SecretVerifier.rotated(newHash, previous, until);
  }

  private static Stop cxmlHasNoUsers() {
    return new Stop(new Outcome.Refused("Invalid user", List.of(new Violation("user.cxml", "$.username", "users are for"
        + " OCI and PEPPOL logins: a cXML connection has one shared secret, set with POST .../secret"))));
  }
}
