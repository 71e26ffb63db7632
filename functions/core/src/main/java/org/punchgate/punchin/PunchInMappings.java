package org.punchgate.punchin;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shop's customers, products and prices as PunchIn checks orders against them (the mappings table; README
 * "PunchIn mappings"). Reads are shaped for one order: one batched read for the customer and the
 * products its lines name by seller's item id or GTIN, one batched read of buyer's item ids only for lines those
 * did not name, one batched read for their prices, never one read per line.
 */
public interface PunchInMappings {

  /** The customer a buyer identifier maps to on its connection. */
  Optional<ShopCustomer> customer(ShopCustomer.BuyerParty party);

  /**
   * The customer of the first of {@code parties} that maps to one, and the products {@code refs} name, in one
   * batched read: an order's first read needs no answer of another. The refs are sellers' item ids and GTINs
   * only; a buyer's item id is the customer's and is asked with {@link #products} once the customer is known.
   */
  CustomerAndProducts customerAndProducts(List<ShopCustomer.BuyerParty> parties, Collection<ShopProduct.Ref> refs);

  /** What {@link #customerAndProducts} found: the customer (empty when no party maps to one) and the products. */
  record CustomerAndProducts(Optional<ShopCustomer> customer, Map<ShopProduct.Ref, ShopProduct> products) {
    public CustomerAndProducts {
      products = Map.copyOf(products);
    }

    /** Refuses a buyer's item id, which names a product only for a customer not known before this read. */
    public static void requireCustomerFree(Collection<ShopProduct.Ref> refs) {
      for (ShopProduct.Ref ref : refs) {
        if (ref.kind() == ShopProduct.Ref.Kind.BUYER_ITEM) {
          throw new IllegalArgumentException("a buyer's item id needs the customer: ask it with products()");
        }
      }
    }
  }

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
