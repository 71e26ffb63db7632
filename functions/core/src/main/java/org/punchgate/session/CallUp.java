package org.punchgate.session;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.CxmlCredential;

/**
 * What the buyer's system said when it opened a session, one record per protocol. Stored as one flat map
 * of text values under the session's {@code callUp} (the names below), so that sessions stored before
 * these types existed read unchanged. The records live here rather than in their protocol packages
 * because a sealed type's records must share its package (no module system in a Lambda jar).
 */
public sealed interface CallUp permits CallUp.Oci, CallUp.Cxml, CallUp.Peppol {

  /** The stored form: name to value, in a stable order, absent values left out. */
  Map<String, String> stored();

  /** Rebuilds the call-up of a session of {@code format} from its stored form. */
  static CallUp fromStored(ConnectionFormat format, Map<String, String> stored) {
    return switch (format) {
      case CXML -> Cxml.fromStored(stored);
      case PEPPOL_PUNCHOUT -> Peppol.fromStored(stored);
      case OCI_3_0, OCI_4_0, OCI_5_0 -> Oci.fromStored(stored);
    };
  }

  /**
   * How a PEPPOL punch-out session was opened (SPECS §3.2): the buyer's return service the Base64 cart is
   * posted to, the buyer reference that goes to ReceiverParty/Contact/ID, and, for a session opened by a
   * login link, that link's public id (null after a posted login).
   */
  record Peppol(String returnUrl, String buyerReference, String loginLinkId) implements CallUp {

    public static final String RETURN_URL = "returnUrl";
    public static final String BUYER_REFERENCE = "buyerReference";
    public static final String LOGIN_LINK = "loginLinkId";

    @Override
    public Map<String, String> stored() {
      Map<String, String> c = new LinkedHashMap<>();
      Cxml.put(c, RETURN_URL, returnUrl);
      Cxml.put(c, BUYER_REFERENCE, buyerReference);
      Cxml.put(c, LOGIN_LINK, loginLinkId);
      return Collections.unmodifiableMap(c);
    }

    static Peppol fromStored(Map<String, String> s) {
      return new Peppol(s.get(RETURN_URL), s.get(BUYER_REFERENCE), s.get(LOGIN_LINK));
    }
  }

  /**
   * The OCI call-up parameters the login kept (SPECS §1.1, §1.2), by their OCI names: the OCI call-up is a
   * list of named parameters, and the cart form echoes some of them by name.
   */
  record Oci(Map<String, String> parameters) implements CallUp {

    public Oci {
      parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    static Oci fromStored(Map<String, String> stored) {
      return new Oci(stored);
    }

    /** A parameter by its OCI name; other spellings ({@code ~target}) are tolerated (SPECS §5). */
    public String parameter(String name) {
      String exact = parameters.get(name);
      if (exact != null) {
        return exact;
      }
      for (Map.Entry<String, String> entry : parameters.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name)) {
          return entry.getValue();
        }
      }
      return null;
    }

