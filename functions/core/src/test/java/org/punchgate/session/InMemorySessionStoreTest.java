package org.punchgate.session;

/** The session contract on the in-memory store that unit tests and the benchmark use. */
class InMemorySessionStoreTest extends SessionStoreContract {

  private final InMemorySessionStore store = new InMemorySessionStore();

  @Override
  protected SessionStore store() {
    return store;
  }
}
