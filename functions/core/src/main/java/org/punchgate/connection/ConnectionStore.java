package org.punchgate.connection;

import java.util.Optional;

/** Where connections live (the mappings table). */
public interface ConnectionStore {

  Optional<Connection> find(String connectionId);

  /** The cXML connection whose Sender credential this is (domain case-insensitive). */
  Optional<Connection> findByCxmlSender(String domain, String identity);

  /** Creates or replaces a connection, with its lookup entries, atomically. */
  void put(Connection connection);
}
