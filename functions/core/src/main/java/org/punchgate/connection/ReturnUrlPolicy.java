package org.punchgate.connection;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a return address (OCI HOOK_URL, cXML BrowserFormPost) against a connection's allow-list of
 * origins: scheme, host and port must match one entry exactly (default ports filled in), so a buyer's
 * browser can only ever be sent back to the buyer's own system.
 *
 * <p>One convenience for local demos: an entry {@code http://localhost:*} or {@code http://127.0.0.1:*}
 * allows that loopback host at any port, so a buyer tool on another local port can take a cart back. A
 * {@code :*} on any other host matches nothing: real connections keep exact origins.
 */
public final class ReturnUrlPolicy {

  private ReturnUrlPolicy() {}

  /** Why the address is refused, or empty when it is allowed. */
  public static Optional<String> refusal(Connection connection, String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is missing");
    }
    if (url.length() > 4096) {
      return Optional.of("is longer than 4096 characters");
    }
    Optional<String> origin = origin(url.strip());
    if (origin.isEmpty()) {
      return Optional.of("is not an absolute http or https URL");
    }
    for (String allowed : connection.allowedReturnOrigins()) {
      if (origin(allowed).map(origin.get()::equals).orElse(false) || anyLoopbackPort(allowed, origin.get())) {
        return Optional.empty();
      }
    }
    return Optional.of("points to " + origin.get() + ", which is not allowed for this connection");
  }

  private static final java.util.List<String> LOOPBACK_ANY_PORT = java.util.List.of(
      "http://localhost:*", "http://127.0.0.1:*");

  /** Whether {@code allowed} is a loopback any-port entry and the origin is that scheme and host. */
  private static boolean anyLoopbackPort(String allowed, String origin) {
    String entry = allowed.strip().toLowerCase(Locale.ROOT);
    return LOOPBACK_ANY_PORT.contains(entry) && origin.startsWith(entry.substring(0, entry.length() - 1))
        && origin.substring(entry.length() - 1).chars().allMatch(Character::isDigit);
  }

  /** {@code scheme://host:port} of an absolute http(s) URL, lower-cased, with the default port filled in. */
  public static Optional<String> origin(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
