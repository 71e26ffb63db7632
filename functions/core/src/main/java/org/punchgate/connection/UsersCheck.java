package org.punchgate.connection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.punchgate.validation.Violation;

/** The {@code users} of a connection document, for {@link ConnectionCheck}: names and secrets, with their paths. */
final class UsersCheck {

  /** The fields of one entry of {@code users}: a user name and its secret, plain (seed) or hashed (stored). */
  static final Set<String> USER_FIELDS = Set.of("username", "password", "secretHash");
  /** Longest user name accepted: SAP's USERNAME is 12 characters, e-mail addresses as names stay far below. */
  static final int MAX_USERNAME_CHARS = 256;

  private UsersCheck() {}

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
