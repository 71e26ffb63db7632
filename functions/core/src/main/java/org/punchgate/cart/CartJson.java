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
    if (currency == null || !CartValues.isCurrencyCode(currency)) {
      problems.add(new Violation("cart.currency.required", "currency", "required: an ISO 4217 code of three capital letters"));
    }
    BigDecimal shipping = CartValues.amount(root, "shipping", null, problems);
    BigDecimal tax = CartValues.amount(root, "tax", null, problems);
    JsonNode linesNode = root.get("lines");
    List<CartLine> lines = new ArrayList<>();
    if (linesNode != null && !linesNode.isNull() && !linesNode.isArray()) {
      problems.add(new Violation("cart.lines.array", "lines", "must be an array"));
    } else if (linesNode != null && linesNode.size() > MAX_LINES) {
      problems.add(new Violation("cart.lines.max", "lines", "at most " + MAX_LINES + " lines"));
    } else if (linesNode != null) {
      for (int i = 0; i < linesNode.size(); i++) {
        CartLine line = CartLineReader.read(linesNode.get(i), i, currency, problems);
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

  private static void checkLineIds(List<CartLine> lines, List<Violation> problems) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!ids.add(lines.get(i).lineId())) {
        problems.add(new Violation("cart.line.lineId.unique", "lines[" + i + "].lineId", "duplicate line id " + CartValues.echo(lines.get(i).lineId())));
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      String parent = lines.get(i).parentLineId();
      if (parent != null && (!ids.contains(parent) || parent.equals(lines.get(i).lineId()))) {
        problems.add(new Violation("cart.line.parentLineId.exists", "lines[" + i + "].parentLineId", "no other line has the id " + CartValues.echo(parent)));
      }
    }
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
