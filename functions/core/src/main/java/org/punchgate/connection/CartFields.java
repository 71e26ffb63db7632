package org.punchgate.connection;

import java.math.BigDecimal;
import java.util.Set;
import org.punchgate.cart.CartLine;

/** The names of the cart line fields a field mapping may read, and how each is read as text. */
public final class CartFields {

  private static final Set<String> NAMES = Set.of(
      "lineId", "parentLineId", "sku", "auxiliaryId", "description", "longText", "quantity", "unit",
      "unitPrice", "priceUnit", "currency", "leadTimeDays", "manufacturer", "manufacturerSku", "buyerSku",
      "classification.scheme", "classification.code", "contract", "contractItem", "quoteId", "quoteItem",
      "attachmentUrl", "attachmentTitle", "service");

  private CartFields() {}

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

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
