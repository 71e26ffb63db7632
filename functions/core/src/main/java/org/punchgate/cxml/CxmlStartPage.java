package org.punchgate.cxml;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.punchgate.http.FormParameters;
import org.punchgate.http.Html;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.security.RandomIds;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.ShopStart;
import org.punchgate.token.TokenClaims;

/**
 * {@code GET /punchout/cxml/start/{sessionId}?ticket=...}: the StartPage URL of a PunchOutSetupResponse. The
 * buyer's browser opens it once: the ticket is redeemed (single use, minutes old at most) and the browser is
 * sent on to the shop's start URL with a {@code punchout_token} that lives as long as the session, exactly as
 * on the OCI path: the shop needs it for the cart POST at the end of a long shopping trip. A used, expired or
 * wrong ticket gets a plain error page and no token.
 */
public final class CxmlStartPage {

  public static final String ROUTE_PREFIX = "/punchout/cxml/start/";
  public static final String ROUTE = ROUTE_PREFIX + "{sessionId}";
  public static final String SESSION_ID_PARAMETER = "sessionId";
  public static final String TICKET_PARAMETER = "ticket";

  private final SessionStore sessions;
  private final PunchoutTokens tokens;
  private final RandomIds ids;
  private final Clock clock;

  public CxmlStartPage(SessionStore sessions, PunchoutTokens tokens, RandomIds ids, Clock clock) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.ids = ids;
    this.clock = clock;
  }

  public HttpResponse handle(HttpRequest request) {
    String sessionId = request.pathParameter(SESSION_ID_PARAMETER);
    if (sessionId == null && request.path() != null && request.path().startsWith(ROUTE_PREFIX)) {
      sessionId = request.path().substring(ROUTE_PREFIX.length());
    }
    String ticket = FormParameters.parse(request.rawQuery(), StandardCharsets.UTF_8).first(TICKET_PARAMETER);
    if (sessionId == null || sessionId.isBlank() || ticket == null || ticket.isBlank()
        || sessionId.length() > 128 || ticket.length() > 128) {
      return refused();
    }
    Instant now = clock.instant();
    Optional<Session> redeemed = sessions.redeemStartTicket(sessionId, ticket, now);
    if (redeemed.isEmpty() || redeemed.get().status() != SessionStatus.OPEN) {
      return refused();
    }
    Session session = redeemed.get();
    String token = tokens.issue(new TokenClaims(session.id(), session.connectionId(), session.userGroup(),
        session.username(), null, now, session.expiresAt(), ids.newId()));
    return HttpResponse.redirect(ShopStart.url(session.connection().shopStartUrl(), token)).forSession(session.id());
  }

  private static HttpResponse refused() {
    return HttpResponse.html(403, Html.errorPage("Punchout link not valid",
        "This punchout link has expired or was already used. Please start the punchout again from your"
            + " purchasing system."), StandardCharsets.UTF_8);
  }
}
