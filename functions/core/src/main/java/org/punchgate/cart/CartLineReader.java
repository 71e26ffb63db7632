package org.punchgate.cart;

import static org.punchgate.cart.CartValues.amount;
import static org.punchgate.cart.CartValues.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

/**
 * One line of the cart JSON ({@code lines[i]}), read with every problem reported at its place. The checks
 * run in the order of the schema's fields, so a refusal lists the problems in the order a shop reads them.
 */
final class CartLineReader {

  private static final int MAX_TEXT = 4000;
  private static final int MAX_ID = 64;
  private static final int MAX_NAME = 256;

  private CartLineReader() {}

  /** The line, or null when it has a problem (added to {@code problems}). */
  static CartLine read(JsonNode node, int index, String cartCurrency, List<Violation> problems) {
    String at = "lines[" + index + "]";
    if (node == null || !node.isObject()) {
      problems.add(new Violation("cart.line.object", at, "must be an object"));
      return null;
    }
    int before = problems.size();
    String lineId = text(node, "lineId", at, MAX_ID, problems);
    String description = text(node, "description", at, MAX_TEXT, problems);
    String sku = text(node, "sku", at, MAX_NAME, problems);
    if (description == null ? !node.hasNonNull("description") : description.isBlank()) { // else reported by text()
      problems.add(new Violation("cart.line.description.required", at + ".description", "required"));
    }
    CartLine.Builder line = CartLine.builder()
        .lineId(lineId == null ? Integer.toString(index + 1) : lineId)
        .sku(sku)
        .description(description);
    quantityAndPrice(node, at, line, problems);
    String currency = currency(node, at, cartCurrency, problems);
    line.currency(currency == null ? cartCurrency : currency)
        .leadTimeDays(leadTime(node, at, problems))
        .classification(classification(node, at, problems));
    JsonNode service = node.get("service");
    if (service != null && !service.isNull() && !service.isBoolean()) {
      problems.add(new Violation("cart.line.service.boolean", at + ".service", "must be true or false"));
    }
    JsonNode attributes = node.get("attributes");
    checkAttributes(attributes, at, problems);
    references(node, at, line, problems);
    line.service(service != null && service.asBoolean(false))
        .attributes(attributes == null || !attributes.isObject() ? null : Json.stringMap(node, "attributes"));
    return problems.size() == before ? line.build() : null;
  }

  private static void quantityAndPrice(JsonNode node, String at, CartLine.Builder line, List<Violation> problems) {
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
    line.quantity(quantity).unit(unit).unitPrice(unitPrice).priceUnit(priceUnit);
  }

  private static String currency(JsonNode node, String at, String cartCurrency, List<Violation> problems) {
    String currency = text(node, "currency", at, 3, problems);
    if (currency != null && !CartValues.isCurrencyCode(currency)) {
      problems.add(new Violation("cart.line.currency.iso4217", at + ".currency", "must be an ISO 4217 code of three capital letters"));
    } else if (currency != null && cartCurrency != null && !currency.equals(cartCurrency)) {
      problems.add(new Violation("cart.line.currency.sameAsCart", at + ".currency", "must equal the cart currency " + cartCurrency));
    }
    return currency;
  }

  private static Integer leadTime(JsonNode node, String at, List<Violation> problems) {
    JsonNode leadNode = node.get("leadTimeDays");
    if (leadNode == null || leadNode.isNull()) {
      return null;
    }
    if (!leadNode.canConvertToInt() || !leadNode.isIntegralNumber() || leadNode.intValue() < 0) {
      problems.add(new Violation("cart.line.leadTimeDays.wholeDays", at + ".leadTimeDays", "must be a whole number of days, 0 or more"));
      return null;
    }
    return leadNode.intValue();
  }

  private static Classification classification(JsonNode node, String at, List<Violation> problems) {
    JsonNode cls = node.get("classification");
    if (cls == null || cls.isNull()) {
      return null;
    }
    String scheme = Json.text(cls, "scheme");
    String code = Json.text(cls, "code");
    if (!cls.isObject() || scheme == null || scheme.isBlank() || code == null || code.isBlank()) {
      problems.add(new Violation("cart.line.classification.complete", at + ".classification", "needs both scheme and code"));
    } else if (CartValues.unfitCharacter(scheme + code, false) != null) {
      problems.add(new Violation("cart.field.character", at + ".classification", CartValues.unfitCharacter(scheme + code, false)));
    } else {
      return new Classification(scheme, code);
    }
    return null;
  }

  private static void checkAttributes(JsonNode attributes, String at, List<Violation> problems) {
    if (attributes != null && !attributes.isNull() && !attributes.isObject()) {
      problems.add(new Violation("cart.line.attributes.object", at + ".attributes", "must be an object of names to texts"));
    } else if (attributes != null && attributes.isObject()) {
      attributes.properties().forEach(e -> {
        String unfit = CartValues.unfitCharacter(e.getKey(), false);
        if (unfit == null && !e.getValue().isNull()) {
          unfit = CartValues.unfitCharacter(e.getValue().asText(), false);
        }
        if (unfit != null) {
          problems.add(new Violation("cart.field.character", at + ".attributes." + CartValues.echo(e.getKey()), unfit));
        }
      });
    }
  }

  /** The texts that only travel: parent, identifiers, long text, maker, contract, quotation, attachment. */
  private static void references(JsonNode node, String at, CartLine.Builder line, List<Violation> problems) {
    line.parentLineId(text(node, "parentLineId", at, MAX_ID, problems))
        .auxiliaryId(text(node, "auxiliaryId", at, MAX_TEXT, problems))
        .longText(text(node, CartValues.LONG_TEXT, at, 64_000, problems))
        .manufacturer(text(node, "manufacturer", at, MAX_NAME, problems))
        .manufacturerSku(text(node, "manufacturerSku", at, MAX_NAME, problems))
        .buyerSku(text(node, "buyerSku", at, MAX_NAME, problems))
        .contract(text(node, "contract", at, MAX_ID, problems))
        .contractItem(text(node, "contractItem", at, MAX_ID, problems))
        .quoteId(text(node, "quoteId", at, MAX_ID, problems))
        .quoteItem(text(node, "quoteItem", at, MAX_ID, problems))
        .attachmentUrl(text(node, "attachmentUrl", at, 2048, problems))
        .attachmentTitle(text(node, "attachmentTitle", at, MAX_NAME, problems));
  }
}
