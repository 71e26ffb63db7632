package org.punchgate.security;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link SecretVerifier} that records every hash it computes ("HMAC_SHA256", "PBKDF2_SHA256 dummy", ...), so a
 * test shows that an unknown name is checked against a dummy of the right kind without measuring time.
 */
public final class RecordedChecks {

  private final List<String> checks = new CopyOnWriteArrayList<>();
  private final SecretVerifier verifier;

  public RecordedChecks(byte[] key, Clock clock) {
    this.verifier = new SecretVerifier(key, clock,
        check -> checks.add(check.scheme() + (check.dummy() ? " dummy" : "")));
  }

  public SecretVerifier verifier() {
    return verifier;
  }

  /** The checks since the last call, in order. */
  public List<String> take() {
    List<String> taken = List.copyOf(checks);
    checks.clear();
    return taken;
  }
}
