package org.punchgate.testing;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.connection.ConnectionChange;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.VersionedConnection;

/**
 * A store that counts the login lookups ({@code find}, {@code findByAlias}) it passes on: tests show that a key
 * DynamoDB would refuse (over 2048 bytes) never reaches a store.
 */
public final class LookupCountingStore implements ConnectionStore {

  private final ConnectionStore delegate;
  private final AtomicInteger lookups = new AtomicInteger();

  public LookupCountingStore(ConnectionStore delegate) {
    this.delegate = delegate;
  }

  public int lookups() {
    return lookups.get();
  }

  @Override
  public Optional<Connection> find(String connectionId) {
    lookups.incrementAndGet();
    return delegate.find(connectionId);
  }

  @Override
  public Optional<Connection> findByAlias(ConnectionAlias alias) {
    lookups.incrementAndGet();
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
