package org.punchgate.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.punchgate.cart.Cart;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderOutbox;
import org.punchgate.order.OrderReceipt;
import org.punchgate.order.OrderStore;

/**
 * Sessions in memory, with the same conditional semantics as the DynamoDB store, and the orders and
 * outbox entries that ordering a cart (or recording a PunchIn order of its own) writes. For unit tests and for
 * the benchmark's CPU-only runs; never used by a deployed function.
 */
public final class InMemorySessionStore implements SessionStore, SessionOrders, SessionActivity, OrderStore {

  private record Entry(Session session, StartTicket ticket, OrderReceipt order) {}

  private final ConcurrentMap<String, Entry> sessions = new ConcurrentHashMap<>();
  private final ConcurrentMap<OrderId, Order> orders = new ConcurrentHashMap<>();
  /** Outbox entries by (recorded at, order id), oldest first; guarded by itself. */
  private final NavigableMap<String, Order> outbox = new TreeMap<>();
  private final OrderOutbox outboxView = new Outbox();

  /** How many sessions are stored (tests check that a refused call wrote nothing). */
  public int size() {
    return sessions.size();
  }

  /** The orders stored, by id (tests check that a refused ping wrote nothing). */
  public Map<OrderId, Order> orders() {
    return Map.copyOf(orders);
  }

  /** The outbox the orders of this store go through. */
  public OrderOutbox outbox() {
    return outboxView;
  }

  @Override
  public void create(Session session, StartTicket startTicket) {
    if (sessions.putIfAbsent(session.id(), new Entry(session, startTicket, null)) != null) {
      throw new IllegalStateException("session id already taken");
    }
  }

  @Override
  public Optional<Session> find(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId)).map(Entry::session);
  }

  @Override
  public Optional<WithOrder> findWithOrder(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId)).map(e -> new WithOrder(e.session(), e.order()));
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
      return new Entry(closed, null, null);
    });
    return outcome[0];
  }

  @Override
  public OrderOutcome order(String sessionId, Order order, Instant now) {
    OrderOutcome[] outcome = new OrderOutcome[1];
    sessions.computeIfPresent(sessionId, (id, entry) -> {
      Session session = entry.session();
      if (!session.connectionId().equals(order.connectionId())) {
        outcome[0] = new OrderOutcome.NotFound();
        return entry;
      }
      if (entry.order() != null) {
        outcome[0] = new OrderOutcome.AlreadyOrdered(entry.order());
        return entry;
      }
      if (session.status() != SessionStatus.TRANSFERRED) {
        outcome[0] = new OrderOutcome.NotTransferred(session.status());
        return entry;
      }
      OrderReceipt receipt = OrderReceipt.of(order);
      orders.put(order.orderId(), order);
      synchronized (outbox) {
        outbox.put(outboxKey(order), order);
      }
      outcome[0] = new OrderOutcome.Ordered(receipt);
      return new Entry(session.transferred(SessionStatus.ORDERED, session.transferredCart(), session.transferredAt()),
          null, receipt);
    });
    return outcome[0] == null ? new OrderOutcome.NotFound() : outcome[0];
  }

  @Override
  public Recorded record(Order order) {
    if (orders.putIfAbsent(order.orderId(), order) != null) {
      return Recorded.EXISTING;
    }
    synchronized (outbox) {
      outbox.put(outboxKey(order), order);
    }
    return Recorded.NEW;
  }

  @Override
  public Optional<Session> redeemStartTicket(String sessionId, String ticket, Instant now) {
    Session[] redeemed = new Session[1];
    sessions.computeIfPresent(sessionId, (id, entry) -> {
      StartTicket t = entry.ticket();
      if (t != null && t.value().equals(ticket) && now.isBefore(t.expiresAt())
          && !entry.session().isExpiredAt(now)) {
        redeemed[0] = entry.session();
        return new Entry(entry.session(), null, entry.order());
      }
      return entry;
    });
    return Optional.ofNullable(redeemed[0]);
  }

  @Override
  public ConnectionActivity of(String connectionId, Instant now) {
    List<Session> mine = sessions.values().stream().map(Entry::session)
        .filter(s -> s.connectionId().equals(connectionId)).toList();
    Instant last = mine.stream().map(Session::createdAt).max(Instant::compareTo).orElse(null);
    int open = (int) mine.stream().filter(s -> s.status() == SessionStatus.OPEN && !s.isExpiredAt(now)).count();
    return new ConnectionActivity(last, open);
  }

  private static String outboxKey(Order order) {
    return String.format("%013d#%s", order.createdAt().toEpochMilli(), order.orderId().value());
  }

  private final class Outbox implements OrderOutbox {
    @Override
    public List<Order> due(Instant recordedBefore, int limit) {
      synchronized (outbox) {
        List<Order> due = new ArrayList<>();
        for (Order order : outbox.headMap(String.format("%013d", recordedBefore.toEpochMilli())).values()) {
          if (due.size() == limit) {
            break;
          }
          due.add(order);
        }
        return due;
      }
    }

    @Override
    public void markSent(Order order) {
      synchronized (outbox) {
        outbox.remove(outboxKey(order));
      }
    }
  }
}
