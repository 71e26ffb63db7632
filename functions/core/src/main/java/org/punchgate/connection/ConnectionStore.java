package org.punchgate.connection;

import java.util.Optional;

/** Where connections live (the mappings table). */
public interface ConnectionStore {

  Optional<Connection> find(String connectionId);

  /** The connection found by a protocol alias (a cXML Sender credential, ...). */
  Optional<Connection> findByAlias(ConnectionAlias alias);

  /** Creates or replaces a connection, with its lookup entries, atomically. */
  void put(Connection connection);
}
