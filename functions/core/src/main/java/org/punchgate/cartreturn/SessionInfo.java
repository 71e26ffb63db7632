package org.punchgate.cartreturn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.punchgate.cart.CartJson;
import org.punchgate.json.Json;
import org.punchgate.oci.OciCallUp;
import org.punchgate.session.Session;

/**
 * What the shop learns about a session (README "Shop API"): who the buyer is, which user group (prices,
 * assortment) applies, the OCI function to serve, and for reopened carts the initial lines.
 */
final class SessionInfo {

  private SessionInfo() {}

  static ObjectNode of(Session session, Instant now) {
    ObjectNode n = Json.object();
    n.put("sessionId", session.id());
    n.put("status", session.status().name());
    n.put("connectionId", session.connectionId());
    n.put("format", session.format().name());
    n.put("userGroup", session.userGroup());
    Json.putIfPresent(n, "user", session.username());
    n.put("createdAt", session.createdAt().toString());
    n.put("expiresAt", session.expiresAt().toString());
    n.put("secondsLeft", Math.max(0, session.expiresAt().getEpochSecond() - now.getEpochSecond()));
    String function = session.callUp(OciCallUp.FUNCTION);
    if (function != null) {
      n.put("function", function);
    } else {
      n.putNull("function");
    }
    ObjectNode parameters = n.putObject("functionParameters");
    for (String name : OciCallUp.FUNCTION_PARAMETERS) {
      Json.putIfPresent(parameters, name, session.callUp(name));
    }
    n.set("extrinsics", Json.fromMap(session.extrinsics()));
    if (session.initialCart() != null) {
      n.set("initialCart", CartJson.write(session.initialCart()));
    }
    if (session.transferredCart() != null) {
      n.set("transferredCart", CartJson.write(session.transferredCart()));
    }
    return n;
  }
}