    @Override
    public Map<String, String> stored() {
      return parameters;
    }
  }

  /**
   * What a cXML PunchOutSetupRequest said: what the cart return needs (BuyerCookie, BrowserFormPost,
   * operation, the parties) and what a shop may show (ShipTo, SelectedItem).
   *
   * @param buyerCookie     the BuyerCookie's content as XML, echoed back unchanged in the PunchOutOrderMessage
   * @param operation       create, edit or inspect
   * @param deploymentMode  production or test: copied to the PunchOutOrderMessage's Message
   * @param payloadId       the setup request's payloadID: the PunchOutOrderMessage's {@code inReplyTo}
   * @param version         the cXML version the buyer's system wrote
   * @param lang            the setup request's xml:lang
   */
  record Cxml(
      String buyerCookie,
      String browserFormPost,
      String operation,
      String deploymentMode,
      String payloadId,
      String version,
      String lang,
      CxmlCredential from,
      CxmlCredential to,
      CxmlCredential sender,
      String userAgent,
      ShipTo shipTo,
      SelectedItem selectedItem) implements CallUp {

    public static final String BUYER_COOKIE = "buyerCookie";
    public static final String BROWSER_FORM_POST = "browserFormPost";
    public static final String FROM_IDENTITY = "fromIdentity";

    /**
     * The ShipTo address; its several DeliverTo or Street lines are joined by newlines. {@code addressIdDomain}
     * says whose id {@code addressId} is (DUNS, ILN, buyerLocationID).
     */
    public record ShipTo(String addressId, String addressIdDomain, String name, String deliverTo, String street, String city, String state,
        String postalCode, String countryCode, String country) {

      /** The address as the shop sees it (README "Shop API"), absent parts left out. */
      public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "addressID", addressId);
        put(f, "addressIDDomain", addressIdDomain);
        put(f, "name", name);
        put(f, "deliverTo", deliverTo);
        put(f, "street", street);
        put(f, "city", city);
        put(f, "state", state);
        put(f, "postalCode", postalCode);
        put(f, "countryCode", countryCode);
        put(f, "country", country);
        return f;
      }

      static ShipTo fromStored(Map<String, String> stored) {
        Map<String, String> f = new LinkedHashMap<>();
        stored.forEach((key, value) -> {
          if (key.startsWith("shipTo.")) {
            f.put(key.substring("shipTo.".length()), value);
          }
        });
        return f.isEmpty() ? null : new ShipTo(f.get("addressID"), f.get("addressIDDomain"), f.get("name"), f.get("deliverTo"), f.get("street"),
            f.get("city"), f.get("state"), f.get("postalCode"), f.get("countryCode"), f.get("country"));
      }
    }

    /** The item a buyer asked to see (a level-2 punchout), as the shop sees it. */
    public record SelectedItem(String supplierPartId, String supplierPartAuxiliaryId) {

      public Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>();
        put(f, "supplierPartID", supplierPartId);
        put(f, "supplierPartAuxiliaryID", supplierPartAuxiliaryId);
        return f;
      }
    }

    @Override
    public Map<String, String> stored() {
      Map<String, String> c = new LinkedHashMap<>();
      put(c, BUYER_COOKIE, buyerCookie);
      put(c, BROWSER_FORM_POST, browserFormPost);
      put(c, "operation", operation);
      put(c, "deploymentMode", deploymentMode);
      put(c, "payloadID", payloadId);
      put(c, "version", version);
      put(c, "lang", lang);
      putCredential(c, "from", from);
      putCredential(c, "to", to);
      putCredential(c, "sender", sender);
      put(c, "userAgent", userAgent);
      if (shipTo != null) {
        shipTo.fields().forEach((name, value) -> c.put("shipTo." + name, value));
      }
      if (selectedItem != null) {
        selectedItem.fields().forEach((name, value) -> c.put("selectedItem." + name, value));
      }
      return Collections.unmodifiableMap(c);
    }

    static Cxml fromStored(Map<String, String> s) {
      String partId = s.get("selectedItem.supplierPartID");
      String auxiliaryId = s.get("selectedItem.supplierPartAuxiliaryID");
      return new Cxml(s.get(BUYER_COOKIE), s.get(BROWSER_FORM_POST), s.get("operation"), s.get("deploymentMode"),
          s.get("payloadID"), s.get("version"), s.get("lang"), credential(s, "from"), credential(s, "to"),
          credential(s, "sender"), s.get("userAgent"), ShipTo.fromStored(s),
          partId == null && auxiliaryId == null ? null : new SelectedItem(partId, auxiliaryId));
    }

    private static void putCredential(Map<String, String> c, String party, CxmlCredential credential) {
      if (credential != null) {
        put(c, party + "Domain", credential.domain());
        put(c, party + "Identity", credential.identity());
      }
    }

    private static CxmlCredential credential(Map<String, String> s, String party) {
      String domain = s.get(party + "Domain");
      String identity = s.get(party + "Identity");
      return domain == null || identity == null ? null : new CxmlCredential(domain, identity);
    }

    private static void put(Map<String, String> map, String key, String value) {
      if (value != null) {
        map.put(key, value);
      }
    }
  }
}
