package org.punchgate.cxml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.punchgate.validation.Violation;

/**
 * The cart's lines as the ItemIn elements of a PunchOutOrderMessage will carry them: mapped through the
 * connection's field mapping, numbered, and checked against what cXML requires of an item (SPECS §2.3).
 */
final class CxmlItems {

  /** One ItemIn as written: its line, line numbers and the values the mapping gave it. */
  record Item(CartLine line, int lineNumber, Integer parentLineNumber, boolean composite, String currency,
              String unit, Classification classification, Map<String, String> fields,
              Map<String, String> extrinsics) {}

  private static final Pattern LEAD_TIME = Pattern.compile("\\d{1,9}");
  private static final Pattern LINE_NUMBER = Pattern.compile("[1-9]\\d{0,8}");
  private final Connection connection;
  private final FieldMapping mapping;
  private final String cartCurrency;
  private final String version;
  private final boolean hierarchy;
  private final List<String> extrinsicTargets = new ArrayList<>();
  private final List<Violation> violations;

  private CxmlItems(Connection connection, String cartCurrency, String version, List<Violation> violations) {
    this.connection = connection;
    this.mapping = connection.fieldMapping().over(CxmlFields.DEFAULTS);
    this.cartCurrency = cartCurrency;
    this.version = version;
    this.hierarchy = CxmlVersions.atLeast(version, CxmlVersions.ITEM_HIERARCHY);
    this.violations = violations;
    for (String target : new TreeMap<>(mapping.sources()).keySet()) {
      if (target.startsWith(CxmlFields.EXTRINSIC_PREFIX) && target.length() > CxmlFields.EXTRINSIC_PREFIX.length()) {
        extrinsicTargets.add(target);
      }
    }
  }

  /** The items of {@code cart}; what cXML cannot carry is added to {@code violations}. */
  static List<Item> of(Cart cart, Connection connection, String cartCurrency, String version,
                       List<Violation> violations) {
    return new CxmlItems(connection, cartCurrency, version, violations).items(cart.lines());
  }

  private List<Item> items(List<CartLine> lines) {
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
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      CartLine line = lines.get(i);
      String at = "lines[" + i + "]";
      Map<String, String> fields = fields(line);
      String currency = line.currency() != null ? line.currency() : cartCurrency;
      String unit = connection.buyerUnit(line.unit());
      Classification classification = line.classification() != null && notBlank(line.classification().code())
          && notBlank(line.classification().scheme()) ? line.classification() : connection.defaultClassification();
      check(line, at, fields, currency, unit, classification);
      Integer parentNumber = parentNumber(line, at, numberOfId);
      boolean composite = line.lineId() != null && parents.contains(line.lineId());
      items.add(new Item(line, numbers[i], parentNumber, composite, currency, unit, classification,
          fields, extrinsics(line)));
    }
    return items;
  }

  private Map<String, String> fields(CartLine line) {
    Map<String, String> fields = new HashMap<>();
    for (String target : CxmlFields.ITEM_FIELDS) {
      String value = mapping.resolve(target, line);
      if (value != null && (!value.isBlank() || target.equals(CxmlFields.SUPPLIER_PART_AUXILIARY_ID))) {
        fields.put(target, value);
      }
    }
    return fields;
  }

  private void check(CartLine line, String at, Map<String, String> fields, String currency, String unit,
                     Classification classification) {
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
    if (!currency.equals(cartCurrency)) {
      violations.add(new Violation("cxml.line.currency.sameAsCart", at + ".currency", "is " + currency + " but the cart is in " + cartCurrency
          + ": a PunchOutOrderMessage has one Total"));
    }
    if (unit == null || unit.isBlank()) {
      violations.add(new Violation("cxml.line.unit.required", at + ".unit", "is required: it becomes the cXML UnitOfMeasure"));
    }
    if (classification == null) {
      violations.add(new Violation("cxml.line.classification.required", at + ".classification",
          "is required (cXML needs at least one Classification) and the connection has no default"));
    }
    checkLeadTimeAndPriceUnit(line, at, fields.get(CxmlFields.LEAD_TIME));
  }

  private void checkLeadTimeAndPriceUnit(CartLine line, String at, String lead) {
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
  }

  private Integer parentNumber(CartLine line, String at, Map<String, Integer> numberOfId) {
    if (line.parentLineId() == null) {
      return null;
    }
    Integer parentNumber = numberOfId.get(line.parentLineId());
    if (parentNumber == null) {
      violations.add(new Violation("cxml.line.parentLineId.exists", at + ".parentLineId", "names no line of this cart: " + line.parentLineId()));
    } else if (!hierarchy) {
      violations.add(new Violation("cxml.line.parentLineId.needsHierarchy", at + ".parentLineId",
          "item hierarchies need cXML " + CxmlVersions.ITEM_HIERARCHY + " or later, the connection writes " + version));
    }
    return parentNumber;
  }

  private Map<String, String> extrinsics(CartLine line) {
    Map<String, String> extrinsics = new LinkedHashMap<>();
    for (String target : extrinsicTargets) {
      String value = mapping.resolve(target, line);
      if (value != null && !value.isBlank()) {
        extrinsics.put(target.substring(CxmlFields.EXTRINSIC_PREFIX.length()), value);
      }
    }
    return extrinsics;
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

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
