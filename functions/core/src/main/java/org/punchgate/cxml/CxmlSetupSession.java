package org.punchgate.cxml;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.Connection;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;

/**
 * The session a PunchOutSetupRequest opens: what the cart return needs from it (its call-up), the
 * extrinsics the connection passes on to the shop, the user the shop logs in, and for edit and inspect
 * the cart to reopen in the shop's units.
 */
final class CxmlSetupSession {

  /** Extrinsics that name the user, in order of preference (the token's {@code sub}). */
  static final List<String> USER_EXTRINSICS = List.of("UserEmail", "UniqueName");

  private CxmlSetupSession() {}

  static Session open(String sessionId, CxmlDocument document, CxmlPayload.PunchOutSetupRequest setup,
      String formPost, CxmlAuthentication.Authenticated auth, Instant now) {
    Connection connection = auth.connection();
    Map<String, String> toShop = new LinkedHashMap<>();
    for (String name : connection.cxml().extrinsicsToShop()) {
      if (setup.extrinsics().containsKey(name)) {
        toShop.put(name, setup.extrinsics().get(name));
      }
    }
    Cart initialCart = setup.operation() == PunchOutOperation.CREATE ? null : toShopUnits(setup.items(), connection);
    return new Session(sessionId, connection.withoutSecret(), subject(setup, auth), SessionStatus.OPEN,
        now, now.plus(connection.sessionLifetime()), callUp(document, setup, formPost, auth), toShop, initialCart,
        null, null);
  }

  private static CallUp.Cxml callUp(CxmlDocument document, CxmlPayload.PunchOutSetupRequest setup,
                                    String formPost, CxmlAuthentication.Authenticated auth) {
    CxmlHeader header = document.header();
    CxmlAddress a = setup.shipTo();
    CallUp.Cxml.ShipTo shipTo = a == null ? null : new CallUp.Cxml.ShipTo(a.addressId(), a.addressIdDomain(), a.name(),
        a.deliverTo().isEmpty() ? null : String.join("\n", a.deliverTo()),
        a.street().isEmpty() ? null : String.join("\n", a.street()),
        a.city(), a.state(), a.postalCode(), a.countryCode(), a.country());
    var selected = setup.selectedItem() == null ? null : new CallUp.Cxml.SelectedItem(
        setup.selectedItem().supplierPartId(), setup.selectedItem().supplierPartAuxiliaryId());
    return new CallUp.Cxml(setup.buyerCookie() == null ? "" : setup.buyerCookie(), formPost,
        setup.operation().value(), document.deploymentMode(), document.payloadId(), document.version(),
        document.lang(), first(header.from()), first(header.to()), auth.sender().withoutSecret(),
        header.userAgent(), shipTo, selected);
  }

  private static CxmlCredential first(List<CxmlHeader.Credential> credentials) {
    if (credentials.isEmpty() || credentials.get(0).domain() == null || credentials.get(0).identity() == null) {
      return null;
    }
    return credentials.get(0).withoutSecret();
  }

  /** Who the shop logs in: the user's e-mail or unique name from the extrinsics, else the Sender identity. */
  private static String subject(CxmlPayload.PunchOutSetupRequest setup, CxmlAuthentication.Authenticated auth) {
    for (String name : USER_EXTRINSICS) {
      String value = setup.extrinsics().get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return auth.sender().identity();
  }

  /** The edited cart in the shop's units: the connection's unit map read backwards. */
  private static Cart toShopUnits(Cart items, Connection connection) {
    if (connection.unitMap().isEmpty()) {
      return items;
    }
    Map<String, String> reverse = new LinkedHashMap<>();
    connection.unitMap().forEach((shop, buyer) -> reverse.putIfAbsent(buyer, shop));
    List<CartLine> lines = new ArrayList<>();
    for (CartLine l : items.lines()) {
      String unit = l.unit() == null ? null : reverse.getOrDefault(l.unit(), l.unit());
      lines.add(l.copy(b -> b.unit(unit)));
    }
    return new Cart(items.currency(), lines, items.shipping(), items.tax());
  }
}
