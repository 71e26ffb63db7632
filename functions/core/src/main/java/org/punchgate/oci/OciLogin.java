package org.punchgate.oci;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionUser;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.ReturnUrlPolicy;
import org.punchgate.http.FormParameters;
import org.punchgate.security.RandomIds;
import org.punchgate.connection.PasswordCheck;
import org.punchgate.security.SecretVerifier;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;
import org.punchgate.token.ShopStart;

/**
 * OCI 3.0/4.0/5.0 call-up (SPECS §1.1): checks the connection, the credentials of one of its users and the
 * return address,
 * opens a session for that user and sends the browser to the shop with a signed punchout token. Every check runs before
 * the one write, so a refused call-up changes nothing.
 */
public final class OciLogin {

  private final ConnectionStore connections;
  private final SessionStore sessions;
  private final PunchoutTokens tokens;
  private final RandomIds ids;
  private final Clock clock;
  private final SecretVerifier secrets;

  /** Checks PBKDF2 hashes only (no key for generated secrets): tests and tools. */
  public OciLogin(ConnectionStore connections, SessionStore sessions, PunchoutTokens tokens, RandomIds ids,
      Clock clock) {
    this(connections, sessions, tokens, ids, clock, new SecretVerifier(null, clock));
  }

  public OciLogin(ConnectionStore connections, SessionStore sessions, PunchoutTokens tokens, RandomIds ids,
      Clock clock, SecretVerifier secrets) {
    this.secrets = secrets;
    this.connections = connections;
    this.sessions = sessions;
    this.tokens = tokens;
    this.ids = ids;
    this.clock = clock;
  }

  /** Why a call-up is refused; each becomes one status and error page in {@link OciLoginHttp}. */
  public enum Refusal { UNKNOWN_CATALOG, INACTIVE, LOGIN_FAILED, INVALID_RETURN_ADDRESS, UNSUPPORTED_FUNCTION }

  /** How a call-up ends: the browser goes on to the shop, or sees why not. */
  public sealed interface Result {
    record Opened(String sessionId, String shopUrl) implements Result {}

    record Refused(Refusal refusal, String detail) implements Result {}
  }

  /** Checks the call-up {@code params} sent to connection {@code connectionId} and opens a session. */
  public Result login(String connectionId, FormParameters params) {
    Optional<Connection> found = connections.findNamed(connectionId);
    if (found.isEmpty() || !found.get().format().isOci()) {
      secrets.verifyAgainstNothing(params.first("PASSWORD"));
      return refused(Refusal.UNKNOWN_CATALOG, "There is no OCI catalog connection with this address.");
    }
    Connection connection = found.get();
    if (!connection.active()) {
      return refused(Refusal.INACTIVE, "This catalog connection is not active.");
    }
    Optional<ConnectionUser> user = PasswordCheck.user(connection, params.first(connection.loginParameters().username()),
        params.first(connection.loginParameters().password()), secrets);
    if (user.isEmpty()) {
      return refused(Refusal.LOGIN_FAILED, "The user name or password is wrong.");
    }
    String hookUrl = params.firstIgnoreCase(connection.loginParameters().hookUrl());
    Optional<String> refusal = ReturnUrlPolicy.refusal(connection, hookUrl);
    if (refusal.isPresent()) {
      return refused(Refusal.INVALID_RETURN_ADDRESS,
          "The return address (" + connection.loginParameters().hookUrl() + ") " + refusal.get() + ".");
    }
    Map<String, String> callUp = keptParameters(params);
    callUp.put(OciCallUp.HOOK_URL, hookUrl.strip());
    Optional<String> functionProblem = checkFunction(connection, callUp);
    if (functionProblem.isPresent()) {
      return refused(Refusal.UNSUPPORTED_FUNCTION, functionProblem.get());
    }
    Instant now = clock.instant();
    String username = user.get().username();
    Session session = new Session(ids.newId(), connection.withoutSecret(), username,
        SessionStatus.OPEN, now, now.plus(connection.sessionLifetime()), new CallUp.Oci(callUp), Map.of(), null, null, null);
    sessions.create(session, null);
    String token = tokens.issue(new TokenClaims(session.id(), connection.id(), connection.userGroup(),
        username, callUp.get(OciCallUp.FUNCTION), now, session.expiresAt(), ids.newId()));
    return new Result.Opened(session.id(), ShopStart.url(connection.shopStartUrl(), token));
  }

  private static Result refused(Refusal refusal, String detail) {
    return new Result.Refused(refusal, detail);
  }

  private static Map<String, String> keptParameters(FormParameters params) {
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : OciCallUp.KEPT) { // HOOK_URL's own name is per connection: set by the caller
      String value = params.firstIgnoreCase(name);
      if (value != null && !value.isEmpty()) {
        kept.put(name, value.length() > 1024 ? value.substring(0, 1024) : value);
      }
    }
    return kept;
  }

  private static Optional<String> checkFunction(Connection connection, Map<String, String> callUp) {
    String value = callUp.get(OciCallUp.FUNCTION);
    if (value == null) {
      return Optional.empty();
    }
    Optional<OciFunction> function = OciFunction.parse(value);
    if (function.isEmpty() || !function.get().availableIn(connection.format())) {
      return Optional.of("FUNCTION=" + value + " is not an OCI function of this catalog's OCI version.");
    }
    callUp.put(OciCallUp.FUNCTION, function.get().name());
    String required = function.get().requiredParameter();
    if (required != null && !callUp.containsKey(required)) {
      return Optional.of("FUNCTION=" + function.get().name() + " needs the parameter " + required + ".");
    }
    String quantity = callUp.get(OciCallUp.QUANTITY);
    if (quantity != null && !quantity.strip().matches("\\d{1,11}(\\.\\d{1,3})?")) {
      return Optional.of("QUANTITY must be a number with '.' as decimal separator, not " + quantity + ".");
    }
    return Optional.empty();
  }
}
