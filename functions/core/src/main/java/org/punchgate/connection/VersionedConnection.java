package org.punchgate.connection;

/**
 * A connection as stored, with its optimistic-concurrency version: 1 after it is created, one more after every
 * change. A writer hands back the version it read; a change made meanwhile makes its write fail instead of being
 * overwritten.
 */
public record VersionedConnection(Connection connection, long version) {

  public String id() {
    return connection.id();
  }
}
