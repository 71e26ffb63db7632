package org.punchgate.cartreturn;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.punchgate.cart.CartJson;
import org.punchgate.cxml.CxmlCallUp;
import org.punchgate.cxml.PunchOutOperation;
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
    for (String name : OciCallUp.FUNCTION_PARAMETERS) { // OCI §1.2
      Json.putIfPresent(parameters, name, session.callUp(name));
    }
    n.set("extrinsics", Json.fromMap(session.extrinsics()));
    String operation = session.callUp(CxmlCallUp.OPERATION);
    if (operation != null) {
      n.put("operation", operation);
      n.put("readOnly", PunchOutOperation.INSPECT.value().equals(operation));
    }
    ObjectNode shipTo = Json.object();
    session.callUp().forEach((key, value) -> {
      if (key.startsWith("shipTo.")) {
        shipTo.put(key.substring("shipTo.".length()), value);
      }
    });
    if (!shipTo.isEmpty()) {
      n.set("shipTo", shipTo);
    }
    ObjectNode selected = Json.object();
    Json.putIfPresent(selected, "supplierPartID", session.callUp(CxmlCallUp.SELECTED_SUPPLIER_PART_ID));
    Json.putIfPresent(selected, "supplierPartAuxiliaryID", session.callUp(CxmlCallUp.SELECTED_SUPPLIER_PART_AUXILIARY_ID));
    if (!selected.isEmpty()) {
      n.set("selectedItem", selected);
    }
    if (session.initialCart() != null) {
      n.set("initialCart", CartJson.write(session.initialCart()));
    }
    if (session.transferredCart() != null) {
      n.set("transferredCart", CartJson.write(session.transferredCart()));
    }
    return n;
  }
}
