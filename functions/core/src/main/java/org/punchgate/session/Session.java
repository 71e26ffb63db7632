package org.punchgate.session;

import java.time.Instant;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;

/**
 * A punchout session: who logged in through which connection, what the buyer's system sent at login
 * ({@code callUp}: OCI call-up parameters, cXML BuyerCookie, BrowserFormPost, ShipTo, ...), the extrinsics
 * passed to the shop, and everything the cart return needs, including a snapshot of the connection
 * (without its secret) so that the return reads one item only. {@code initialCart} is the cart a cXML
 * edit/inspect reopens; {@code transferredCart} is what went back to the buyer.
 */
public record Session(
    String id,
    Connection connection,
    String username,
    SessionStatus status,
    Instant createdAt,
    Instant expiresAt,
    CallUp callUp,
    Map<String, String> extrinsics,
    Cart initialCart,
    Cart transferredCart,
    Instant transferredAt) {

  public Session {
    callUp = callUp == null ? CallUp.fromStored(connection.format(), Map.of()) : callUp;
    extrinsics = extrinsics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extrinsics));
  }

  /**
   * The id of the cart this session transfers, which an order ping names: the session id itself, so that
   * every format (OCI, cXML, PEPPOL) derives it without storing anything (README "Cart id").
   */
  public String cartId() {
    return cartIdOf(id);
  }

  /** The cart id of the session {@code sessionId}. */
  public static String cartIdOf(String sessionId) {
    return sessionId;
  }

  public String connectionId() {
    return connection.id();
  }

  public ConnectionFormat format() {
    return connection.format();
  }

  public String userGroup() {
    return connection.userGroup();
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public Session transferred(SessionStatus newStatus, Cart cart, Instant at) {
    return new Session(id, connection, username, newStatus, createdAt, expiresAt, callUp, extrinsics,
        initialCart, cart, at);
  }
}
