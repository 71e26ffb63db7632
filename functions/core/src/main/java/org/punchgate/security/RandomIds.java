package org.punchgate.security;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable identifiers (session ids, token ids, tickets): 128 random bits or more, URL-safe Base64.
 * The generator is replaceable so that SnapStart's {@code afterRestore} can give every restored
 * environment a fresh one: nothing unique may come from state captured in a snapshot.
 */
public final class RandomIds {

  private volatile SecureRandom random;

  public RandomIds() {
    this(new SecureRandom());
  }

  /** With a given generator: tests simulate a snapshot with two generators in the same seeded state. */
  RandomIds(SecureRandom random) {
    this.random = random;
  }

  public String newId() {
    return newId(16);
  }

  public String newId(int bytes) {
    byte[] buffer = new byte[bytes];
    random.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

  public SecureRandom random() {
    return random;
  }

  /** Replaces the generator with a newly seeded one (after a snapshot restore). */
  public void reseed() {
    random = new SecureRandom();
  }
}
