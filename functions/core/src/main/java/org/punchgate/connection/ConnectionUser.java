package org.punchgate.connection;

/**
 * One user of a connection (README "Users of a connection"): a name the procurement system logs in with and the
 * stored hash of that user's own secret ({@link org.punchgate.security.SecretVerifier}'s forms). All users of a
 * connection log in to its user group; the punchout token's {@code sub} names the user.
 */
public record ConnectionUser(String username, String secretHash) {

  /** The same user without the secret hash: what a session's snapshot keeps. */
  public ConnectionUser withoutSecret() {
    return new ConnectionUser(username, null);
  }
}
