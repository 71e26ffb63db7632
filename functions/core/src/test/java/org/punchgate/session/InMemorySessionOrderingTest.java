package org.punchgate.session;

import org.punchgate.order.OrderOutbox;

/** The ordering contract on the in-memory store that unit tests and the benchmark use. */
class InMemorySessionOrderingTest extends SessionOrderingContract {

  private final InMemorySessionStore store = new InMemorySessionStore();

  @Override
  protected SessionStore store() {
    return store;
  }

  @Override
  protected SessionOrders orders() {
    return store;
  }

  @Override
  protected OrderOutbox outbox() {
    return store.outbox();
  }
}
