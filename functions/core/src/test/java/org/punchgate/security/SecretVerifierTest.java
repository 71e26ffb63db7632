package org.punchgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.punchgate.testing.Fixtures;

class SecretVerifierTest {

  private static final byte[] KEY = "a-server-side-key-of-32-bytes-at-least".getBytes(StandardCharsets.UTF_8);
  private final SecureRandom random = new SecureRandom();
  private final Fixtures.MutableClock clock = Fixtures.clock();
  private final SecretVerifier verifier = new SecretVerifier(KEY, clock);

  @Test
  void aGeneratedSecretHas192RandomBitsAndItsHashNamesTheScheme() {
    String secret = SecretVerifier.generate(random);
    assertEquals(32, secret.length(), "24 bytes in URL-safe Base64");
    String stored = verifier.hashGenerated(secret);
    assertTrue(stored.startsWith("hmac-sha256$"), stored);
    assertFalse(stored.contains(secret));
    assertTrue(verifier.verify(secret, stored));
    assertFalse(verifier.verify(secret + "x", stored));
  }

  @Test
  void theTableAloneDoesNotLetAnyoneTestASecret() {
    String secret = SecretVerifier.generate(random);
    String stored = verifier.hashGenerated(secret);
    SecretVerifier otherKey = new SecretVerifier("another-key-of-32-bytes-or-more-!!!".getBytes(StandardCharsets.UTF_8), clock);
    assertFalse(otherKey.verify(secret, stored), "without the key the hash proves nothing");
    assertFalse(new SecretVerifier(null, clock).verify(secret, stored), "no key configured: no generated secret works");
  }

  @Test
  void chosenPasswordsKeepPbkdf2() {
    String stored = SecretHash.hash("a person's password", random, 1000);
    assertTrue(stored.startsWith("pbkdf2-sha256$"));
    assertTrue(verifier.verify("a person's password", stored));
    assertFalse(verifier.verify("a person's passw0rd", stored));
  }

  @Test
  void duringARotationOldAndNewBothWorkUntilTheOverlapEnds() {
    String old = SecretVerifier.generate(random);
    String stored = verifier.hashGenerated(old);
    String fresh = SecretVerifier.generate(random);
    Instant until = clock.instant().plus(Duration.ofDays(7));
    String rotated = SecretVerifier.rotated(verifier.hashGenerated(fresh), stored, until);

    assertTrue(verifier.verify(fresh, rotated));
    assertTrue(verifier.verify(old, rotated), "the old secret still works in the overlap");
    clock.advance(Duration.between(clock.instant(), until));
    assertTrue(verifier.verify(fresh, rotated));
    assertFalse(verifier.verify(old, rotated), "and not after it");
    assertEquals(verifier.hashGenerated(fresh), SecretVerifier.current(rotated));
  }

  @Test
  void aSecondRotationDropsTheOldestSecret() {
    String first = SecretVerifier.generate(random);
    String second = SecretVerifier.generate(random);
    String third = SecretVerifier.generate(random);
    Instant until = clock.instant().plus(Duration.ofDays(1));
    String stored = SecretVerifier.rotated(verifier.hashGenerated(second), verifier.hashGenerated(first), until);
    stored = SecretVerifier.rotated(verifier.hashGenerated(third), stored, until);
    assertTrue(verifier.verify(third, stored));
    assertTrue(verifier.verify(second, stored));
    assertFalse(verifier.verify(first, stored));
  }

  @Test
  void malformedStoredValuesNeverMatch() {
    assertFalse(verifier.verify("x", "hmac-sha256$not base64!"));
    assertFalse(verifier.verify("x", "plain-text-password"));
    assertFalse(verifier.verify("x", verifier.hashGenerated("y") + " " + verifier.hashGenerated("x") + "!soon"));
  }

  @Test
  void anUnknownNameCostsADummyOfTheKindTheLastRealCheckMet() {
    RecordedChecks recorded = new RecordedChecks(KEY, clock);
    SecretVerifier verifier = recorded.verifier();
    verifier.verifyAgainstNothing("guess");
    assertEquals(java.util.List.of("HMAC_SHA256 dummy"), recorded.take(), "with a key: generated secrets are typical");

    String chosen = SecretHash.hash("a person's password", random, 1000);
    verifier.verify("wrong", chosen);
    verifier.verifyAgainstNothing("guess");
    assertEquals(java.util.List.of("PBKDF2_SHA256", "PBKDF2_SHA256 dummy"), recorded.take());

    verifier.verify("wrong", verifier.hashGenerated(SecretVerifier.generate(random)));
    verifier.verifyAgainstNothing("guess");
    assertEquals(java.util.List.of("HMAC_SHA256", "HMAC_SHA256 dummy"), recorded.take(),
        "not a PBKDF2 round where known names cost one HMAC");
  }

  @Test
  void aDummyHasTheSchemesWorkFactorAndOverlapOfWhatItStandsFor() {
    String chosen = SecretHash.hash("pw", random, 4321);
    String dummy = SecretVerifier.dummyLike(chosen);
    assertTrue(dummy.startsWith("pbkdf2-sha256$4321$"), dummy);
    assertFalse(verifier.verify("pw", dummy));
    String rotated = SecretVerifier.rotated(verifier.hashGenerated("new-secret-new-secret"), chosen,
        clock.instant().plusSeconds(60));
    String rotatedDummy = SecretVerifier.dummyLike(rotated);
    assertTrue(rotatedDummy.matches("hmac-sha256\\$\\S+ pbkdf2-sha256\\$4321\\$\\S+!" + (clock.instant().getEpochSecond() + 60)),
        rotatedDummy);

    RecordedChecks recorded = new RecordedChecks(KEY, clock);
    recorded.verifier().verifyAgainstNothing("guess", rotated);
    assertEquals(java.util.List.of("HMAC_SHA256 dummy", "PBKDF2_SHA256 dummy"), recorded.take(),
        "in an overlap a real check computes two hashes, and so does the dummy");
  }
}
