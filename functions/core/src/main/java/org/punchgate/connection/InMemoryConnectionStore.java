package org.punchgate.connection;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Connections in memory, for unit tests and the benchmark's CPU-only runs. */
public final class InMemoryConnectionStore implements ConnectionStore {

  private final ConcurrentMap<String, Connection> connections = new ConcurrentHashMap<>();

  @Override
  public Optional<Connection> find(String connectionId) {
    return Optional.ofNullable(connections.get(connectionId));
  }

  @Override
  public Optional<Connection> findByAlias(ConnectionAlias alias) {
    return connections.values().stream().filter(c -> c.hasAlias(alias)).findFirst();
  }

  @Override
  public void put(Connection connection) {
    connections.put(connection.id(), connection);
  }
}
