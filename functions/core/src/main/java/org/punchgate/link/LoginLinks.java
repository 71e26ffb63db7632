package org.punchgate.link;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.ReturnUrlPolicy;
import org.punchgate.security.RandomIds;

/**
 * Login links without HTTP: made for a PEPPOL connection with an allow-listed return URL, listed without their
 * secrets, revoked, and looked up by the secret a browser brings. The secret has 256 random bits and exists only
 * in the answer to {@link #create}; the store keeps its SHA-256 (a fast hash is enough for a random secret of
 * this length: there is nothing to guess from).
 */
public final class LoginLinks {

  /** The path a link's secret is appended to. */
  public static final String PATH = "/punchout/link/";
  private static final int SECRET_BYTES = 32;
  /** Longer ids or secrets than any we make are unknown without a store read (a key has a size limit). */
  private static final int MAX_KEY_CHARS = 128;

  private final ConnectionStore connections;
  private final LoginLinkStore links;
  private final RandomIds ids;
  private final Clock clock;

  public LoginLinks(ConnectionStore connections, LoginLinkStore links, RandomIds ids, Clock clock) {
    this.connections = connections;
    this.links = links;
    this.ids = ids;
    this.clock = clock;
  }

  /** How a request to make a link ends. */
  public sealed interface Creation {
    /** {@code url} holds the secret: shown once, never stored. */
    record Created(LoginLink link, String url) implements Creation {}

    record UnknownConnection() implements Creation {}

    record Refused(String detail) implements Creation {}
  }

  /** Makes a link for {@code connectionId}; {@code baseUrl} is the gateway's public base URL. */
  public Creation create(String connectionId, String returnUrl, String buyerReference, Instant expiresAt,
      String baseUrl) {
    Optional<Connection> found = peppolConnection(connectionId);
    if (found.isEmpty()) {
      return new Creation.UnknownConnection();
    }
    Optional<String> refusal = ReturnUrlPolicy.refusal(found.get(), returnUrl);
    if (refusal.isPresent()) {
      return new Creation.Refused("returnUrl " + refusal.get());
    }
    if (buyerReference != null && buyerReference.length() > 200) {
      return new Creation.Refused("buyerReference is longer than 200 characters");
    }
    Instant now = clock.instant();
    if (expiresAt != null && !expiresAt.isAfter(now)) {
      return new Creation.Refused("expiresAt is not in the future");
    }
    String secret = ids.newId(SECRET_BYTES);
    LoginLink link = new LoginLink(idOf(secret), connectionId, returnUrl.strip(),
        buyerReference == null || buyerReference.isBlank() ? null : buyerReference.strip(), now, expiresAt, null);
    links.create(link);
    return new Creation.Created(link, stripSlash(baseUrl) + PATH + secret);
  }

  /** The links of a connection, or empty when there is no such PEPPOL connection. */
  public Optional<List<LoginLink>> list(String connectionId) {
    return peppolConnection(connectionId).map(c -> links.byConnection(connectionId));
  }

  public LoginLinkStore.Revocation revoke(String linkId) {
    return linkId == null || linkId.isBlank() || linkId.length() > MAX_KEY_CHARS ? new LoginLinkStore.Revocation.NotFound()
        : links.revoke(linkId, clock.instant());
  }

  /** What a followed link leads to. */
  public sealed interface Lookup {
    record Usable(LoginLink link) implements Lookup {}

    /** Revoked or expired: the same answer for both, so nobody learns more than "no longer valid". */
    record Gone() implements Lookup {}

    record Unknown() implements Lookup {}
  }

  /** The link a browser brings by its secret. */
  public Lookup open(String secret, Instant now) {
    if (secret == null || secret.isBlank() || secret.length() > MAX_KEY_CHARS) {
      return new Lookup.Unknown();
    }
    Optional<LoginLink> link = links.find(idOf(secret));
    if (link.isEmpty()) {
      return new Lookup.Unknown();
    }
    return link.get().usableAt(now) ? new Lookup.Usable(link.get()) : new Lookup.Gone();
  }

  /** The public id of a link: the URL-safe Base64 SHA-256 of its secret. */
  public static String idOf(String secret) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private Optional<Connection> peppolConnection(String connectionId) {
    return connectionId == null || connectionId.length() > Connection.MAX_ID_CHARS ? Optional.empty()
        : connections.find(connectionId).filter(c -> c.format() == ConnectionFormat.PEPPOL_PUNCHOUT);
  }

  private static String stripSlash(String baseUrl) {
    return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }
}
