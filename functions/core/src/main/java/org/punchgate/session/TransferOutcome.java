package org.punchgate.session;

/** What happened when a session was asked to close with a cart. */
public sealed interface TransferOutcome {

  record Transferred(Session session) implements TransferOutcome {}

  record NotFound() implements TransferOutcome {}

  record Expired() implements TransferOutcome {}

  /** The cart, even compressed, is more than a session may keep; the session stays open. */
  record TooLarge(int storedBytes, int maxBytes) implements TransferOutcome {}

  /** The session was already closed: by an earlier transfer or cancel (a retry, a second tab). */
  record AlreadyClosed(SessionStatus status) implements TransferOutcome {}
}
