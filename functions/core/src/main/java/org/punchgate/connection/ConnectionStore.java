package org.punchgate.connection;

import java.util.Optional;

/** Where connections live (the mappings table). */
public interface ConnectionStore {

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

  /** Creates or replaces a connection, with its lookup entries, atomically. */
  void put(Connection connection);
}
