package org.punchgate.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.json.Json;

/** The stored form of a session's immutable part (status and the transferred cart are kept beside it). */
public final class SessionJson {

  private SessionJson() {}

  public static ObjectNode write(Session s) {
    ObjectNode n = Json.object();
    n.put("id", s.id());
    n.set("connection", ConnectionJson.write(s.connection().withoutSecret()));
    Json.putIfPresent(n, "username", s.username());
    n.put("createdAt", s.createdAt().toString());
    n.put("expiresAt", s.expiresAt().toString());
    n.set("callUp", Json.fromMap(s.callUp().stored()));
    n.set("extrinsics", Json.fromMap(s.extrinsics()));
    if (s.initialCart() != null) {
      n.set("initialCart", CartJson.write(s.initialCart()));
    }
    return n;
  }

  /** Rebuilds a session from its stored document plus the separately kept status and cart. */
  public static Session read(JsonNode n, SessionStatus status, Cart transferredCart, Instant transferredAt) {
    JsonNode initial = n.get("initialCart");
    Connection connection = ConnectionJson.read(n.get("connection"), null);
    return new Session(
        Json.text(n, "id"),
        connection,
        Json.text(n, "username"),
        status,
        Instant.parse(Json.text(n, "createdAt")),
        Instant.parse(Json.text(n, "expiresAt")),
        CallUp.fromStored(connection.format(), Json.stringMap(n, "callUp")),
        Json.stringMap(n, "extrinsics"),
        initial == null || initial.isNull() ? null : CartJson.read(initial).cart(),
        transferredCart,
        transferredAt);
  }
}
