package org.punchgate.cartreturn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.punchgate.cart.CartJson;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.json.Json;
import org.punchgate.oci.OciCallUp;
import org.punchgate.session.CallUp;
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
    n.put("cartId", session.cartId()); // what the buyer's order ping names (README "Cart id")
    n.put("status", session.status().name());
    n.put("connectionId", session.connectionId());
    n.put("format", session.format().name());
    n.put("userGroup", session.userGroup());
    Json.putIfPresent(n, "user", session.username());
    n.put("createdAt", session.createdAt().toString());
    n.put("expiresAt", session.expiresAt().toString());
    n.put("secondsLeft", Math.max(0, session.expiresAt().getEpochSecond() - now.getEpochSecond()));
    CallUp callUp = session.callUp();
    String function = callUp instanceof CallUp.Oci oci ? oci.parameter(OciCallUp.FUNCTION) : null;
    if (function != null) {
      n.put("function", function);
    } else {
      n.putNull("function");
    }
    ObjectNode parameters = n.putObject("functionParameters");
    if (callUp instanceof CallUp.Oci oci) {
      for (String name : OciCallUp.FUNCTION_PARAMETERS) { // OCI §1.2
        Json.putIfPresent(parameters, name, oci.parameter(name));
      }
    }
    n.set("extrinsics", Json.fromMap(session.extrinsics()));
    if (callUp instanceof CallUp.Cxml cxml) {
      cxmlPart(n, cxml);
    }
    if (session.initialCart() != null) {
      n.set("initialCart", CartJson.write(session.initialCart()));
    }
    if (session.transferredCart() != null) {
      n.set("transferredCart", CartJson.write(session.transferredCart()));
    }
    return n;
  }

  /** The setup request's operation, and the ShipTo and SelectedItem a shop may show. */
  private static void cxmlPart(ObjectNode n, CallUp.Cxml cxml) {
    if (cxml.operation() != null) {
      n.put("operation", cxml.operation());
      n.put("readOnly", PunchOutOperation.INSPECT.value().equals(cxml.operation()));
    }
    if (cxml.shipTo() != null && !cxml.shipTo().fields().isEmpty()) {
      n.set("shipTo", Json.fromMap(cxml.shipTo().fields()));
    }
    if (cxml.selectedItem() != null && !cxml.selectedItem().fields().isEmpty()) {
      n.set("selectedItem", Json.fromMap(cxml.selectedItem().fields()));
    }
  }
}
