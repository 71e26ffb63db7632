package org.punchgate.punchin;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A shop product as PunchIn needs it (mappings table, {@code PRODUCT#<sku>}): the SKU, its GTIN, name, the
 * units it is sold in (UN/ECE Rec 20 codes; the first is the price unit), a unit map from units buyers write
 * to the shop's ({@code PCE → EA}), and the buyers' own item ids by customer number.
 */
public record ShopProduct(String sku, String gtin, String name, List<String> units, Map<String, String> unitMap,
                          Map<String, String> buyerItemIds) {

  public ShopProduct {
    Objects.requireNonNull(sku, "sku");
    units = units == null ? List.of() : List.copyOf(units);
    unitMap = unitMap == null ? Map.of() : Map.copyOf(unitMap);
    buyerItemIds = buyerItemIds == null ? Map.of() : Map.copyOf(buyerItemIds);
  }

  /** The shop unit for a unit an order writes: itself when the product is sold in it, else mapped; else null. */
  public String shopUnit(String orderUnit) {
    if (orderUnit == null) {
      return null;
    }
    if (units.contains(orderUnit)) {
      return orderUnit;
    }
    String mapped = unitMap.get(orderUnit);
    return mapped != null && units.contains(mapped) ? mapped : null;
  }

  /** How an order line names a product: the seller's item id (SKU), a GTIN (0160), or the buyer's own id. */
  public record Ref(Kind kind, String value) {
    public enum Kind { SKU, GTIN, BUYER_ITEM }

    public Ref {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }
  }
}
