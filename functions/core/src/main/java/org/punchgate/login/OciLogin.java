package org.punchgate.login;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.ReturnUrlPolicy;
import org.punchgate.http.FormParameters;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.oci.OciCallUp;
import org.punchgate.oci.OciFunction;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretHash;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;

/**
 * OCI 3.0/4.0/5.0 call-up (SPECS §1.1): checks the connection, the credentials and the return address,
 * opens a session and sends the browser to the shop with a signed punchout token. Every check runs before
 * the one write, so a refused call-up changes nothing.
 */
public final class OciLogin {

  private final ConnectionStore connections;
  private final SessionStore sessions;
  private final PunchoutTokens tokens;
  private final RandomIds ids;
  private final Clock clock;
  private final int maxBodyBytes;

  public OciLogin(ConnectionStore connections, SessionStore sessions, PunchoutTokens tokens, RandomIds ids,
      Clock clock, int maxBodyBytes) {
    this.connections = connections;
    this.sessions = sessions;
    this.tokens = tokens;
    this.ids = ids;
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  public HttpResponse login(HttpRequest request) {
    if (request.body().length > maxBodyBytes || request.rawQuery().length() > maxBodyBytes) {
      return LoginPages.error(413, "Request too large", "The call-up is larger than " + maxBodyBytes + " bytes.");
    }
    Optional<String> charsetProblem = charsetProblem(request);
    if (charsetProblem.isPresent()) {
      return LoginPages.error(400, "Wrong charset", charsetProblem.get());
    }
    FormParameters params = parameters(request);
    String connectionId = request.pathParameter("connectionId");
    Optional<Connection> found = connectionId == null || connectionId.length() > Connection.MAX_ID_CHARS
        ? Optional.empty() : connections.find(connectionId);
    if (found.isEmpty() || !found.get().format().isOci()) {
      SecretHash.verifyAgainstNothing(params.first("PASSWORD"));
      return LoginPages.error(404, "Unknown catalog", "There is no OCI catalog connection with this address.");
    }
    Connection connection = found.get();
    if (!connection.active()) {
      return LoginPages.error(403, "Catalog access disabled", "This catalog connection is not active.");
    }
    if (!credentialsMatch(connection, params)) {
      return LoginPages.error(401, "Login failed", "The user name or password is wrong.");
    }
    String hookUrl = params.firstIgnoreCase(connection.loginParameters().hookUrl());
    Optional<String> refusal = ReturnUrlPolicy.refusal(connection, hookUrl);
    if (refusal.isPresent()) {
      return LoginPages.error(400, "Invalid return address",
          "The return address (" + connection.loginParameters().hookUrl() + ") " + refusal.get() + ".");
    }
    Map<String, String> callUp = keptParameters(params);
    callUp.put(OciCallUp.HOOK_URL, hookUrl.strip());
    Optional<String> functionProblem = checkFunction(connection, callUp);
    if (functionProblem.isPresent()) {
      return LoginPages.error(400, "Unsupported catalog function", functionProblem.get());
    }
    Instant now = clock.instant();
    Session session = new Session(ids.newId(), connection.withoutSecret(), connection.username(),
        SessionStatus.OPEN, now, now.plus(connection.sessionLifetime()), callUp, Map.of(), null, null, null);
    sessions.create(session, null);
    String token = tokens.issue(new TokenClaims(session.id(), connection.id(), connection.userGroup(),
        connection.username(), callUp.get(OciCallUp.FUNCTION), now, session.expiresAt(), ids.newId()));
    return HttpResponse.redirect(ShopStart.url(connection.shopStartUrl(), token)).forSession(session.id());
  }

  /**
   * Query and form body together. Each is read in the Content-Type charset, else the call-up's own
   * http_content_charset (OCI 4.0+), else UTF-8; that parameter's name and value are ASCII, so a first
   * byte-transparent pass finds it.
   */
  private static FormParameters parameters(HttpRequest request) {
    Charset charset = charset(request);
    return FormParameters.parse(request.rawQuery(), charset).plus(FormParameters.parse(formBody(request), charset));
  }

  private static String formBody(HttpRequest request) {
    return "POST".equals(request.method()) ? new String(request.body(), StandardCharsets.ISO_8859_1) : "";
  }

  private static String declaredCharset(HttpRequest request) {
    return FormParameters.parse(request.rawQuery(), StandardCharsets.ISO_8859_1)
        .plus(FormParameters.parse(formBody(request), StandardCharsets.ISO_8859_1))
        .firstIgnoreCase(OciCallUp.HTTP_CONTENT_CHARSET);
  }

  private static Charset charset(HttpRequest request) {
    return request.charset(HttpRequest.charsetOr(declaredCharset(request), StandardCharsets.UTF_8));
  }

  /**
   * Why the call-up cannot be read in its charset, or empty: an unknown charset name, or bytes that are not
   * text in the charset it declares (Latin-1 sent as UTF-8), which would otherwise surface as a garbled
   * return address refused for the wrong reason.
   */
  private static Optional<String> charsetProblem(HttpRequest request) {
    String declared = declaredCharset(request);
    if (declared != null && !declared.isBlank()
        && HttpRequest.charsetOr(declared, null) == null && request.header("content-type") == null) {
      return Optional.of("The call-up declares the charset " + (declared.length() > 40 ? declared.substring(0, 40) : declared)
          + " (" + OciCallUp.HTTP_CONTENT_CHARSET + "), which this gateway does not know.");
    }
    Charset charset = charset(request);
    if (!FormParameters.decodesIn(request.rawQuery(), charset) || !FormParameters.decodesIn(formBody(request), charset)) {
      return Optional.of("The call-up is not valid " + charset.name() + " text: send it in the charset it declares"
          + " (Content-Type charset or " + OciCallUp.HTTP_CONTENT_CHARSET + ", else UTF-8).");
    }
    return Optional.empty();
  }

  private static boolean credentialsMatch(Connection connection, FormParameters params) {
    String username = params.first(connection.loginParameters().username());
    String password = params.first(connection.loginParameters().password());
    boolean passwordOk = SecretHash.verify(password, connection.secretHash()); // always spend the work
    boolean userOk = username != null && connection.username() != null && MessageDigest.isEqual(
        username.getBytes(StandardCharsets.UTF_8), connection.username().getBytes(StandardCharsets.UTF_8));
    return passwordOk & userOk;
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
