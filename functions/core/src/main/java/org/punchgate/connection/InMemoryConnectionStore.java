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
  public Optional<Connection> findByCxmlSender(String domain, String identity) {
    return connections.values().stream()
        .filter(c -> c.cxml() != null && c.cxml().sender().stream().anyMatch(s -> s.matches(domain, identity)))
        .findFirst();
  }

  @Override
  public void put(Connection connection) {
    connections.put(connection.id(), connection);
  }
}
