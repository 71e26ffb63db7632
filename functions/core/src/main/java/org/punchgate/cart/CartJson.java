package org.punchgate.cart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

/**
 * Reads and writes the cart JSON of the shop API ({@code schema/cart.schema.json} in this module). Reading checks every
 * line and reports each problem with its place ({@code lines[2].quantity}) instead of stopping at the first.
 */
public final class CartJson {

  public static final int MAX_LINES = 2000;
  /**
   * Bounds of every amount and quantity, checked at the first read: beyond them a decimal is no price a
   * buyer's system can book, and unbounded ones ({@code 1e999999}) cost quadratic time when written out.
   * Documented in the schema's {@code $defs/decimal}.
   */
  public static final int MAX_INTEGER_DIGITS = 15;
  public static final int MAX_DECIMALS = 6;
  /** A string amount at the bounds: sign, 15 digits, point, 6 digits; anything longer is refused unread. */
  private static final int MAX_DECIMAL_CHARS = 1 + MAX_INTEGER_DIGITS + 1 + MAX_DECIMALS;
  /** Values a problem repeats (line ids) are cut to this, so a refusal never echoes a large input. */
  static final int MAX_ECHO = 40;
  private static final int MAX_TEXT = 4000;
  private static final String LONG_TEXT = "longText";

  private CartJson() {}

