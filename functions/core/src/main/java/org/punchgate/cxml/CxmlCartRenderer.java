package org.punchgate.cxml;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.Connection;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.validation.Violation;
import org.punchgate.xml.XmlWriter;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.connection.CxmlSettings;

/**
 * The cXML return form: a PunchOutOrderMessage (SPECS §2.3) in the connection's cXML version, posted from
 * the buyer's browser to the session's BrowserFormPost URL in the field {@code cxml-base64} (Base64 of the
 * UTF-8 document) or {@code cxml-urlencoded} (the document's text, which the HTML page escapes).
 *
 * <p>In a PunchOutOrderMessage the supplier speaks: From and Sender are our own credential (the connection's
 * {@code to}, else the To of the setup request), To is the buyer (the setup request's From). No shared
 * secret is ever written: the document travels through the browser. The BuyerCookie is echoed unchanged.
 * The Total is the sum of the top-level lines, and it, Shipping and Tax are rounded half-up to the
 * currency's minor unit (ISO 4217: 2 for EUR, 0 for JPY, 3 for KWD) as buyers' systems book them; unit
 * prices stay exact. Child lines (a parent line's parts) are written as
 * ItemIn with parentLineNumber under a composite parent priced at group level.
 */
public final class CxmlCartRenderer implements CartRenderer {

  public static final String USER_AGENT = "Punchgate";
  /** Used for the Total of an empty cart when neither the cart nor the session names a currency. */
  static final String FALLBACK_CURRENCY = "USD";

  /** A message's size, roughly (a sample item is about 650 characters): enough that the buffer rarely grows. */
  private static final int EXPECTED_HEADER_CHARS = 2048;
  private static final int EXPECTED_ITEM_CHARS = 800;

  private final PayloadIds payloadIds;
  private final Clock clock;

  public CxmlCartRenderer(PayloadIds payloadIds, Clock clock) {
    this.payloadIds = payloadIds;
    this.clock = clock;
  }

  @Override
  public boolean readOnly(Session session) {
    return PunchOutOperation.INSPECT.value().equals(callUp(session).operation());
  }

  @Override
  public Rendered render(Session session, Cart cart, boolean cancel) {
    List<Violation> violations = new ArrayList<>();
    Connection connection = session.connection();
    CxmlSettings settings = connection.cxml();
    if (settings == null) {
      return Rendered.invalid(List.of(new Violation("cxml.connection.settings", "connection.cxml", "the connection has no cXML settings")));
    }
    CallUp.Cxml callUp = callUp(session);
    String action = callUp.browserFormPost();
    if (action == null || action.isBlank()) {
      violations.add(new Violation("cxml.session.browserFormPost", "session." + CallUp.Cxml.BROWSER_FORM_POST, "is missing"));
    }
    String cookie = callUp.buyerCookie();
    if (cookie == null) {
      violations.add(new Violation("cxml.session.buyerCookie", "session." + CallUp.Cxml.BUYER_COOKIE, "is missing"));
    }
    CxmlCredential supplier = settings.to() != null ? settings.to() : callUp.to();
    CxmlCredential buyer = callUp.from();
    if (buyer == null && !settings.from().isEmpty()) {
      buyer = settings.from().get(0);
    }
    if (supplier == null) {
      violations.add(new Violation("cxml.connection.to", "connection.cxml.to", "our own credential is not configured"));
    }
    if (buyer == null) {
      violations.add(new Violation("cxml.session.from", "session." + CallUp.Cxml.FROM_IDENTITY, "the buyer's credential is unknown"));
    }
    Cart effective = cancel || cart == null ? Cart.empty(currencyOf(cart, session)) : cart;
    String currency = currencyOf(effective, session);
    String version = settings.version();
    List<CxmlItems.Item> items = CxmlItems.of(effective, connection, currency, version, violations);
    if (!violations.isEmpty()) {
      return Rendered.invalid(violations);
    }
    String lang = callUp.lang() == null ? "en" : callUp.lang();
    String document = write(session, effective, items, currency, supplier, buyer, cookie, lang, version);
    String value = settings.returnEncoding().equals(CxmlSettings.BASE64)
        ? Base64.getEncoder().encodeToString(document.getBytes(StandardCharsets.UTF_8))
        : document;
    return Rendered.ok(new ReturnForm(action.strip(), null, StandardCharsets.UTF_8,
        List.of(new ReturnForm.Field(settings.returnEncoding(), value)), ReturnForm.Submit.AUTOMATIC));
  }

