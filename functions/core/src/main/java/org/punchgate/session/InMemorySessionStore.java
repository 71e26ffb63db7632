package org.punchgate.session;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.punchgate.cart.Cart;

/**
 * Sessions in memory, with the same conditional semantics as the DynamoDB store. For unit tests and for
 * the benchmark's CPU-only runs; never used by a deployed function.
 */
public final class InMemorySessionStore implements SessionStore {

  private record Entry(Session session, StartTicket ticket) {}

  private final ConcurrentMap<String, Entry> sessions = new ConcurrentHashMap<>();

  /** How many sessions are stored (tests check that a refused call wrote nothing). */
  public int size() {
    return sessions.size();
  }

  @Override
  public void create(Session session, StartTicket startTicket) {
    if (sessions.putIfAbsent(session.id(), new Entry(session, startTicket)) != null) {
      throw new IllegalStateException("session id already taken");
    }
  }

  @Override
  public Optional<Session> find(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId)).map(Entry::session);
  }

  @Override
  public TransferOutcome close(String sessionId, SessionStatus newStatus, Cart cart, Instant now) {
    int stored = StoredDocuments.cart(cart).length; // the same limit as the DynamoDB store
    if (stored > StoredDocuments.MAX_STORED_CART_BYTES) {
      return new TransferOutcome.TooLarge(stored, StoredDocuments.MAX_STORED_CART_BYTES);
    }
    TransferOutcome[] outcome = new TransferOutcome[1];
    sessions.compute(sessionId, (id, entry) -> {
      if (entry == null) {
        outcome[0] = new TransferOutcome.NotFound();
        return null;
      }
      Session session = entry.session();
      if (session.status() != SessionStatus.OPEN) {
        outcome[0] = new TransferOutcome.AlreadyClosed(session.status(), session.transferredCart());
        return entry;
      }
      if (session.isExpiredAt(now)) {
        outcome[0] = new TransferOutcome.Expired();
        return entry;
      }
      Session closed = session.transferred(newStatus, cart, now);
      outcome[0] = new TransferOutcome.Transferred(closed);
      return new Entry(closed, null);
    });
    return outcome[0];
  }

  @Override
  public Optional<Session> redeemStartTicket(String sessionId, String ticket, Instant now) {
    Session[] redeemed = new Session[1];
    sessions.computeIfPresent(sessionId, (id, entry) -> {
      StartTicket t = entry.ticket();
      if (t != null && t.value().equals(ticket) && now.isBefore(t.expiresAt())
          && !entry.session().isExpiredAt(now)) {
        redeemed[0] = entry.session();
        return new Entry(entry.session(), null);
      }
      return entry;
    });
    return Optional.ofNullable(redeemed[0]);
  }
}
