package org.punchgate.cart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A shopping cart the shop transfers back to the buyer's system. {@code shipping} and {@code tax} are
 * optional amounts in the cart currency.
 */
public record Cart(String currency, List<CartLine> lines, BigDecimal shipping, BigDecimal tax) {

  public Cart {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  public static Cart empty(String currency) {
    return new Cart(currency, List.of(), null, null);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** Exact sum of the extended prices of the top-level lines (children are priced inside their parent). */
  public BigDecimal itemTotal() {
    BigDecimal sum = BigDecimal.ZERO;
    for (CartLine line : lines) {
      if (line.parentLineId() == null) {
        sum = sum.add(line.extendedPrice());
      }
    }
    return sum.scale() < 2 ? sum.setScale(2, RoundingMode.UNNECESSARY) : sum;
  }
}
