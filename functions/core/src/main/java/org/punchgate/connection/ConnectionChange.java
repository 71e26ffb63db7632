package org.punchgate.connection;

/** The outcome of a versioned write to a {@link ConnectionStore}: callers handle each case in one switch. */
public sealed interface ConnectionChange {

  /** Created or replaced: the connection as now stored, with its new version. */
  record Saved(VersionedConnection stored) implements ConnectionChange {}

  /** Deleted with its lookup entries. */
  record Deleted() implements ConnectionChange {}

  /** A create found a connection with this id. */
  record AlreadyExists(long currentVersion) implements ConnectionChange {}

  /** A replace or delete found no connection with this id. */
  record NotFound() implements ConnectionChange {}

  /** A replace or delete named a version that is no longer the stored one. */
  record VersionConflict(long currentVersion) implements ConnectionChange {}

  /** The connection would log in by an alias (a cXML Sender) that another connection already has. */
  record AliasTaken(ConnectionAlias alias, String ownerId) implements ConnectionChange {}
}
