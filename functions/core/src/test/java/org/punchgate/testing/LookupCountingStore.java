package org.punchgate.testing;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.connection.ConnectionStore;

/**
 * A store that counts the login lookups ({@code find}, {@code findByAlias}) it passes on: tests show that a key
 * DynamoDB would refuse (over 2048 bytes) never reaches a store.
 */
public final class LookupCountingStore extends ForwardingConnectionStore {

  private final AtomicInteger lookups = new AtomicInteger();

  public LookupCountingStore(ConnectionStore delegate) {
    super(delegate);
  }

  public int lookups() {
    return lookups.get();
  }

  @Override
  public Optional<Connection> find(String connectionId) {
    lookups.incrementAndGet();
    return super.find(connectionId);
  }

  @Override
  public Optional<Connection> findByAlias(ConnectionAlias alias) {
    lookups.incrementAndGet();
    return super.findByAlias(alias);
  }
}
