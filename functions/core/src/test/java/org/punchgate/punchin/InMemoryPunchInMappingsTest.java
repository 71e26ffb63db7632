package org.punchgate.punchin;

/** The mappings contract on the in-memory store that unit tests and the benchmark use. */
class InMemoryPunchInMappingsTest extends PunchInMappingsContract {

  private final InMemoryPunchInMappings store = new InMemoryPunchInMappings();

  @Override
  protected PunchInMappings store() {
    return store;
  }
}
