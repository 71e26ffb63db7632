package org.punchgate.testing;

import java.util.List;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.connection.ConnectionChange;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.VersionedConnection;

/** A store that passes every call on to another: test stores override only the calls they watch or disturb. */
public abstract class ForwardingConnectionStore implements ConnectionStore {

  protected final ConnectionStore delegate;

  protected ForwardingConnectionStore(ConnectionStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<Connection> find(String connectionId) {
    return delegate.find(connectionId);
  }

  @Override
  public Optional<Connection> findByAlias(ConnectionAlias alias) {
    return delegate.findByAlias(alias);
  }

  @Override
  public Optional<VersionedConnection> read(String connectionId) {
    return delegate.read(connectionId);
  }

  @Override
  public List<VersionedConnection> list() {
    return delegate.list();
  }

  @Override
  public ConnectionChange create(Connection connection) {
    return delegate.create(connection);
  }

  @Override
  public ConnectionChange replace(Connection connection, long expectedVersion) {
    return delegate.replace(connection, expectedVersion);
  }

  @Override
  public ConnectionChange delete(String connectionId, long expectedVersion) {
    return delegate.delete(connectionId, expectedVersion);
  }
}
