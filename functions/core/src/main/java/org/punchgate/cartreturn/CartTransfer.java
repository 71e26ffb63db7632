package org.punchgate.cartreturn;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.json.Json;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore;
import org.punchgate.session.TransferOutcome;
import org.punchgate.token.PunchoutTokens;

/**
 * The shop API without HTTP: session info for the shop, and the cart transfer that maps the cart to the
 * buyer's format and closes the session exactly once (OPEN → TRANSFERRED or CANCELLED, one conditional
 * write). Two store calls per transfer: one read, one conditional update.
 */
final class CartTransfer {

  private final SessionStore sessions;
  private final ShopAccess access;
  private final Map<ConnectionFormat, CartRenderer> renderers;
  private final Clock clock;
  private final int maxBodyBytes;

  public CartTransfer(SessionStore sessions, PunchoutTokens tokens, Map<ConnectionFormat, CartRenderer> renderers,
      Clock clock, int maxBodyBytes) {
    this.sessions = sessions;
    this.access = new ShopAccess(tokens);
    this.renderers = Map.copyOf(renderers);
    this.clock = clock;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** What the shop may know about the session, for the holder of its token. */
  public CartReturnResult info(String sessionId, String bearer) {
    if (access.check(sessionId, bearer) instanceof ShopAccess.Result.Denied denied) {
      return new CartReturnResult.AccessDenied(denied.reason(), denied.detail());
    }
    Optional<Session> found = sessions.find(sessionId);
    if (found.isEmpty()) {
      return new CartReturnResult.UnknownSession(false);
    }
    Session session = found.get();
    Instant now = clock.instant();
    if (session.status() == SessionStatus.OPEN && session.isExpiredAt(now)) {
      return new CartReturnResult.Expired(session.id());
    }
    return new CartReturnResult.Info(session, now);
  }

  /** Sends {@code cartJson} back to the buyer: the return form, or why not (nothing is stored then). */
  public CartReturnResult transfer(String sessionId, String bearer, byte[] cartJson) {
    if (access.check(sessionId, bearer) instanceof ShopAccess.Result.Denied denied) {
      return new CartReturnResult.AccessDenied(denied.reason(), denied.detail());
    }
    if (cartJson.length > maxBodyBytes) {
      return new CartReturnResult.TooLarge(maxBodyBytes);
    }
    JsonNode body;
    try {
      body = Json.parse(cartJson);
    } catch (Json.JsonSyntaxException e) {
      return new CartReturnResult.MalformedJson(e.getMessage());
    }
    CartJson.Submission submission = CartJson.read(body);
    if (!submission.valid()) {
      return new CartReturnResult.InvalidCart(submission.violations());
    }
    Optional<Session> found = sessions.find(sessionId);
    if (found.isEmpty()) {
      return new CartReturnResult.UnknownSession(false);
    }
    Cart cart = submission.cancel() ? Cart.empty(submission.cart().currency()) : submission.cart();
    return transfer(found.get(), cart, submission.cancel());
  }

  private CartReturnResult transfer(Session session, Cart cart, boolean cancel) {
    Instant now = clock.instant();
    if (session.status() != SessionStatus.OPEN) {
      return replayOrConflict(session, session.status(), session.transferredCart(), cart, cancel);
    }
    if (session.isExpiredAt(now)) {
      return new CartReturnResult.Expired(session.id());
    }
    CartRenderer renderer = renderers.get(session.format());
    if (renderer == null) {
      return new CartReturnResult.FormatNotSupported(session.id(), session.format());
    }
    if (renderer.readOnly(session) && !cancel) {
      return new CartReturnResult.ReadOnly(session.id());
    }
    CartRenderer.Rendered rendered = renderer.render(session, cart, cancel);
    if (!rendered.valid()) {
      return new CartReturnResult.DoesNotFit(session.id(), session.format(), rendered.violations());
    }
    SessionStatus target = cancel ? SessionStatus.CANCELLED : SessionStatus.TRANSFERRED;
    return switch (sessions.close(session.id(), target, cart, now)) {
      case TransferOutcome.Transferred t -> new CartReturnResult.Transferred(session.id(), rendered.form());
      // lost a race with a concurrent request: an identical retry still gets the page, another cart conflicts
      case TransferOutcome.AlreadyClosed closed ->
          replayOrConflict(session, closed.status(), closed.storedCart(), cart, cancel);
      case TransferOutcome.Expired e -> new CartReturnResult.Expired(session.id());
      case TransferOutcome.TooLarge t -> new CartReturnResult.StoredTooLarge(session.id(), t.storedBytes(), t.maxBytes());
      case TransferOutcome.NotFound n -> new CartReturnResult.UnknownSession(true);
    };
  }

  /**
   * A retry of the very transfer that already closed the session (the shop lost our first answer) gets the
   * same form again; anything else is a second transfer and conflicts.
   */
  private CartReturnResult replayOrConflict(Session session, SessionStatus status, Cart storedCart, Cart cart,
      boolean cancel) {
    SessionStatus expected = cancel ? SessionStatus.CANCELLED : SessionStatus.TRANSFERRED;
    if (status == expected && storedCart != null && sameCart(storedCart, cart)) {
      CartRenderer.Rendered again = renderers.get(session.format()).render(session, cart, cancel);
      if (again.valid()) {
        return new CartReturnResult.Transferred(session.id(), again.form());
      }
    }
    return new CartReturnResult.AlreadyClosed(session.id(), status);
  }

  private static boolean sameCart(Cart a, Cart b) {
    return Json.write(CartJson.write(a)).equals(Json.write(CartJson.write(b)));
  }
}
