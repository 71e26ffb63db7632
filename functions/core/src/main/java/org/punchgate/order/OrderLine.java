package org.punchgate.order;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an order. {@code lineId} is unique in the order (the cart's line id, or the document's line
 * number); {@code parentLineId} makes it a child of another line (OCI 5.0 hierarchy, cXML composite items),
 * priced inside its parent. {@code sku} is the shop's product number (null for a free-text line),
 * {@code buyerSku} the buyer's own. {@code unitPrice} is per {@code priceUnit} units (1 unless the product
 * is priced per 100, say). {@code taxRate} is a percentage (25 for 25 %), null when unknown.
 * Scale rules: {@link Money}.
 */
public record OrderLine(
    String lineId,
    String parentLineId,
    String sku,
    String buyerSku,
    String description,
    BigDecimal quantity,
    String unit,
    BigDecimal unitPrice,
    BigDecimal priceUnit,
    BigDecimal lineAmount,
    BigDecimal taxRate,
    Classification classification) {

  /** A commodity classification, e.g. scheme {@code UNSPSC}, code {@code 27112703}. */
  public record Classification(String scheme, String code) {
    public Classification {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(code, "code");
    }
  }

  public OrderLine {
    Checks.nonEmpty(lineId, "lineId");
    Checks.nonEmpty(description, "line " + lineId + " description");
    Checks.nonEmpty(unit, "line " + lineId + " unit");
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(lineAmount, "lineAmount");
    priceUnit = priceUnit == null ? BigDecimal.ONE : priceUnit;
    if (quantity.signum() <= 0) {
      throw new IllegalArgumentException("line " + lineId + ": quantity must be greater than 0");
    }
    if (unitPrice.signum() < 0) {
      throw new IllegalArgumentException("line " + lineId + ": unit price must not be negative");
    }
    if (priceUnit.signum() <= 0) {
      throw new IllegalArgumentException("line " + lineId + ": price unit must be greater than 0");
    }
  }

  /** A line whose amount is computed by the rule in {@link Money#lineAmount}. */
  public static OrderLine priced(String lineId, String parentLineId, String sku, String buyerSku, String description,
      BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal priceUnit, BigDecimal taxRate,
      Classification classification, String currency) {
    return new OrderLine(lineId, parentLineId, sku, buyerSku, description, quantity, unit, unitPrice, priceUnit,
        Money.lineAmount(quantity, unitPrice, priceUnit, currency), taxRate, classification);
  }

  public boolean isTopLevel() {
    return parentLineId == null;
  }
}
