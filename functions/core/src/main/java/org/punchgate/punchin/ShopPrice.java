package org.punchgate.punchin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One price of a product (mappings table, {@code PRICE#<sku>}): for one customer, a customer group or the
 * list, in a currency, for {@code baseQuantity} units of {@code unit} (a price per 100 pieces has base quantity
 * 100), valid from {@code validFrom} to {@code validTo} inclusive (null: open).
 */
public record ShopPrice(String sku, Scope scope, String scopeId, String currency, BigDecimal amount,
                        BigDecimal baseQuantity, String unit, LocalDate validFrom, LocalDate validTo) {

  /** Whose price it is; the order of the constants is the order of precedence. */
  public enum Scope { CUSTOMER, GROUP, LIST }

  public ShopPrice {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(amount, "amount");
    baseQuantity = baseQuantity == null ? BigDecimal.ONE : baseQuantity;
    if (scope == Scope.LIST) {
      scopeId = null;
    } else {
      Objects.requireNonNull(scopeId, "a customer or group price names its customer or group");
    }
    if (baseQuantity.signum() <= 0) {
      throw new IllegalArgumentException("base quantity must be above zero: " + baseQuantity);
    }
  }

  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
  }

  /** The price of one unit. */
  public BigDecimal perUnit() {
    return amount.divide(baseQuantity, 10, java.math.RoundingMode.HALF_UP);
  }

  /** The sort key of the item holding this price: {@code CUSTOMER#<id>}, {@code GROUP#<group>} or {@code LIST}. */
  public String scopeKey() {
    return scopeKey(scope, scopeId);
  }

  public static String scopeKey(Scope scope, String scopeId) {
    return scope == Scope.LIST ? "LIST" : scope + "#" + scopeId;
  }
}
