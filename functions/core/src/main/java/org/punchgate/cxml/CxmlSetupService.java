package org.punchgate.cxml;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.connection.ReturnUrlPolicy;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretVerifier;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStore;
import org.punchgate.validation.Violation;

/**
 * The cXML setup address without HTTP: a PunchOutSetupRequest (or a ProfileRequest) in, a result out. A
 * setup request is authenticated by the Sender credential's SharedSecret (and, where the connection lists
 * them, its From credentials); it opens a session with a single-use StartPage ticket ({@link CxmlStartPage}
 * redeems it). On any refusal nothing is stored.
 */
public final class CxmlSetupService {

  public static final String ROUTE = "/punchout/cxml";
  /** How long the StartPage URL can be opened: the buyer's system redirects the browser at once. */
  public static final Duration START_TICKET_LIFETIME = Duration.ofMinutes(5);
  private static final int MAX_VIOLATIONS_IN_STATUS = 5;

  private final CxmlAuthentication authentication;
  private final SessionStore sessions;
  private final RandomIds ids;
  private final Clock clock;

  /** Checks PBKDF2 hashes only (no key for generated secrets): tests and tools. */
  public CxmlSetupService(ConnectionStore connections, SessionStore sessions, RandomIds ids, Clock clock) {
    this(connections, sessions, ids, clock, new SecretVerifier(null, clock));
  }

  public CxmlSetupService(ConnectionStore connections, SessionStore sessions, RandomIds ids, Clock clock,
      SecretVerifier secrets) {
    this.authentication = new CxmlAuthentication(connections, secrets);
    this.sessions = sessions;
    this.ids = ids;
    this.clock = clock;
  }

  /** Answers the cXML document {@code xml}; {@code baseUrl} is our own, for the URLs we hand out. */
  public CxmlSetupResult answer(byte[] xml, String baseUrl) {
    String version = CxmlSettings.DEFAULT_VERSION;
    CxmlReader.Result result = CxmlReader.read(xml);
    if (result instanceof CxmlReader.Result.Invalid invalid) {
      return refused(version, CxmlStatus.badRequest(describe(invalid.violations())));
    }
    CxmlDocument document = ((CxmlReader.Result.Read) result).document();
    CxmlPayload payload = document.payload();
    if (!(payload instanceof CxmlPayload.PunchOutSetupRequest) && !(payload instanceof CxmlPayload.ProfileRequest)) {
      return refused(version, CxmlStatus.notAcceptable(payload.elementName()
          + " is not accepted here: this address takes PunchOutSetupRequest and ProfileRequest"));
    }
    Optional<CxmlAuthentication.Authenticated> auth = authentication.authenticate(document.header());
    if (auth.isEmpty()) {
      return refused(version, CxmlStatus.unauthorized("unknown Sender credential or wrong SharedSecret"));
    }
    Connection connection = auth.get().connection();
    version = connection.cxml().version();
    if (!connection.active() || connection.format() != ConnectionFormat.CXML) {
      return refused(version, CxmlStatus.forbidden("this connection is not active for cXML punchout"));
    }
    if (payload instanceof CxmlPayload.ProfileRequest) {
      return new CxmlSetupResult.Profile(version, baseUrl + ROUTE);
    }
    return setup(document, (CxmlPayload.PunchOutSetupRequest) payload, auth.get(), baseUrl, version);
  }

  private CxmlSetupResult setup(CxmlDocument document, CxmlPayload.PunchOutSetupRequest setup,
      CxmlAuthentication.Authenticated auth, String baseUrl, String version) {
    if (setup.operation() == PunchOutOperation.SOURCE) {
      return refused(version, CxmlStatus.notAcceptable("operation source is not supported"));
    }
    String formPost = setup.browserFormPostUrl() == null ? null : setup.browserFormPostUrl().strip();
    Optional<String> refusal = ReturnUrlPolicy.refusal(auth.connection(), formPost);
    if (refusal.isPresent()) {
      CxmlStatus status = formPost != null && ReturnUrlPolicy.origin(formPost).isPresent()
          ? CxmlStatus.forbidden("BrowserFormPost/URL " + refusal.get())
          : CxmlStatus.badRequest("BrowserFormPost/URL " + refusal.get());
      return refused(version, status);
    }
    Instant now = clock.instant();
    Session session = CxmlSetupSession.open(ids.newId(), document, setup, formPost, auth, now);
    String ticket = ids.newId(24);
    sessions.create(session, new SessionStore.StartTicket(ticket, now.plus(START_TICKET_LIFETIME)));
    String startPage = baseUrl + CxmlStartPage.ROUTE_PREFIX + session.id() + "?" + CxmlStartPage.TICKET_PARAMETER
        + "=" + ticket;
    return new CxmlSetupResult.Opened(version, session.id(), startPage);
  }

  private static CxmlSetupResult refused(String version, CxmlStatus status) {
    return new CxmlSetupResult.Refused(version, status);
  }

  private static String describe(List<Violation> violations) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(violations.size(), MAX_VIOLATIONS_IN_STATUS); i++) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(violations.get(i));
    }
    if (violations.size() > MAX_VIOLATIONS_IN_STATUS) {
      text.append("; and ").append(violations.size() - MAX_VIOLATIONS_IN_STATUS).append(" more");
    }
    return text.toString();
  }
}
