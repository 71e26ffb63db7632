package org.punchgate.cxml;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.FieldMapping;
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
  private static final Pattern LEAD_TIME = Pattern.compile("\\d{1,9}");
  private static final Pattern LINE_NUMBER = Pattern.compile("[1-9]\\d{0,8}");

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
    List<Item> items = items(effective, connection, currency, version, violations);
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

  /** One ItemIn as written: its line, line numbers and the values the mapping gave it. */
  private record Item(CartLine line, int lineNumber, Integer parentLineNumber, boolean composite, String currency,
                      String unit, Classification classification, Map<String, String> fields,
                      Map<String, String> extrinsics) {}

  private static List<Item> items(Cart cart, Connection connection, String cartCurrency, String version,
                                  List<Violation> violations) {
    FieldMapping mapping = connection.fieldMapping().over(CxmlFields.DEFAULTS);
    List<CartLine> lines = cart.lines();
    int[] numbers = lineNumbers(lines);
    Map<String, Integer> numberOfId = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).lineId() != null) {
        numberOfId.putIfAbsent(lines.get(i).lineId(), numbers[i]);
      }
    }
    Set<String> parents = new HashSet<>();
    for (CartLine line : lines) {
      if (line.parentLineId() != null) {
        parents.add(line.parentLineId());
      }
    }
    boolean hierarchy = CxmlVersions.atLeast(version, CxmlVersions.ITEM_HIERARCHY);
    List<String> extrinsicTargets = new ArrayList<>();
    for (String target : new TreeMap<>(mapping.sources()).keySet()) {
      if (target.startsWith(CxmlFields.EXTRINSIC_PREFIX) && target.length() > CxmlFields.EXTRINSIC_PREFIX.length()) {
        extrinsicTargets.add(target);
      }
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      CartLine line = lines.get(i);
      String at = "lines[" + i + "]";
      Map<String, String> fields = new HashMap<>();
      for (String target : List.of(CxmlFields.SUPPLIER_PART_ID, CxmlFields.SUPPLIER_PART_AUXILIARY_ID,
          CxmlFields.BUYER_PART_ID, CxmlFields.DESCRIPTION, CxmlFields.SHORT_NAME, CxmlFields.MANUFACTURER_PART_ID,
          CxmlFields.MANUFACTURER_NAME, CxmlFields.URL, CxmlFields.LEAD_TIME)) {
        String value = mapping.resolve(target, line);
        if (value != null && (!value.isBlank() || target.equals(CxmlFields.SUPPLIER_PART_AUXILIARY_ID))) {
          fields.put(target, value);
        }
      }
      if (!fields.containsKey(CxmlFields.SUPPLIER_PART_ID)) {
        violations.add(new Violation("cxml.line.sku.required", at + ".sku", "is required: it becomes the cXML SupplierPartID"));
      }
      if (!fields.containsKey(CxmlFields.DESCRIPTION) && !fields.containsKey(CxmlFields.SHORT_NAME)) {
        violations.add(new Violation("cxml.line.description.required", at + ".description", "is required: it becomes the cXML Description"));
      }
      if (line.quantity() == null || line.quantity().signum() <= 0) {
        violations.add(new Violation("cxml.line.quantity.positive", at + ".quantity", "must be greater than zero"));
      }
      if (line.unitPrice() == null) {
        violations.add(new Violation("cxml.line.unitPrice.required", at + ".unitPrice", "is required: it becomes the cXML UnitPrice"));
      }
      String currency = line.currency() != null ? line.currency() : cartCurrency;
      if (!currency.equals(cartCurrency)) {
        violations.add(new Violation("cxml.line.currency.sameAsCart", at + ".currency", "is " + currency + " but the cart is in " + cartCurrency
            + ": a PunchOutOrderMessage has one Total"));
      }
      String unit = connection.buyerUnit(line.unit());
      if (unit == null || unit.isBlank()) {
        violations.add(new Violation("cxml.line.unit.required", at + ".unit", "is required: it becomes the cXML UnitOfMeasure"));
      }
      Classification classification = line.classification() != null && notBlank(line.classification().code())
          && notBlank(line.classification().scheme()) ? line.classification() : connection.defaultClassification();
      if (classification == null) {
        violations.add(new Violation("cxml.line.classification.required", at + ".classification",
            "is required (cXML needs at least one Classification) and the connection has no default"));
      }
      String lead = fields.get(CxmlFields.LEAD_TIME);
      if (lead != null && !LEAD_TIME.matcher(lead.strip()).matches()) {
        violations.add(new Violation("cxml.line.leadTimeDays.wholeDays", at + ".leadTimeDays", "must be a whole number of days, not " + lead));
      }
      if (line.priceUnit() != null && line.priceUnit().signum() <= 0) {
        violations.add(new Violation("cxml.line.priceUnit.positive", at + ".priceUnit", "must be greater than zero"));
      }
      boolean priceBasis = line.priceUnit() != null && line.priceUnit().compareTo(BigDecimal.ONE) != 0;
      if (priceBasis && !hierarchy) {
        violations.add(new Violation("cxml.line.priceUnit.needsPriceBasis", at + ".priceUnit",
            "a price unit other than 1 needs PriceBasisQuantity, which cXML " + version + " does not have"));
      }
      Integer parentNumber = null;
      if (line.parentLineId() != null) {
        parentNumber = numberOfId.get(line.parentLineId());
        if (parentNumber == null) {
          violations.add(new Violation("cxml.line.parentLineId.exists", at + ".parentLineId", "names no line of this cart: " + line.parentLineId()));
        } else if (!hierarchy) {
          violations.add(new Violation("cxml.line.parentLineId.needsHierarchy", at + ".parentLineId",
              "item hierarchies need cXML " + CxmlVersions.ITEM_HIERARCHY + " or later, the connection writes " + version));
        }
      }
      Map<String, String> extrinsics = new java.util.LinkedHashMap<>();
      for (String target : extrinsicTargets) {
        String value = mapping.resolve(target, line);
        if (value != null && !value.isBlank()) {
          extrinsics.put(target.substring(CxmlFields.EXTRINSIC_PREFIX.length()), value);
        }
      }
      boolean composite = line.lineId() != null && parents.contains(line.lineId());
      items.add(new Item(line, numbers[i], parentNumber, composite, currency, unit, classification,
          fields, extrinsics));
    }
    return items;
  }

  /**
   * The lineNumber of each line, by position: the shop's own line ids when they are all distinct positive
   * whole numbers (so an edit keeps the numbers the buyer's system knows), else positions from 1.
   */
  private static int[] lineNumbers(List<CartLine> lines) {
    int[] numbers = new int[lines.size()];
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String id = lines.get(i).lineId();
      if (id == null || !LINE_NUMBER.matcher(id).matches() || !seen.add(id)) {
        for (int j = 0; j < numbers.length; j++) {
          numbers[j] = j + 1;
        }
        return numbers;
      }
      numbers[i] = Integer.parseInt(id);
    }
    return numbers;
  }

  private String write(Session session, Cart cart, List<Item> items, String currency, CxmlCredential supplier,
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
    for (Item item : items) {
      itemIn(w, item, lang, hierarchy);
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

  private static void itemIn(XmlWriter w, Item item, String lang, boolean hierarchy) {
    CartLine line = item.line();
    Map<String, String> f = item.fields();
    w.start("ItemIn").attribute("quantity", line.quantity().toPlainString())
        .attribute("lineNumber", Integer.toString(item.lineNumber()));
    if (hierarchy) {
      if (item.parentLineNumber() != null) {
        w.attribute("parentLineNumber", item.parentLineNumber().toString()).attribute("itemType", "item");
      } else if (item.composite()) {
        // the parent carries the price of the group: its children are listed for information
        w.attribute("itemType", "composite").attribute("compositeItemType", "groupLevel");
      }
      w.attribute("itemClassification", line.service() ? "service" : null);
    }
    w.start("ItemID").element("SupplierPartID", f.get(CxmlFields.SUPPLIER_PART_ID));
    if (f.containsKey(CxmlFields.SUPPLIER_PART_AUXILIARY_ID)) {
      // opaque to us and echoed by the buyer: written exactly, whitespace included
      w.start("SupplierPartAuxiliaryID").text(f.get(CxmlFields.SUPPLIER_PART_AUXILIARY_ID)).end();
    }
    if (hierarchy) {
      w.element("BuyerPartID", f.get(CxmlFields.BUYER_PART_ID));
    }
    w.end();
    w.start("ItemDetail");
    w.start("UnitPrice");
    money(w, item.currency(), line.unitPrice());
    w.end();
    w.start("Description").attribute("xml:lang", lang);
    if (f.containsKey(CxmlFields.SHORT_NAME)) {
      w.element("ShortName", f.get(CxmlFields.SHORT_NAME));
    }
    w.text(f.get(CxmlFields.DESCRIPTION));
    w.end();
    w.element("UnitOfMeasure", item.unit());
    if (hierarchy && line.priceUnit() != null && line.priceUnit().compareTo(BigDecimal.ONE) != 0) {
      // the unit price is for `priceUnit` units of the same unit of measure
      w.start("PriceBasisQuantity").attribute("quantity", line.priceUnit().toPlainString())
          .attribute("conversionFactor", "1").element("UnitOfMeasure", item.unit()).end();
    }
    w.start("Classification").attribute("domain", item.classification().scheme())
        .text(item.classification().code()).end();
    w.element("ManufacturerPartID", f.get(CxmlFields.MANUFACTURER_PART_ID));
    if (f.containsKey(CxmlFields.MANUFACTURER_NAME)) {
      w.start("ManufacturerName").attribute("xml:lang", lang).text(f.get(CxmlFields.MANUFACTURER_NAME)).end();
    }
    w.element("URL", f.get(CxmlFields.URL));
    w.element("LeadTime", f.get(CxmlFields.LEAD_TIME) == null ? null : f.get(CxmlFields.LEAD_TIME).strip());
    item.extrinsics().forEach((name, value) -> w.start("Extrinsic").attribute("name", name).text(value).end());
    w.end();
    w.end();
  }

  /** Total, Shipping, Tax: rounded half-up to the minor unit; exact where ISO 4217 names none (XXX, XAU). */
  private static void headerMoney(XmlWriter w, String currency, BigDecimal amount) {
    int minorUnit = minorUnit(currency);
    if (minorUnit < 0) {
      money(w, currency, amount);
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

  private static void money(XmlWriter w, String currency, BigDecimal amount) {
    // at least two decimals, as buyers' systems show money; never rounded
    BigDecimal shown = amount.scale() < 2 ? amount.setScale(2) : amount;
    w.start("Money").attribute("currency", currency).text(shown.toPlainString()).end();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
