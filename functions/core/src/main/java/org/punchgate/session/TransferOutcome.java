package org.punchgate.session;

import org.punchgate.cart.Cart;

/** What happened when a session was asked to close with a cart. */
public sealed interface TransferOutcome {

  record Transferred(Session session) implements TransferOutcome {}

  record NotFound() implements TransferOutcome {}

  record Expired() implements TransferOutcome {}

  /** The cart, even compressed, is more than a session may keep; the session stays open. */
  record TooLarge(int storedBytes, int maxBytes) implements TransferOutcome {}

  /**
   * The session was already closed: by an earlier transfer or cancel (a retry, a second tab). {@code storedCart}
   * is the cart that closed it (from the old item the failed condition returned), so an identical retry that
   * lost the race can still be answered with the same page; null when none was kept.
   */
  record AlreadyClosed(SessionStatus status, Cart storedCart) implements TransferOutcome {}
}
