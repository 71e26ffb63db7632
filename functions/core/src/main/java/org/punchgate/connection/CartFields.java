package org.punchgate.connection;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.punchgate.cart.CartLine;

/** The names of the cart line fields a field mapping may read, and how each is read as text. */
public final class CartFields {

  /** Every cart field by name, with the words the admin page shows for it, in the order the page lists them. */
  private static final Map<String, String> LABELS = labels(
      "sku", "Shop SKU",
      "description", "Description",
      "longText", "Long text",
      "quantity", "Quantity",
      "unit", "Unit",
      "unitPrice", "Unit price",
      "priceUnit", "Price unit",
      "currency", "Currency",
      "buyerSku", "Buyer's material number",
      "manufacturer", "Manufacturer",
      "manufacturerSku", "Manufacturer part number",
      "leadTimeDays", "Lead time (days)",
      "classification.scheme", "Classification scheme",
      "classification.code", "Classification code",
      "contract", "Contract",
      "contractItem", "Contract item",
      "quoteId", "Quote id",
      "quoteItem", "Quote item",
      "attachmentUrl", "Attachment URL",
      "attachmentTitle", "Attachment title",
      "service", "Service (X)",
      "lineId", "Line id",
      "parentLineId", "Parent line id",
      "auxiliaryId", "Auxiliary id");
  private static final Set<String> NAMES = LABELS.keySet();

  private CartFields() {}

  /** The named cart fields with their labels, in display order; {@code attributes.<name>} fields come on top. */
  public static Map<String, String> labels() {
    return LABELS;
  }

  public static boolean isKnown(String name) {
    return NAMES.contains(name) || (name.startsWith("attributes.") && name.length() > "attributes.".length());
  }

  /** The field's value as text (decimals in plain notation), or null when the line has none. */
  public static String read(CartLine line, String name) {
    if (name.startsWith("attributes.")) {
      return line.attributes().get(name.substring("attributes.".length()));
    }
    return switch (name) {
      case "lineId" -> line.lineId();
      case "parentLineId" -> line.parentLineId();
      case "sku" -> line.sku();
      case "auxiliaryId" -> line.auxiliaryId();
      case "description" -> line.description();
      case "longText" -> line.longText();
      case "quantity" -> plain(line.quantity());
      case "unit" -> line.unit();
      case "unitPrice" -> plain(line.unitPrice());
      case "priceUnit" -> plain(line.priceUnit());
      case "currency" -> line.currency();
      case "leadTimeDays" -> line.leadTimeDays() == null ? null : line.leadTimeDays().toString();
      case "manufacturer" -> line.manufacturer();
      case "manufacturerSku" -> line.manufacturerSku();
      case "buyerSku" -> line.buyerSku();
      case "classification.scheme" -> line.classification() == null ? null : line.classification().scheme();
      case "classification.code" -> line.classification() == null ? null : line.classification().code();
      case "contract" -> line.contract();
      case "contractItem" -> line.contractItem();
      case "quoteId" -> line.quoteId();
      case "quoteItem" -> line.quoteItem();
      case "attachmentUrl" -> line.attachmentUrl();
      case "attachmentTitle" -> line.attachmentTitle();
      case "service" -> line.service() ? "X" : null;
      default -> throw new IllegalArgumentException("unknown cart field: " + name);
    };
  }

  private static Map<String, String> labels(String... nameLabelPairs) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < nameLabelPairs.length; i += 2) {
      labels.put(nameLabelPairs[i], nameLabelPairs[i + 1]);
    }
    return Collections.unmodifiableMap(labels);
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
