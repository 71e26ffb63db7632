package org.punchgate.connection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.punchgate.security.SecretVerifier;

/**
 * Checks a posted user name and password against the users of a connection (OCI, PEPPOL). Every user name is
 * compared, in constant time, and exactly one secret check runs: the named user's, or for a name the connection
 * does not have a dummy of the same kind as its first user's, so an unknown name costs what a wrong password costs.
 */
public final class PasswordCheck {

  private PasswordCheck() {}

  /** The user who logged in, or empty when the name is unknown or the password wrong. */
  public static Optional<ConnectionUser> user(Connection connection, String username, String password,
      SecretVerifier secrets) {
    List<ConnectionUser> users = connection.users();
    byte[] given = username == null ? null : username.getBytes(StandardCharsets.UTF_8);
    ConnectionUser named = null;
    for (ConnectionUser user : users) { // no early exit: the position of a name does not show in the time taken
      boolean same = given != null && user.username() != null
          && MessageDigest.isEqual(given, user.username().getBytes(StandardCharsets.UTF_8));
      if (same && named == null) {
        named = user;
      }
    }
    if (named == null) {
      secrets.verifyAgainstNothing(password, users.isEmpty() ? null : users.get(0).secretHash());
      return Optional.empty();
    }
    return secrets.verify(password, named.secretHash()) ? Optional.of(named) : Optional.empty();
  }
}
