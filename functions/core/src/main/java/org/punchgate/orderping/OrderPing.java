package org.punchgate.orderping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.ConnectionUser;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderReceipt;
import org.punchgate.security.SecretVerifier;
import org.punchgate.session.OrderOutcome;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionOrders;

/**
 * The order ping without HTTP: the procurement system says the purchase order for a transferred cart is
 * approved, and the cart becomes an order, once. Calls on the way: one read of the session (with the receipt
 * of an earlier order), one read of its connection for the secret, one transaction (session ORDERED +
 * order + outbox entry), one send, one outbox delete. A repeated ping stops after the two reads.
 */
public final class OrderPing {

  private final SessionOrders sessions;
  private final ConnectionStore connections;
  private final OrderHandOff handOff;
  private final Clock clock;
  private final Duration retention;
  private final SecretVerifier secrets;

  public OrderPing(SessionOrders sessions, ConnectionStore connections, OrderHandOff handOff, Clock clock,
      Duration retention, SecretVerifier secrets) {
    this.secrets = secrets;
    this.sessions = sessions;
    this.connections = connections;
    this.handOff = handOff;
    this.clock = clock;
    this.retention = retention;
  }

  OrderPingResult ping(OrderPingRequest ping, BasicCredentials credentials) {
    if (credentials == null) {
      return new OrderPingResult.Unauthorized();
    }
    Optional<SessionOrders.WithOrder> found = sessions.findWithOrder(ping.cartId());
    Optional<Connection> connection = found.flatMap(f -> connections.find(f.session().connectionId()));
    Optional<String> stored = connection.flatMap(c -> storedSecret(c, credentials.username()));
    if (stored.isEmpty()) {
      // unknown cart, or one of another connection: the same answer, after the same work
      secrets.verifyAgainstNothing(credentials.secret());
      return new OrderPingResult.UnknownCart();
    }
    if (!secrets.verify(credentials.secret(), stored.get()) || !connection.get().active()) {
      return new OrderPingResult.Unauthorized();
    }
    Session session = found.get().session();
    Instant now = clock.instant();
    if (found.get().order() != null) {
      return answerFor(found.get().order(), ping);
    }
    if (session.status() != SessionStatus.TRANSFERRED) {
      return new OrderPingResult.NotTransferred(session.status());
    }
    if (!now.isBefore(session.expiresAt().plus(retention))) {
      return new OrderPingResult.PastRetention();
    }
    Order order;
    try {
      order = CartOrder.of(session, ping, now);
    } catch (IllegalArgumentException e) {
      return new OrderPingResult.NotOrderable("The transferred cart does not make a valid order: " + e.getMessage());
    }
    int bytes = ErpOrderMessage.write(order).length;
    if (bytes > ErpOrderMessage.MAX_BYTES) {
      return new OrderPingResult.NotOrderable("The order's ERP message would take " + bytes
          + " bytes; the queue takes at most " + ErpOrderMessage.MAX_BYTES + ".");
    }
    return switch (sessions.order(session.id(), order, now)) {
      case OrderOutcome.Ordered o -> {
        handOff.handOff(order); // a failure here stays in the outbox for the sweeper; the order stands
        yield new OrderPingResult.Ordered(o.receipt(), false);
      }
      case OrderOutcome.AlreadyOrdered a -> answerFor(a.existing(), ping);
      case OrderOutcome.NotFound n -> new OrderPingResult.UnknownCart();
      case OrderOutcome.NotTransferred t -> new OrderPingResult.NotTransferred(t.status());
      case OrderOutcome.PastRetention p -> new OrderPingResult.PastRetention();
    };
  }

  /** The same ping again gets the same order; another order number for the same cart conflicts. */
  private static OrderPingResult answerFor(OrderReceipt existing, OrderPingRequest ping) {
    return existing.orderNumber().equals(ping.orderNumber())
        ? new OrderPingResult.Ordered(existing, true)
        : new OrderPingResult.OtherOrderNumber(existing);
  }

  /**
   * The stored secret of a Basic user name: any of the connection's users (OCI, PEPPOL), or the connection id where
   * it has none (cXML connections authenticate by Sender and shared secret, not by a user name). Every name is
   * compared, so where a name is in the list does not show in the time taken.
   */
  public static Optional<String> storedSecret(Connection connection, String username) {
    if (connection.users().isEmpty()) {
      return sameText(username, connection.id()) ? Optional.ofNullable(connection.secretHash()) : Optional.empty();
    }
    String found = null;
    for (ConnectionUser user : connection.users()) {
      if (sameText(username, user.username()) && found == null) {
        found = user.secretHash();
      }
    }
    return Optional.ofNullable(found);
  }

  private static boolean sameText(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
