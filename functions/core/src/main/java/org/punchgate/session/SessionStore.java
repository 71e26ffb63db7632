package org.punchgate.session;

import java.time.Instant;
import java.util.Optional;
import org.punchgate.cart.Cart;

/** Where sessions live. Every state change is conditional, so a retry or a race never doubles one. */
public interface SessionStore {

  /**
   * Stores a new session. {@code startTicket} (may be null) is a single-use secret with its expiry that
   * lets a browser open the session once (cXML StartPage).
   */
  void create(Session session, StartTicket startTicket);

  Optional<Session> find(String sessionId);

  /** Moves an OPEN, unexpired session to {@code newStatus}, keeping the cart, in one conditional write. */
  TransferOutcome close(String sessionId, SessionStatus newStatus, Cart cart, Instant now);

  /** Redeems a start ticket once: the session when ticket and session match and neither has expired. */
  Optional<Session> redeemStartTicket(String sessionId, String ticket, Instant now);

  /** A single-use secret that opens a session once, before it expires. */
  record StartTicket(String value, Instant expiresAt) {}
}
