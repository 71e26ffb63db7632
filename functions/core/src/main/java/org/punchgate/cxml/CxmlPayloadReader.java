package org.punchgate.cxml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.xml.XmlElement;

/**
 * Reads the payload of a cXML Request, Message or Response (SPECS §2.2–2.3): PunchOutSetupRequest,
 * ProfileRequest, PunchOutOrderMessage and a Response's Status; other payloads come back as
 * {@link CxmlPayload.Other}.
 */
final class CxmlPayloadReader {

  private final CxmlChecks checks;
  private final CxmlItemReader items;

  CxmlPayloadReader(CxmlChecks checks) {
    this.checks = checks;
    this.items = new CxmlItemReader(checks);
  }

  CxmlPayload body(XmlElement body, String path) {
    List<XmlElement> children = new ArrayList<>();
    for (XmlElement child : body.children()) {
      if (!child.name().equals("Status")) { // a Message may start with a Status
        children.add(child);
      }
    }
    if (children.size() != 1) {
      checks.problem(path, body, "must contain exactly one request or message element, found " + children.size());
      return null;
    }
    XmlElement payload = children.get(0);
    String at = path + "/" + payload.name();
    return switch (payload.name()) {
      case "PunchOutSetupRequest" -> setupRequest(payload, at);
      case "ProfileRequest" -> new CxmlPayload.ProfileRequest();
      case "PunchOutOrderMessage" -> orderMessage(payload, at);
      default -> new CxmlPayload.Other(body.name(), payload.name());
    };
  }

  CxmlPayload.PunchOutSetupRequest setupRequest(XmlElement e, String path) {
    String op = checks.required(e, path, "operation");
    PunchOutOperation operation = op == null ? null : PunchOutOperation.of(op.strip()).orElse(null);
    if (op != null && operation == null) {
      checks.problem(path + "/@operation", e, "must be create, inspect, edit or source, not '" + op + "'");
    }
    XmlElement cookie = e.child("BuyerCookie");
    if (cookie == null) {
      checks.problem(path + "/BuyerCookie", e, "is missing");
    }
    Map<String, String> extrinsics = checks.extrinsics(e, path);
    XmlElement formPost = e.child("BrowserFormPost");
    String formPostUrl = formPost == null ? null : formPost.childText("URL");
    XmlElement supplierSetup = e.child("SupplierSetup");
    List<CxmlContact> contacts = new ArrayList<>();
    for (XmlElement c : e.children("Contact")) {
      contacts.add(new CxmlContact(c.attribute("role"), c.childText("Name"), c.childText("Email")));
    }
    XmlElement shipTo = e.child("ShipTo");
    CxmlAddress address = shipTo == null || shipTo.child("Address") == null ? null
        : CxmlReader.address(shipTo.child("Address"));
    Cart cart = items.items(e.children("ItemOut"), path + "/ItemOut", false);
    return new CxmlPayload.PunchOutSetupRequest(operation, cookie == null ? null : cookie.innerXml(), extrinsics,
        formPostUrl, supplierSetup == null ? null : supplierSetup.childText("URL"), contacts, address,
        selectedItem(e.child("SelectedItem")), cart);
  }

  private static CxmlPayload.SelectedItem selectedItem(XmlElement selected) {
    if (selected == null || selected.child("ItemID") == null) {
      return null;
    }
    XmlElement id = selected.child("ItemID");
    XmlElement aux = id.child("SupplierPartAuxiliaryID");
    return new CxmlPayload.SelectedItem(id.childText("SupplierPartID"),
        aux == null ? null : CxmlItemReader.auxiliaryId(aux));
  }

  CxmlPayload.PunchOutOrderMessage orderMessage(XmlElement e, String path) {
    XmlElement cookie = e.child("BuyerCookie");
    if (cookie == null) {
      checks.problem(path + "/BuyerCookie", e, "is missing");
    }
    XmlElement header = e.child("PunchOutOrderMessageHeader");
    String headerPath = path + "/PunchOutOrderMessageHeader";
    PunchOutOperation allowed = null;
    BigDecimal total = null;
    String currency = null;
    BigDecimal shipping = null;
    BigDecimal tax = null;
    if (header == null) {
      checks.problem(headerPath, e, "is missing");
    } else {
      String op = checks.required(header, headerPath, "operationAllowed");
      allowed = op == null ? null : PunchOutOperation.of(op.strip()).filter(o -> o != PunchOutOperation.SOURCE).orElse(null);
      if (op != null && allowed == null) {
        checks.problem(headerPath + "/@operationAllowed", header, "must be create, inspect or edit, not '" + op + "'");
      }
      XmlElement money = header.child("Total") == null ? null : header.child("Total").child("Money");
      if (money == null) {
        checks.problem(headerPath + "/Total/Money", header, "is missing");
      } else {
        total = checks.decimal(money.allText(), headerPath + "/Total/Money", money);
        currency = money.attribute("currency");
      }
      shipping = checks.optionalMoney(header.child("Shipping"), headerPath + "/Shipping/Money");
      tax = checks.optionalMoney(header.child("Tax"), headerPath + "/Tax/Money");
    }
    Cart lines = items.items(e.children("ItemIn"), path + "/ItemIn", true);
    Cart cart = new Cart(lines.currency() != null ? lines.currency() : currency, lines.lines(), shipping, tax);
    return new CxmlPayload.PunchOutOrderMessage(cookie == null ? null : cookie.innerXml(), allowed, total,
        currency, cart);
  }

  CxmlPayload.Response response(XmlElement e, String path) {
    XmlElement status = e.child("Status");
    CxmlStatus parsed = null;
    if (status == null) {
      checks.problem(path + "/Status", e, "is missing");
    } else {
      String code = checks.required(status, path + "/Status", "code");
      int value = 0;
      try {
        value = code == null ? 0 : Integer.parseInt(code.strip());
      } catch (NumberFormatException nfe) {
        checks.problem(path + "/Status/@code", status, "is not a number: '" + code + "'");
      }
      String detail = status.allText().strip();
      parsed = new CxmlStatus(value, status.attribute("text"), detail.isEmpty() ? null : detail);
    }
    String responseName = null;
    String startPage = null;
    for (XmlElement child : e.children()) {
      if (!child.name().equals("Status")) {
        responseName = child.name();
        XmlElement page = child.child("StartPage");
        if (page != null) {
          startPage = page.childText("URL");
        }
      }
    }
    return new CxmlPayload.Response(parsed, responseName, startPage);
  }
}
