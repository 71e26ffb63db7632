package org.punchgate.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.punchgate.security.SecretVerifier;

/** Checks a posted user name and password against a connection, spending the same work whatever is wrong. */
public final class PasswordCheck {

  private PasswordCheck() {}

  /** PBKDF2 hashes only (no key for generated secrets). */
  public static boolean matches(Connection connection, String username, String password) {
    return matches(connection, username, password, new SecretVerifier(null, java.time.Clock.systemUTC()));
  }

  public static boolean matches(Connection connection, String username, String password, SecretVerifier secrets) {
    boolean passwordOk = secrets.verify(password, connection.secretHash()); // always spend the work
    boolean userOk = username != null && connection.username() != null && MessageDigest.isEqual(
        username.getBytes(StandardCharsets.UTF_8), connection.username().getBytes(StandardCharsets.UTF_8));
    return passwordOk & userOk;
  }
}
