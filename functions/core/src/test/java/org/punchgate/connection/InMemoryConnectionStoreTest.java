package org.punchgate.connection;

/** The connection contract on the in-memory store that unit tests and the benchmark use. */
class InMemoryConnectionStoreTest extends ConnectionStoreContract {

  private final InMemoryConnectionStore store = new InMemoryConnectionStore();

  @Override
  protected ConnectionStore store() {
    return store;
  }
}