  /** A cXML session's call-up; a session of another protocol has none of its values. */
  private static CallUp.Cxml callUp(Session session) {
    return session.callUp() instanceof CallUp.Cxml cxml ? cxml
        : new CallUp.Cxml(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  private static String currencyOf(Cart cart, Session session) {
    if (cart != null && cart.currency() != null) {
      return cart.currency();
    }
    if (cart != null) {
      for (CartLine line : cart.lines()) {
        if (line.currency() != null) {
          return line.currency();
        }
      }
    }
    if (session.initialCart() != null && session.initialCart().currency() != null) {
      return session.initialCart().currency();
    }
    return FALLBACK_CURRENCY;
  }

  private String write(Session session, Cart cart, List<CxmlItems.Item> items, String currency, CxmlCredential supplier,
                       CxmlCredential buyer, String cookie, String lang, String version) {
    var envelope = new CxmlWriter.Envelope(payloadIds.next(), clock.instant(), version, null);
    XmlWriter w = CxmlWriter.begin(envelope, EXPECTED_HEADER_CHARS + EXPECTED_ITEM_CHARS * items.size());
    w.start("Header");
    CxmlWriter.party(w, "From", List.of(supplier), null);
    CxmlWriter.party(w, "To", List.of(buyer), null);
    CxmlWriter.party(w, "Sender", List.of(supplier), USER_AGENT);
    w.end();
    CallUp.Cxml callUp = callUp(session);
    String mode = "test".equals(callUp.deploymentMode()) ? "test" : null;
    w.start("Message").attribute("deploymentMode", mode).attribute("inReplyTo", callUp.payloadId());
    w.start("PunchOutOrderMessage");
    w.start("BuyerCookie").raw(cookie).end();
    w.start("PunchOutOrderMessageHeader").attribute("operationAllowed", operationAllowed(session).value());
    w.start("Total");
    headerMoney(w, currency, cart.itemTotal());
    w.end();
    if (cart.shipping() != null) {
      w.start("Shipping");
      headerMoney(w, currency, cart.shipping());
      w.start("Description").attribute("xml:lang", lang).text("Shipping").end();
      w.end();
    }
    if (cart.tax() != null) {
      w.start("Tax");
      headerMoney(w, currency, cart.tax());
      w.start("Description").attribute("xml:lang", lang).text("Tax").end();
      w.end();
    }
    // the cart id (README "Cart id"): a procurement system that keeps it can name the cart in its order ping
    w.start("SupplierOrderInfo").attribute("orderID", session.cartId()).end();
    w.end();
    boolean hierarchy = CxmlVersions.atLeast(version, CxmlVersions.ITEM_HIERARCHY);
    for (CxmlItems.Item item : items) {
      CxmlItemWriter.itemIn(w, item, lang, hierarchy);
    }
    w.end().end().end();
    return w.toString();
  }

  /**
   * What the buyer may do with this cart later (cXML: create &lt; inspect &lt; edit). A cart from a create or
   * edit session may be edited again, one opened to inspect only inspected; the connection can lower it.
   * Writing the session's own operation instead made Ariba and Coupa disable Edit on every created cart.
   */
  private static PunchOutOperation operationAllowed(Session session) {
    PunchOutOperation bySession = PunchOutOperation.INSPECT.value().equals(callUp(session).operation())
        ? PunchOutOperation.INSPECT : PunchOutOperation.EDIT;
    CxmlSettings settings = session.connection().cxml();
    PunchOutOperation ceiling = settings == null ? PunchOutOperation.EDIT : settings.operationAllowed();
    return rank(ceiling) < rank(bySession) ? ceiling : bySession;
  }

  private static int rank(PunchOutOperation operation) {
    return switch (operation) {
      case CREATE, SOURCE -> 0;
      case INSPECT -> 1;
      case EDIT -> 2;
    };
  }

  /** Total, Shipping, Tax: rounded half-up to the minor unit; exact where ISO 4217 names none (XXX, XAU). */
  private static void headerMoney(XmlWriter w, String currency, BigDecimal amount) {
    int minorUnit = minorUnit(currency);
    if (minorUnit < 0) {
      CxmlItemWriter.money(w, currency, amount);
    } else {
      w.start("Money").attribute("currency", currency)
          .text(amount.setScale(minorUnit, java.math.RoundingMode.HALF_UP).toPlainString()).end();
    }
  }

  private static int minorUnit(String currency) {
    try {
      return java.util.Currency.getInstance(currency).getDefaultFractionDigits();
    } catch (IllegalArgumentException | NullPointerException e) {
      return -1; // not an ISO 4217 code the JDK knows: written exactly
    }
  }

}
