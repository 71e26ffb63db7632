package org.punchgate.cartreturn;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;

import java.util.Map;
import java.util.Optional;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.json.Json;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.returnform.ReturnFormPage;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore;
import org.punchgate.session.TransferOutcome;


/**
 * The shop API: session info for the shop, and the cart transfer that maps the cart to the buyer's format
 * and closes the session exactly once (OPEN → TRANSFERRED or CANCELLED, one conditional write). Two
 * calls per transfer: one read, one conditional update.
 */
public final class CartReturn {

  private final SessionStore sessions;
  private final ShopAccess access;
  private final Map<ConnectionFormat, CartRenderer> renderers;
  private final Clock clock;
  private final int maxBodyBytes;

  public CartReturn(SessionStore sessions, org.punchgate.token.PunchoutTokens tokens,
      Map<ConnectionFormat, CartRenderer> renderers, Clock clock, int maxBodyBytes) {
    this.sessions = sessions;
    this.access = new ShopAccess(tokens);
    this.renderers = Map.copyOf(renderers);
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** {@code GET /punchout/sessions/{sessionId}}. */
  public HttpResponse sessionInfo(HttpRequest request) {
    if (access.check(request) instanceof ShopAccess.Result.Denied denied) {
      return denied.response();
    }
    Optional<Session> found = sessions.find(request.pathParameter("sessionId"));
    if (found.isEmpty()) {
      return Problem.response(404, "Unknown session", "There is no punchout session with this id.");
    }
    Session session = found.get();
    if (session.status() == SessionStatus.OPEN && session.isExpiredAt(clock.instant())) {
      return Problem.response(410, "Session expired", "The punchout session has expired.").forSession(session.id());
    }
    return HttpResponse.json(200, Json.write(SessionInfo.of(session, clock.instant()))).forSession(session.id());
  }

  /** {@code POST /punchout/sessions/{sessionId}/cart}. */
  public HttpResponse transfer(HttpRequest request) {
    if (access.check(request) instanceof ShopAccess.Result.Denied denied) {
      return denied.response();
    }
    if (request.body().length > maxBodyBytes) {
      return Problem.response(413, "Cart too large", "The cart is larger than " + maxBodyBytes + " bytes.");
    }
    JsonNode body;
    try {
      body = Json.parse(request.body());
    } catch (Json.JsonSyntaxException e) {
      return Problem.response(400, "Malformed JSON", e.getMessage());
    }
    CartJson.Submission submission = CartJson.read(body);
    if (!submission.valid()) {
      return Problem.response(422, "Invalid cart", "The cart has " + submission.violations().size()
          + " problem(s); nothing was transferred.", submission.violations());
    }
    String sessionId = request.pathParameter("sessionId");
    Optional<Session> found = sessions.find(sessionId);
    if (found.isEmpty()) {
      return Problem.response(404, "Unknown session", "There is no punchout session with this id.");
    }
    Session session = found.get();
    Instant now = clock.instant();
    Cart cart = submission.cancel() ? Cart.empty(submission.cart().currency()) : submission.cart();
    if (session.status() != SessionStatus.OPEN) {
      return replayOrConflict(request, session, session.status(), session.transferredCart(), cart, submission.cancel());
    }
    if (session.isExpiredAt(now)) {
      return expired(session);
    }
    CartRenderer renderer = renderers.get(session.format());
    if (renderer == null) {
      return Problem.response(501, "Format not supported", "Cart return for " + session.format()
          + " is not available in this deployment.").forSession(session.id());
    }
    if (renderer.readOnly(session) && !submission.cancel()) {
      return Problem.response(409, "Session is read-only", "The buyer opened this cart to inspect it; it cannot be"
          + " changed or sent back. Send {\"cancel\":true,\"currency\":\"...\"} to close the session.").forSession(session.id());
    }
    CartRenderer.Rendered rendered = renderer.render(session, cart, submission.cancel());
    if (!rendered.valid()) {
      return Problem.response(422, "Cart does not fit the buyer's format", "The cart cannot be expressed in "
          + session.format() + "; nothing was transferred.", rendered.violations()).forSession(session.id());
    }
    SessionStatus target = submission.cancel() ? SessionStatus.CANCELLED : SessionStatus.TRANSFERRED;
    return switch (sessions.close(sessionId, target, cart, now)) {
      case TransferOutcome.Transferred t -> page(request, rendered.form()).forSession(session.id());
      // lost a race with a concurrent request: an identical retry still gets the page, another cart conflicts
      case TransferOutcome.AlreadyClosed closed ->
          replayOrConflict(request, session, closed.status(), closed.storedCart(), cart, submission.cancel());
      case TransferOutcome.Expired e -> expired(session);
      case TransferOutcome.TooLarge t -> Problem.response(413, "Cart too large", "The cart takes " + t.storedBytes()
          + " bytes compressed; a session keeps at most " + t.maxBytes() + ". Nothing was transferred.")
          .forSession(session.id());
      case TransferOutcome.NotFound n -> Problem.response(404, "Unknown session", "The session is gone.");
    };
  }

  /**
   * A retry of the very transfer that already closed the session (the shop lost our first answer) gets the
   * same page again; anything else is a second transfer and conflicts.
   */
  private HttpResponse replayOrConflict(HttpRequest request, Session session, SessionStatus status, Cart storedCart,
      Cart cart, boolean cancel) {
    SessionStatus expected = cancel ? SessionStatus.CANCELLED : SessionStatus.TRANSFERRED;
    if (status == expected && storedCart != null && sameCart(storedCart, cart)) {
      CartRenderer.Rendered again = renderers.get(session.format()).render(session, cart, cancel);
      if (again.valid()) {
        return page(request, again.form()).forSession(session.id());
      }
    }
    return conflict(session, status);
  }

  private static boolean sameCart(Cart a, Cart b) {
    return Json.write(CartJson.write(a)).equals(Json.write(CartJson.write(b)));
  }

  private static HttpResponse conflict(Session session, SessionStatus status) {
    return Problem.response(409, "Session already closed", "The session was already "
        + status.name().toLowerCase(java.util.Locale.ROOT) + "; a punchout session transfers one cart.")
        .forSession(session.id());
  }

  private static HttpResponse expired(Session session) {
    return Problem.response(410, "Session expired", "The punchout session has expired; nothing was transferred.")
        .forSession(session.id());
  }

  private static HttpResponse page(HttpRequest request, ReturnForm form) {
    if (request.accepts("application/json")) {
      return HttpResponse.json(200, ReturnFormPage.json(form));
    }
    return HttpResponse.html(200, ReturnFormPage.html(form), form.charset());
  }

}
