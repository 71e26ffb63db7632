package org.punchgate.connection;

import java.util.Optional;
import java.util.regex.Pattern;

/** What a connection id may be: a path segment of login and admin URLs, plain characters only, no escaping needed. */
final class ConnectionIds {

  private static final Pattern ID =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (Connection.MAX_ID_CHARS - 1) + "}");

  private ConnectionIds() {}

  /** What is wrong with {@code id}, in words; empty for a good id and for none (reported as missing elsewhere). */
  static Optional<String> problem(String id) {
    if (id == null || ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return Optional.of("id must be 1 to " + Connection.MAX_ID_CHARS
        + " letters, digits, '.', '_' or '-', starting with a letter or digit: it is part of the login URL");
  }
}
