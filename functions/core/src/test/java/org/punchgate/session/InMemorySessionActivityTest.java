package org.punchgate.session;

/** The activity contract on the in-memory session store. */
class InMemorySessionActivityTest extends SessionActivityContract {

  private final InMemorySessionStore store = new InMemorySessionStore();

  @Override
  protected SessionStore sessions() {
    return store;
  }

  @Override
  protected SessionActivity activity() {
    return store;
  }
}
