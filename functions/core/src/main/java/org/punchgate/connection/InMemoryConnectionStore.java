package org.punchgate.connection;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Connections in memory, for unit tests and the benchmark's CPU-only runs. Reads need no lock; writes take the
 * store's lock, so a version check and its write are one step, as in a DynamoDB transaction.
 */
public final class InMemoryConnectionStore implements ConnectionStore {

  private final ConcurrentMap<String, VersionedConnection> connections = new ConcurrentHashMap<>();

  @Override
  public Optional<Connection> find(String connectionId) {
    return read(connectionId).map(VersionedConnection::connection);
  }

  @Override
  public Optional<Connection> findByAlias(ConnectionAlias alias) {
    return connections.values().stream().map(VersionedConnection::connection).filter(c -> c.hasAlias(alias))
        .findFirst();
  }

  @Override
  public Optional<VersionedConnection> read(String connectionId) {
    return Optional.ofNullable(connections.get(connectionId));
  }

  @Override
  public List<VersionedConnection> list() {
    return connections.values().stream().sorted(Comparator.comparing(VersionedConnection::id)).toList();
  }

  @Override
  public synchronized ConnectionChange create(Connection connection) {
    VersionedConnection current = connections.get(connection.id());
    if (current != null) {
      return new ConnectionChange.AlreadyExists(current.version());
    }
    return save(connection, 1);
  }

  @Override
  public synchronized ConnectionChange replace(Connection connection, long expectedVersion) {
    VersionedConnection current = connections.get(connection.id());
    if (current == null) {
      return new ConnectionChange.NotFound();
    }
    if (current.version() != expectedVersion) {
      return new ConnectionChange.VersionConflict(current.version());
    }
    return save(connection, expectedVersion + 1);
  }

  @Override
  public synchronized ConnectionChange delete(String connectionId, long expectedVersion) {
    VersionedConnection current = connections.get(connectionId);
    if (current == null) {
      return new ConnectionChange.NotFound();
    }
    if (current.version() != expectedVersion) {
      return new ConnectionChange.VersionConflict(current.version());
    }
    connections.remove(connectionId);
    return new ConnectionChange.Deleted();
  }

  private ConnectionChange save(Connection connection, long version) {
    List<ConnectionAlias> aliases = connection.protocol() == null ? List.of() : connection.protocol().aliases();
    for (ConnectionAlias alias : aliases) {
      Optional<Connection> owner = findByAlias(alias).filter(c -> !c.id().equals(connection.id()));
      if (owner.isPresent()) {
        return new ConnectionChange.AliasTaken(alias, owner.get().id());
      }
    }
    VersionedConnection stored = new VersionedConnection(connection, version);
    connections.put(connection.id(), stored);
    return new ConnectionChange.Saved(stored);
  }
}
