package org.punchgate.link;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where login links live (the mappings table). Revocation is one conditional write. */
public interface LoginLinkStore {

  /** Stores a new link; its id is the hash of a fresh secret, so it is new. */
  void create(LoginLink link);

  /** The link with this public id (the hash of its secret). */
  Optional<LoginLink> find(String linkId);

  /** Every link of a connection, revoked and expired ones included, oldest first. */
  List<LoginLink> byConnection(String connectionId);

  /** Revokes a link once: the outcome says whether it was revoked now, before, or never existed. */
  Revocation revoke(String linkId, Instant now);

  sealed interface Revocation {
    record Revoked(LoginLink link) implements Revocation {}

    record AlreadyRevoked(LoginLink link) implements Revocation {}

    record NotFound() implements Revocation {}
  }
}
