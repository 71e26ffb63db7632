package org.punchgate.punchin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shop's customers, products and prices as PunchIn checks orders against them (the mappings table; README
 * "PunchIn mappings"). Reads are shaped for one order: one read for the customer, one batched read for the
 * products its lines name, one batched read for their prices, never one read per line.
 */
public interface PunchInMappings {

  /** The customer a buyer identifier maps to on its connection. */
  Optional<ShopCustomer> customer(ShopCustomer.BuyerParty party);

  /** The products the refs name, in one batched read; refs that name nothing are absent from the map. */
  Map<ShopProduct.Ref, ShopProduct> products(String customerId, Collection<ShopProduct.Ref> refs);

  /**
   * Every price of these SKUs that can apply to the customer (its own, its group's, the list's), in one batched
   * read, all currencies and validity periods: choosing among them is the checks' business.
   */
  List<ShopPrice> prices(ShopCustomer customer, Collection<String> skus);

  /** Creates or replaces a customer with its buyer identifiers. */
  void putCustomer(ShopCustomer customer);

  /** Creates or replaces a product with its GTIN and buyer item ids. */
  void putProduct(ShopProduct product);

  /**
   * Replaces all prices of each (SKU, scope) the list contains with the ones it gives: a feed sends a product's
   * price list for a customer, group or the list whole.
   */
  void putPrices(List<ShopPrice> prices);
}
