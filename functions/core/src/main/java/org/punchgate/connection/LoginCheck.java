package org.punchgate.connection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.punchgate.validation.Violation;

/**
 * Who may log in through a connection document, for {@link ConnectionCheck}: its secret, and its {@code users} with
 * their names and secrets, each problem at its path.
 */
final class LoginCheck {

  /** The fields of one entry of {@code users}: a user name and its secret, plain (seed) or hashed (stored). */
  static final Set<String> USER_FIELDS = Set.of("username", "password", "secretHash");
  /** Longest user name accepted: SAP's USERNAME is 12 characters, e-mail addresses as names stay far below. */
  static final int MAX_USERNAME_CHARS = 256;

  private LoginCheck() {}

  /** A login needs a secret: OCI a user name and password, cXML a Sender and its SharedSecret. */
  static void secret(JsonNode n, ConnectionFormat format, JsonNode cxml, String prefix, List<Violation> problems) {
    boolean hashed = n.hasNonNull("secretHash");
    if (format == null) {
      return;
    }
    switch (format) {
      case OCI_3_0, OCI_4_0, OCI_5_0 -> {
        if (n.path("users").isArray() && !n.get("users").isEmpty() && !n.hasNonNull("username")) {
          return; // the users carry the names and secrets, checked in users()
        }
        ConnectionCheck.requiredText(n, "username", prefix, problems);
        if (!hashed && !ConnectionCheck.nonBlank(n, "password")) {
          problems.add(new Violation("connection.secret", prefix + "password",
              "password is required: without it every OCI login is refused"));
        }
      }
      case CXML -> {
        if (cxml == null) {
          problems.add(new Violation("connection.required", prefix + "cxml", "cxml is required for format CXML"));
          return;
        }
        if (!cxml.path("sender").isArray() || cxml.path("sender").isEmpty()) {
          problems.add(new Violation("connection.required", prefix + "cxml.sender",
              "cxml.sender needs at least one credential: connections are found by the Sender"));
        }
        if (!hashed && !ConnectionCheck.nonBlank(cxml, "sharedSecret")) {
          problems.add(new Violation("connection.secret", prefix + "cxml.sharedSecret",
              "cxml.sharedSecret is required: without it every cXML setup request is refused"));
        }
      }
      default -> { }
    }
  }

  /**
   * The further users of an OCI or PEPPOL connection: each with a name unique within the connection (the top-level
   * {@code username} included) and a secret of its own. cXML has one shared secret per connection, so no users.
   */
  static void users(JsonNode n, ConnectionFormat format, String prefix, List<Violation> problems) {
    JsonNode users = n.get("users");
    if (users == null || users.isNull()) {
      return;
    }
    if (!users.isArray()) {
      problems.add(new Violation("connection.type", prefix + "users",
          "users must be a list of {\"username\": ..., \"password\": ...}"));
      return;
    }
    if (format == ConnectionFormat.CXML && !users.isEmpty()) {
      problems.add(new Violation("connection.users", prefix + "users",
          "users are for OCI and PEPPOL logins: a cXML connection has one shared secret (cxml.sharedSecret)"));
      return;
    }
    Map<String, String> seen = new HashMap<>();
    if (n.path("username").isTextual()) {
      seen.put(n.get("username").asText(), prefix + "username");
    }
    for (int i = 0; i < users.size(); i++) {
      String where = prefix + "users[" + i + "]";
      JsonNode user = users.get(i);
      if (!user.isObject()) {
        problems.add(new Violation("connection.type", where, "a user is {\"username\": ..., \"password\": ...}"));
        continue;
      }
      ConnectionCheck.unknown(user, USER_FIELDS, where + ".", problems);
      String name = ConnectionCheck.requiredText(user, "username", where + ".", problems);
      if (name != null) {
        usernameProblem(name).ifPresent(
            p -> problems.add(new Violation("connection.username", where + ".username", p)));
        String earlier = seen.putIfAbsent(name, where + ".username");
        if (earlier != null) {
          problems.add(new Violation("connection.users", where + ".username",
              "user name " + name + " is already used at " + earlier + ": user names are unique within a connection"));
        }
      }
      ConnectionCheck.optionalText(user, "password", where + ".", problems);
      ConnectionCheck.optionalText(user, "secretHash", where + ".", problems);
      if (!user.hasNonNull("secretHash") && !ConnectionCheck.nonBlank(user, "password")) {
        problems.add(new Violation("connection.secret", where + ".password",
            "password is required: without it this user's logins are refused"));
      }
    }
  }

  /** What is wrong with a user name, in words: blank, too long, or with control characters. */
  static Optional<String> usernameProblem(String username) {
    if (username == null || username.isBlank()) {
      return Optional.of("username is required");
    }
    if (username.length() > MAX_USERNAME_CHARS) {
      return Optional.of("username must be at most " + MAX_USERNAME_CHARS + " characters");
    }
    if (username.chars().anyMatch(Character::isISOControl) || !username.strip().equals(username)) {
      return Optional.of("username must not have control characters or leading or trailing spaces");
    }
    return Optional.empty();
  }
}
