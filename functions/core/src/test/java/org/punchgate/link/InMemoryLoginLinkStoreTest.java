package org.punchgate.link;

/** The login link contract on the in-memory store. */
class InMemoryLoginLinkStoreTest extends LoginLinkStoreContract {

  private final InMemoryLoginLinkStore store = new InMemoryLoginLinkStore();

  @Override
  protected LoginLinkStore store() {
    return store;
  }
}
