package org.punchgate.connection;

import java.util.List;
import java.util.Optional;

/**
 * Where connections live (the mappings table). A connection's lookup entries (its aliases: cXML Sender credentials)
 * change in the same atomic step as the connection, and an alias belongs to one connection at a time. Changes are
 * versioned ({@link VersionedConnection}): the admin API replaces and deletes only the version it read.
 */
public interface ConnectionStore {

  /** How often {@link #put} retries when another writer changed the connection between its read and its write. */
  int MAX_PUT_ATTEMPTS = 10;

  Optional<Connection> find(String connectionId);

  /**
   * The connection a caller names in a URL or form, or empty: no id, or one longer than any connection id,
   * is unknown without a read.
   */
  default Optional<Connection> findNamed(String connectionId) {
    return connectionId == null || connectionId.length() > Connection.MAX_ID_CHARS ? Optional.empty()
        : find(connectionId);
  }

  /** The connection found by a protocol alias (a cXML Sender credential, ...). */
  Optional<Connection> findByAlias(ConnectionAlias alias);

  /** The connection with its version (a consistent read: what a following replace is checked against). */
  Optional<VersionedConnection> read(String connectionId);

  /** Every connection with its version, sorted by id (the admin list; not for a login path). */
  List<VersionedConnection> list();

  /** Stores a new connection at version 1: {@code AlreadyExists} when the id is taken, {@code AliasTaken}. */
  ConnectionChange create(Connection connection);

  /**
   * Replaces the connection if it is still at {@code expectedVersion}; its version becomes one more. Aliases it no
   * longer has stop finding it, new ones find it, all in the same atomic step. {@code NotFound},
   * {@code VersionConflict} or {@code AliasTaken} leave everything as it was.
   */
  ConnectionChange replace(Connection connection, long expectedVersion);

  /** Deletes the connection and its alias entries if it is still at {@code expectedVersion}. */
  ConnectionChange delete(String connectionId, long expectedVersion);

  /**
   * Creates or replaces a connection whatever its version (seed files, the benchmark, priming): a write that lost
   * a race reads again and retries. An alias that another connection has is a mistake in the caller's data.
   */
  default VersionedConnection put(Connection connection) {
    for (int attempt = 1; ; attempt++) {
      ConnectionChange change = read(connection.id())
          .map(current -> replace(connection, current.version()))
          .orElseGet(() -> create(connection));
      switch (change) {
        case ConnectionChange.Saved saved -> {
          return saved.stored();
        }
        case ConnectionChange.AliasTaken taken -> throw new IllegalArgumentException("connection " + connection.id()
            + ": " + taken.alias().key() + " already belongs to connection " + taken.ownerId());
        case ConnectionChange.AlreadyExists e -> { } // created meanwhile: read again
        case ConnectionChange.VersionConflict c -> { } // changed meanwhile: read again
        case ConnectionChange.NotFound n -> { } // deleted meanwhile: create
        case ConnectionChange.Deleted d -> throw new IllegalStateException("a write never deletes");
      }
      if (attempt >= MAX_PUT_ATTEMPTS) {
        throw new IllegalStateException("connection " + connection.id() + " kept changing while it was written");
      }
    }
  }
}