  /** A parsed cart submission: the cart, whether the shop cancelled the punchout, and any problems. */
  public record Submission(Cart cart, boolean cancel, List<Violation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }
  }

  public static Submission read(JsonNode root) {
    List<Violation> problems = new ArrayList<>();
    if (!root.isObject()) {
      return new Submission(null, false, List.of(new Violation("cart.object", "$", "the cart must be a JSON object")));
    }
    boolean cancel = root.path("cancel").asBoolean(false);
    String currency = Json.text(root, "currency");
    if (currency == null || !isCurrencyCode(currency)) {
      problems.add(new Violation("cart.currency.required", "currency", "required: an ISO 4217 code of three capital letters"));
    }
    BigDecimal shipping = amount(root, "shipping", null, problems);
    BigDecimal tax = amount(root, "tax", null, problems);
    JsonNode linesNode = root.get("lines");
    List<CartLine> lines = new ArrayList<>();
    if (linesNode != null && !linesNode.isNull() && !linesNode.isArray()) {
      problems.add(new Violation("cart.lines.array", "lines", "must be an array"));
    } else if (linesNode != null && linesNode.size() > MAX_LINES) {
      problems.add(new Violation("cart.lines.max", "lines", "at most " + MAX_LINES + " lines"));
    } else if (linesNode != null) {
      for (int i = 0; i < linesNode.size(); i++) {
        CartLine line = readLine(linesNode.get(i), i, currency, problems);
        if (line != null) {
          lines.add(line);
        }
      }
    }
    if (lines.isEmpty() && !cancel && problems.isEmpty() && linesNode == null) {
      problems.add(new Violation("cart.lines.required", "lines", "required (an empty array transfers an empty cart)"));
    }
    checkLineIds(lines, problems);
    Cart cart = problems.isEmpty() ? new Cart(currency, lines, shipping, tax) : null;
    return new Submission(cart, cancel, List.copyOf(problems));
  }

  private static CartLine readLine(JsonNode node, int index, String cartCurrency, List<Violation> problems) {
    String at = "lines[" + index + "]";
    if (node == null || !node.isObject()) {
      problems.add(new Violation("cart.line.object", at, "must be an object"));
      return null;
    }
    int before = problems.size();
    String lineId = text(node, "lineId", at, 64, problems);
    if (lineId == null) {
      lineId = Integer.toString(index + 1);
    }
    String description = text(node, "description", at, MAX_TEXT, problems);
    String sku = text(node, "sku", at, 256, problems);
    if (description == null ? !node.hasNonNull("description") : description.isBlank()) { // else reported by text()
      problems.add(new Violation("cart.line.description.required", at + ".description", "required"));
    }
    BigDecimal quantity = amount(node, "quantity", at, problems);
    if (quantity == null && !node.has("quantity")) {
      problems.add(new Violation("cart.line.quantity.required", at + ".quantity", "required"));
    } else if (quantity != null && quantity.signum() <= 0) {
      problems.add(new Violation("cart.line.quantity.positive", at + ".quantity", "must be greater than 0"));
    }
    String unit = text(node, "unit", at, 16, problems);
    if (unit == null || unit.isBlank()) {
      problems.add(new Violation("cart.line.unit.required", at + ".unit", "required (a unit of measure such as PCE or EA)"));
    }
    BigDecimal unitPrice = amount(node, "unitPrice", at, problems);
    if (unitPrice == null && !node.has("unitPrice")) {
      problems.add(new Violation("cart.line.unitPrice.required", at + ".unitPrice", "required (0 for a free item)"));
    } else if (unitPrice != null && unitPrice.signum() < 0) {
      problems.add(new Violation("cart.line.unitPrice.notNegative", at + ".unitPrice", "must not be negative"));
    }
    BigDecimal priceUnit = amount(node, "priceUnit", at, problems);
    if (priceUnit != null && priceUnit.signum() <= 0) {
      problems.add(new Violation("cart.line.priceUnit.positive", at + ".priceUnit", "must be greater than 0"));
    }
    String currency = text(node, "currency", at, 3, problems);
    if (currency != null && !isCurrencyCode(currency)) {
      problems.add(new Violation("cart.line.currency.iso4217", at + ".currency", "must be an ISO 4217 code of three capital letters"));
    } else if (currency != null && cartCurrency != null && !currency.equals(cartCurrency)) {
      problems.add(new Violation("cart.line.currency.sameAsCart", at + ".currency", "must equal the cart currency " + cartCurrency));
    }
    Integer leadTime = null;
    JsonNode leadNode = node.get("leadTimeDays");
    if (leadNode != null && !leadNode.isNull()) {
      if (!leadNode.canConvertToInt() || !leadNode.isIntegralNumber() || leadNode.intValue() < 0) {
        problems.add(new Violation("cart.line.leadTimeDays.wholeDays", at + ".leadTimeDays", "must be a whole number of days, 0 or more"));
      } else {
        leadTime = leadNode.intValue();
      }
    }
    Classification classification = null;
    JsonNode cls = node.get("classification");
    if (cls != null && !cls.isNull()) {
      String scheme = Json.text(cls, "scheme");
      String code = Json.text(cls, "code");
      if (!cls.isObject() || scheme == null || scheme.isBlank() || code == null || code.isBlank()) {
        problems.add(new Violation("cart.line.classification.complete", at + ".classification", "needs both scheme and code"));
      } else if (unfitCharacter(scheme + code, false) != null) {
        problems.add(new Violation("cart.field.character", at + ".classification", unfitCharacter(scheme + code, false)));
      } else {
        classification = new Classification(scheme, code);
      }
    }
    JsonNode service = node.get("service");
    if (service != null && !service.isNull() && !service.isBoolean()) {
      problems.add(new Violation("cart.line.service.boolean", at + ".service", "must be true or false"));
    }
    JsonNode attributes = node.get("attributes");
    if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
      problems.add(new Violation("cart.line.attributes.object", at + ".attributes", "must be an object of names to texts"));
    } else if (attributes != null && attributes.isObject()) {
      attributes.properties().forEach(e -> {
        String unfit = unfitCharacter(e.getKey(), false);
        if (unfit == null && !e.getValue().isNull()) {
          unfit = unfitCharacter(e.getValue().asText(), false);
        }
        if (unfit != null) {
          problems.add(new Violation("cart.field.character", at + ".attributes." + echo(e.getKey()), unfit));
        }
      });
    }
    CartLine line = CartLine.builder()
        .lineId(lineId)
        .parentLineId(text(node, "parentLineId", at, 64, problems))
        .sku(sku)
        .auxiliaryId(text(node, "auxiliaryId", at, MAX_TEXT, problems))
        .description(description)
        .longText(text(node, LONG_TEXT, at, 64_000, problems))
        .quantity(quantity)
        .unit(unit)
        .unitPrice(unitPrice)
        .priceUnit(priceUnit)
        .currency(currency == null ? cartCurrency : currency)
        .leadTimeDays(leadTime)
        .manufacturer(text(node, "manufacturer", at, 256, problems))
        .manufacturerSku(text(node, "manufacturerSku", at, 256, problems))
        .buyerSku(text(node, "buyerSku", at, 256, problems))
        .classification(classification)
        .contract(text(node, "contract", at, 64, problems))
        .contractItem(text(node, "contractItem", at, 64, problems))
        .quoteId(text(node, "quoteId", at, 64, problems))
        .quoteItem(text(node, "quoteItem", at, 64, problems))
        .attachmentUrl(text(node, "attachmentUrl", at, 2048, problems))
        .attachmentTitle(text(node, "attachmentTitle", at, 256, problems))
        .service(service != null && service.asBoolean(false))
        .attributes(attributes == null || !attributes.isObject() ? null : Json.stringMap(node, "attributes"))
        .build();
    return problems.size() == before ? line : null;
  }

  /** Three capital letters (ISO 4217's form); checked on every line, so without a regular expression. */
  static boolean isCurrencyCode(String text) {
    return text.length() == 3 && isCapital(text.charAt(0)) && isCapital(text.charAt(1)) && isCapital(text.charAt(2));
  }

  private static boolean isCapital(char c) {
    return c >= 'A' && c <= 'Z';
  }

  private static void checkLineIds(List<CartLine> lines, List<Violation> problems) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!ids.add(lines.get(i).lineId())) {
        problems.add(new Violation("cart.line.lineId.unique", "lines[" + i + "].lineId", "duplicate line id " + echo(lines.get(i).lineId())));
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String parent = lines.get(i).parentLineId();
      if (parent != null && (!ids.contains(parent) || parent.equals(lines.get(i).lineId()))) {
        problems.add(new Violation("cart.line.parentLineId.exists", "lines[" + i + "].parentLineId", "no other line has the id " + echo(parent)));
      }
    }
  }

  private static String text(JsonNode node, String field, String at, int max, List<Violation> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() && !value.isNumber()) {
      problems.add(new Violation("cart.field.string", at + "." + field, "must be a string"));
      return null;
    }
    String text = value.asText();
    if (text.length() > max) {
      problems.add(new Violation("cart.field.maxLength", at + "." + field, "longer than " + max + " characters"));
      return null;
    }
    String unfit = unfitCharacter(text, LONG_TEXT.equals(field));
    if (unfit != null) {
      problems.add(new Violation("cart.field.character", at + "." + field, unfit));
      return null;
    }
    return text;
  }

  /**
   * Why a text cannot travel, or null: C0 and C1 controls (DEL included) would pass raw into OCI fields and
   * pages, an unpaired surrogate has no encoding at all (it silently became '?'), and U+FFFE/U+FFFF are
   * no characters that XML can carry (they came back as U+FFFD from the cXML page). Long text may keep
   * tabs and line breaks.
   */
  static String unfitCharacter(String text, boolean longText) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "has an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
            + ") at position " + i;
      } else if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && !(longText && (c == '\t' || c == '\n' || c == '\r'))) {
        return String.format("has the control character U+%04X at position %d", (int) c, i);
      } else if (c == 0xFFFE || c == 0xFFFF) { // not characters at all; XML (cXML) cannot carry them (fuzz finding)
        return String.format("has the noncharacter U+%04X at position %d", (int) c, i);
      }
    }
    return null;
  }

  /**
   * A decimal field of the object at {@code at} (null: the root); its place is spelled only for a problem.
   * A JSON number may carry an exponent ({@code 1E+3}); a string must be plain digits as the schema says.
   * Either way the value must fit {@link #MAX_INTEGER_DIGITS} and {@link #MAX_DECIMALS}.
   */
  private static BigDecimal amount(JsonNode node, String field, String at, List<Violation> problems) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    BigDecimal decimal = null;
    if (value.isNumber()) {
      decimal = value.decimalValue();
    } else if (value.isTextual() && isPlainDecimal(value.textValue().trim())) {
      decimal = new BigDecimal(value.textValue().trim());
    }
    if (decimal != null && withinBounds(decimal)) {
      return decimal;
    }
    problems.add(new Violation("cart.field.decimal", at == null ? field : at + "." + field, "must be a decimal number (a JSON number or a"
        + " string like \"12.50\") with at most " + MAX_INTEGER_DIGITS + " digits before the point and "
        + MAX_DECIMALS + " after it"));
    return null;
  }

  /** {@code -?[0-9]{1,15}(\.[0-9]{1,6})?}, checked by hand: the length first, so a huge string costs nothing. */
  private static boolean isPlainDecimal(String text) {
    if (text.isEmpty() || text.length() > MAX_DECIMAL_CHARS) {
      return false;
    }
    int i = text.charAt(0) == '-' ? 1 : 0;
    int integerStart = i;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    int integerDigits = i - integerStart;
    if (integerDigits == 0 || integerDigits > MAX_INTEGER_DIGITS) {
      return false;
    }
    if (i == text.length()) {
      return true;
    }
    if (text.charAt(i) != '.') {
      return false;
    }
    int fractionStart = ++i;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    int decimals = i - fractionStart;
    return i == text.length() && decimals >= 1 && decimals <= MAX_DECIMALS;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Precision and scale only, in long arithmetic: {@code 1E+2147483647} would overflow an int. */
  private static boolean withinBounds(BigDecimal decimal) {
    long integerDigits = decimal.signum() == 0 ? 0 : (long) decimal.precision() - decimal.scale();
    return integerDigits <= MAX_INTEGER_DIGITS && decimal.scale() <= MAX_DECIMALS;
  }

  /** A value as a problem repeats it: cut to {@link #MAX_ECHO} characters. */
  static String echo(String value) {
    return value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…";
  }

  public static ObjectNode write(Cart cart) {
    ObjectNode root = Json.object();
    root.put("currency", cart.currency());
    Json.putIfPresent(root, "shipping", cart.shipping());
    Json.putIfPresent(root, "tax", cart.tax());
    ArrayNode lines = root.putArray("lines");
    for (CartLine line : cart.lines()) {
      ObjectNode n = lines.addObject();
      n.put("lineId", line.lineId());
      Json.putIfPresent(n, "parentLineId", line.parentLineId());
      Json.putIfPresent(n, "sku", line.sku());
      Json.putIfPresent(n, "auxiliaryId", line.auxiliaryId());
      Json.putIfPresent(n, "description", line.description());
      Json.putIfPresent(n, "longText", line.longText());
      Json.putIfPresent(n, "quantity", line.quantity());
      Json.putIfPresent(n, "unit", line.unit());
      Json.putIfPresent(n, "unitPrice", line.unitPrice());
      Json.putIfPresent(n, "priceUnit", line.priceUnit());
      Json.putIfPresent(n, "currency", line.currency());
      if (line.leadTimeDays() != null) {
        n.put("leadTimeDays", line.leadTimeDays());
      }
      Json.putIfPresent(n, "manufacturer", line.manufacturer());
      Json.putIfPresent(n, "manufacturerSku", line.manufacturerSku());
      Json.putIfPresent(n, "buyerSku", line.buyerSku());
      if (line.classification() != null) {
        ObjectNode c = n.putObject("classification");
        c.put("scheme", line.classification().scheme());
        c.put("code", line.classification().code());
      }
      Json.putIfPresent(n, "contract", line.contract());
      Json.putIfPresent(n, "contractItem", line.contractItem());
      Json.putIfPresent(n, "quoteId", line.quoteId());
      Json.putIfPresent(n, "quoteItem", line.quoteItem());
      Json.putIfPresent(n, "attachmentUrl", line.attachmentUrl());
      Json.putIfPresent(n, "attachmentTitle", line.attachmentTitle());
      if (line.service()) {
        n.put("service", true);
      }
      if (!line.attributes().isEmpty()) {
        n.set("attributes", Json.fromMap(line.attributes()));
      }
    }
    return root;
  }
}
