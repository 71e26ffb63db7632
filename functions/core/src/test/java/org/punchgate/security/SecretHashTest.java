package org.punchgate.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SecretHashTest {

  private final SecureRandom random = new SecureRandom();

  @Test
  void verifiesTheRightSecretOnly() {
    String stored = SecretHash.hash("s3cr3t$pass", random, 2_000);
    assertTrue(SecretHash.verify("s3cr3t$pass", stored));
    assertFalse(SecretHash.verify("s3cr3t$pasS", stored));
    assertFalse(SecretHash.verify("", stored));
    assertFalse(SecretHash.verify(null, stored));
  }

  @Test
  void saltsEveryHashAndStoresItsWorkFactor() {
    String a = SecretHash.hash("same", random, 2_000);
    String b = SecretHash.hash("same", random, 2_000);
    assertNotEquals(a, b);
    assertTrue(a.startsWith("pbkdf2-sha256$2000$"));
    assertTrue(SecretHash.hash("x", random).startsWith("pbkdf2-sha256$" + SecretHash.DEFAULT_ITERATIONS + "$"));
  }

  @Test
  void malformedStoredHashesNeverMatch() {
    assertFalse(SecretHash.verify("x", "plain-text-password"));
    assertFalse(SecretHash.verify("x", "pbkdf2-sha256$abc$AAAA$AAAA"));
    assertFalse(SecretHash.verify("x", null));
    assertFalse(SecretHash.verify("x".repeat(5000), SecretHash.hash("x".repeat(5000), random, 1000)));
  }
}
