package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.security.RecordedChecks;
import org.punchgate.security.SecretVerifier;
import org.punchgate.testing.Fixtures;

class PasswordCheckTest {

  private static final byte[] KEY = "password-check-test-key-32-bytes!!".getBytes(StandardCharsets.UTF_8);
  private final RecordedChecks recorded = new RecordedChecks(KEY, Fixtures.clock());
  private final SecretVerifier secrets = recorded.verifier();

  /** demo with three users: the legacy first one (chosen password), and two with generated secrets. */
  private Connection connection() {
    return Fixtures.ociConnection("demo", ConnectionFormat.OCI_4_0).withUsers(List.of(
        new ConnectionUser("buyer1", secrets.hashGenerated("secret-of-buyer-one")),
        new ConnectionUser("buyer2", secrets.hashGenerated("secret-of-buyer-two"))));
  }

  @Test
  void everyUserLogsInWithItsOwnSecretOnly() {
    Connection c = connection();
    assertEquals("buyer1", PasswordCheck.user(c, "buyer1", "secret-of-buyer-one", secrets).orElseThrow().username());
    assertEquals("buyer2", PasswordCheck.user(c, "buyer2", "secret-of-buyer-two", secrets).orElseThrow().username());
    assertTrue(PasswordCheck.user(c, "buyer1", "secret-of-buyer-two", secrets).isEmpty(), "another user's secret");
    assertTrue(PasswordCheck.user(c, "Buyer1", "secret-of-buyer-one", secrets).isEmpty(), "names are exact");
  }

  @Test
  void theLegacyUserIsTheFirstAndKeepsItsPassword() {
    Connection c = Fixtures.ociConnection("demo", ConnectionFormat.OCI_4_0);
    c = c.withUsers(List.of(c.users().get(0), new ConnectionUser("second", secrets.hashGenerated("second-secret"))));
    assertEquals("demo", c.username());
    assertEquals("demo", PasswordCheck.user(c, "demo", "demo-pass", secrets).orElseThrow().username());
    assertEquals("second", PasswordCheck.user(c, "second", "second-secret", secrets).orElseThrow().username());
  }

  @Test
  void anUnknownUserCostsOneCheckOfTheKindAKnownUserCosts() {
    Connection c = connection();
    recorded.take();
    assertTrue(PasswordCheck.user(c, "buyer2", "wrong", secrets).isEmpty());
    assertEquals(List.of("HMAC_SHA256"), recorded.take());
    assertTrue(PasswordCheck.user(c, "nobody", "secret-of-buyer-one", secrets).isEmpty());
    assertEquals(List.of("HMAC_SHA256 dummy"), recorded.take(), "one HMAC, not a PBKDF2 round nor nothing");
    assertTrue(PasswordCheck.user(c, null, "x", secrets).isEmpty());
    assertEquals(List.of("HMAC_SHA256 dummy"), recorded.take());
    assertTrue(PasswordCheck.user(c, "buyer1", null, secrets).isEmpty());
    assertTrue(PasswordCheck.user(c, "nobody", null, secrets).isEmpty());
    assertEquals(List.of(), recorded.take(), "no password: no check, known name or not");
  }
}
