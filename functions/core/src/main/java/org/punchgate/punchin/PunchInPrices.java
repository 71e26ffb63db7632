package org.punchgate.punchin;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The shop's price for an ordered line, and whether the price the order states is close enough to it. */
final class PunchInPrices {

  /** Decimals of a unit price compared with the shop's. */
  static final int PRICE_SCALE = 6;

  private PunchInPrices() {}

  /** The price that applies: valid on the date, in the currency and unit; customer's, else group's, else list. */
  static Optional<ShopPrice> price(String sku, String unit, ShopCustomer customer, String currency, LocalDate date,
                                   List<ShopPrice> prices) {
    return prices.stream()
        .filter(p -> p.sku().equals(sku) && p.currency().equals(currency) && p.validOn(date))
        .filter(p -> p.unit() == null || p.unit().equals(unit))
        .filter(p -> switch (p.scope()) {
          case CUSTOMER -> customer.id().equals(p.scopeId());
          case GROUP -> p.scopeId().equals(customer.group());
          case LIST -> true;
        })
        .min(Comparator.comparing(ShopPrice::scope)
            .thenComparing(p -> p.validFrom() == null ? LocalDate.MIN : p.validFrom(), Comparator.reverseOrder()));
  }

  static boolean withinTolerance(BigDecimal stated, BigDecimal expected, BigDecimal percent) {
    BigDecimal difference = stated.subtract(expected).abs();
    if (difference.signum() == 0) {
      return true;
    }
    BigDecimal allowed = expected.abs().multiply(percent).divide(BigDecimal.valueOf(100), PRICE_SCALE,
        RoundingMode.HALF_UP);
    return difference.compareTo(allowed) <= 0;
  }
}
