package org.punchgate.punchin;

/** The replay contract on the in-memory store. */
class InMemoryPunchInReplaysTest extends PunchInReplaysContract {

  private final InMemoryPunchInReplays store = new InMemoryPunchInReplays();

  @Override
  protected PunchInReplays store() {
    return store;
  }
}
