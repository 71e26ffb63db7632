package org.punchgate.cart;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of a cart as the shop sends it (see {@code schema/cart.schema.json}). Amounts are exact decimals.
 * {@code lineId} is the shop's own key of the line; {@code parentLineId} makes it a child of another line
 * (OCI 5.0 item hierarchy, cXML composite items). {@code auxiliaryId} is the supplier's opaque key that a
 * procurement system echoes back (cXML SupplierPartAuxiliaryID); it is round-tripped byte-exactly.
 */
public record CartLine(
    String lineId,
    String parentLineId,
    String sku,
    String auxiliaryId,
    String description,
    String longText,
    BigDecimal quantity,
    String unit,
    BigDecimal unitPrice,
    BigDecimal priceUnit,
    String currency,
    Integer leadTimeDays,
    String manufacturer,
    String manufacturerSku,
    String buyerSku,
    Classification classification,
    String contract,
    String contractItem,
    String quoteId,
    String quoteItem,
    String attachmentUrl,
    String attachmentTitle,
    boolean service,
    Map<String, String> attributes) {

  public CartLine {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  /** quantity × unitPrice / priceUnit: what the line costs. */
  public BigDecimal extendedPrice() {
    if (unitPrice == null || quantity == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal gross = unitPrice.multiply(quantity);
    if (priceUnit == null || priceUnit.signum() == 0 || priceUnit.compareTo(BigDecimal.ONE) == 0) {
      return gross;
    }
    try {
      return gross.divide(priceUnit); // exact where the quotient terminates
    } catch (ArithmeticException nonTerminating) {
      return gross.divide(priceUnit, 4, java.math.RoundingMode.HALF_UP);
    }
  }
}
