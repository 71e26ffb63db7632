package org.punchgate.peppol;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.ConnectionUser;
import org.punchgate.connection.PasswordCheck;
import org.punchgate.connection.PeppolSettings;
import org.punchgate.connection.ReturnUrlPolicy;
import org.punchgate.http.FormParameters;
import org.punchgate.link.LoginLink;
import org.punchgate.link.LoginLinks;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretVerifier;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.ShopStart;
import org.punchgate.token.TokenClaims;

/**
 * The PEPPOL punch-out login (SPECS §3.2): login variables posted by the procurement system, or a login link the
 * supplier made for the buyer. Both check connection and return URL, open a session that keeps the return URL
 * and buyer reference, and send the browser to the shop with a punchout token. Every check runs before the one
 * write, so a refused login changes nothing.
 */
public final class PeppolLogin {

  /** Longest buyer reference kept; it is an identifier, not a text. */
  static final int MAX_BUYER_REFERENCE = 200;

  private final ConnectionStore connections;
  private final SessionStore sessions;
  private final LoginLinks links;
  private final PunchoutTokens tokens;
  private final RandomIds ids;
  private final Clock clock;
  private final SecretVerifier secrets;

  /** Checks PBKDF2 hashes only (no key for generated secrets): tests and tools. */
  public PeppolLogin(ConnectionStore connections, SessionStore sessions, LoginLinks links, PunchoutTokens tokens,
      RandomIds ids, Clock clock) {
    this(connections, sessions, links, tokens, ids, clock, new SecretVerifier(null, clock));
  }

  public PeppolLogin(ConnectionStore connections, SessionStore sessions, LoginLinks links, PunchoutTokens tokens,
      RandomIds ids, Clock clock, SecretVerifier secrets) {
    this.secrets = secrets;
    this.connections = connections;
    this.sessions = sessions;
    this.links = links;
    this.tokens = tokens;
    this.ids = ids;
    this.clock = clock;
  }

  /** Why a login is refused; each becomes one status and error page in {@link PeppolLoginHttp}. */
  public enum Refusal { UNKNOWN_CONNECTION, UNKNOWN_LINK, LINK_GONE, INACTIVE, LOGIN_FAILED, INVALID_RETURN_ADDRESS,
    INVALID_BUYER_REFERENCE }

  public sealed interface Result {
    record Opened(String sessionId, String shopUrl) implements Result {}

    record Refused(Refusal refusal, String detail) implements Result {}
  }

  /** Checks the login variables posted to {@code connectionId} and opens a session. */
  public Result login(String connectionId, FormParameters params) {
    Optional<Connection> found = connections.findNamed(connectionId);
    PeppolSettings.LoginNames names = found.map(Connection::peppol).map(PeppolSettings::login)
        .orElse(PeppolSettings.LoginNames.DEFAULT);
    if (found.isEmpty() || found.get().format() != ConnectionFormat.PEPPOL_PUNCHOUT) {
      secrets.verifyAgainstNothing(params.first(names.password()));
      return refused(Refusal.UNKNOWN_CONNECTION, "There is no PEPPOL punch-out connection with this address.");
    }
    Connection connection = found.get();
    if (!connection.active()) {
      return refused(Refusal.INACTIVE, "This catalog connection is not active.");
    }
    Optional<ConnectionUser> user = PasswordCheck.user(connection, params.first(names.username()),
        params.first(names.password()), secrets);
    if (user.isEmpty()) {
      return refused(Refusal.LOGIN_FAILED, "The user name or password is wrong.");
    }
    return open(connection, user.get().username(), params.firstIgnoreCase(names.returnUrl()), names.returnUrl(),
        params.firstIgnoreCase(names.buyerReference()), null);
  }

  /** Opens a session for the login link whose secret the browser brings. */
  public Result followLink(String secret) {
    return switch (links.open(secret, clock.instant())) {
      case LoginLinks.Lookup.Unknown u -> refused(Refusal.UNKNOWN_LINK, "This login link is not known.");
      case LoginLinks.Lookup.Gone g -> refused(Refusal.LINK_GONE,
          "This login link is no longer valid. Ask your supplier for a new one.");
      case LoginLinks.Lookup.Usable usable -> followUsable(usable.link());
    };
  }

  private Result followUsable(LoginLink link) {
    Optional<Connection> found = connections.find(link.connectionId())
        .filter(c -> c.format() == ConnectionFormat.PEPPOL_PUNCHOUT);
    if (found.isEmpty()) { // the connection was removed: for the browser the link is simply gone
      return refused(Refusal.LINK_GONE, "This login link is no longer valid. Ask your supplier for a new one.");
    }
    if (!found.get().active()) {
      return refused(Refusal.INACTIVE, "This catalog connection is not active.");
    }
    // a link logs in as the connection's first user: the link, not a user's password, is the credential
    return open(found.get(), found.get().username(), link.returnUrl(), "returnUrl", link.buyerReference(), link.id());
  }

  private Result open(Connection connection, String username, String returnUrl, String returnUrlName,
      String buyerReference, String linkId) {
    // checked again for a link: the connection's allow-list may have changed since the link was made
    Optional<String> refusal = ReturnUrlPolicy.refusal(connection, returnUrl);
    if (refusal.isPresent()) {
      return refused(Refusal.INVALID_RETURN_ADDRESS, "The return address (" + returnUrlName + ") " + refusal.get() + ".");
    }
    String reference = buyerReference == null || buyerReference.isBlank() ? null : buyerReference.strip();
    if (reference != null && reference.length() > MAX_BUYER_REFERENCE) {
      return refused(Refusal.INVALID_BUYER_REFERENCE,
          "The buyer reference is longer than " + MAX_BUYER_REFERENCE + " characters.");
    }
    Instant now = clock.instant();
    Session session = new Session(ids.newId(), connection.withoutSecret(), username, SessionStatus.OPEN,
        now, now.plus(connection.sessionLifetime()), new CallUp.Peppol(returnUrl.strip(), reference, linkId),
        Map.of(), null, null, null);
    sessions.create(session, null);
    String token = tokens.issue(new TokenClaims(session.id(), connection.id(), connection.userGroup(),
        username, null, now, session.expiresAt(), ids.newId()));
    return new Result.Opened(session.id(), ShopStart.url(connection.shopStartUrl(), token));
  }

  private static Result refused(Refusal refusal, String detail) {
    return new Result.Refused(refusal, detail);
  }
}
