package org.punchgate.punchin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** PunchIn mappings in memory, for unit tests and the benchmark's CPU-only runs; counts its reads like the table would. */
public final class InMemoryPunchInMappings implements PunchInMappings {

  private final ConcurrentMap<String, ShopCustomer> customers = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ShopProduct> products = new ConcurrentHashMap<>();
  /** The lookup keys of the table's product items ({@code GTIN#..}, {@code BUYER_ITEM#customer#..}) → SKU. */
  private final ConcurrentMap<String, String> productLookups = new ConcurrentHashMap<>();
  /** (SKU, scope key) → that scope's prices of the SKU, as the table keeps them. */
  private final ConcurrentMap<String, List<ShopPrice>> prices = new ConcurrentHashMap<>();
  private final AtomicInteger reads = new AtomicInteger();

  @Override
  public Optional<ShopCustomer> customer(ShopCustomer.BuyerParty party) {
    reads.incrementAndGet();
    return customers.values().stream().filter(c -> c.parties().contains(party)).findFirst();
  }

  @Override
  public CustomerAndProducts customerAndProducts(List<ShopCustomer.BuyerParty> parties,
                                                 Collection<ShopProduct.Ref> refs) {
    CustomerAndProducts.requireCustomerFree(refs);
    reads.incrementAndGet();
    Optional<ShopCustomer> customer = parties.stream()
        .flatMap(party -> customers.values().stream().filter(c -> c.parties().contains(party)).findFirst().stream())
        .findFirst();
    return new CustomerAndProducts(customer, lookUp(null, refs));
  }

  @Override
  public Map<ShopProduct.Ref, ShopProduct> products(String customerId, Collection<ShopProduct.Ref> refs) {
    reads.incrementAndGet();
    return lookUp(customerId, refs);
  }

  private Map<ShopProduct.Ref, ShopProduct> lookUp(String customerId, Collection<ShopProduct.Ref> refs) {
    Map<ShopProduct.Ref, ShopProduct> found = new HashMap<>();
    for (ShopProduct.Ref ref : refs) {
      String sku = switch (ref.kind()) {
        case SKU -> ref.value();
        case GTIN -> productLookups.get("GTIN#" + ref.value());
        case BUYER_ITEM -> productLookups.get("BUYER_ITEM#" + customerId + "#" + ref.value());
      };
      ShopProduct p = sku == null ? null : products.get(sku);
      if (p != null) {
        found.put(ref, p);
      }
    }
    return found;
  }

  @Override
  public List<ShopPrice> prices(ShopCustomer customer, Collection<String> skus) {
    reads.incrementAndGet();
    List<ShopPrice> found = new ArrayList<>();
    for (String sku : skus) {
      found.addAll(prices.getOrDefault(key(sku, ShopPrice.scopeKey(ShopPrice.Scope.CUSTOMER, customer.id())), List.of()));
      if (customer.group() != null) {
        found.addAll(prices.getOrDefault(key(sku, ShopPrice.scopeKey(ShopPrice.Scope.GROUP, customer.group())), List.of()));
      }
      found.addAll(prices.getOrDefault(key(sku, ShopPrice.scopeKey(ShopPrice.Scope.LIST, null)), List.of()));
    }
    return found;
  }

  @Override
  public void putCustomer(ShopCustomer customer) {
    customers.put(customer.id(), customer);
  }

  @Override
  public synchronized void putProduct(ShopProduct product) {
    ShopProduct old = products.put(product.sku(), product);
    if (old != null) {
      lookups(old).forEach(productLookups::remove);
    }
    lookups(product).forEach(k -> productLookups.put(k, product.sku()));
  }

  private static java.util.List<String> lookups(ShopProduct p) {
    java.util.List<String> keys = new ArrayList<>();
    if (p.gtin() != null) {
      keys.add("GTIN#" + p.gtin());
    }
    p.buyerItemIds().forEach((customer, id) -> keys.add("BUYER_ITEM#" + customer + "#" + id));
    return keys;
  }

  @Override
  public void putPrices(List<ShopPrice> list) {
    Map<String, List<ShopPrice>> grouped = new HashMap<>();
    for (ShopPrice p : list) {
      grouped.computeIfAbsent(key(p.sku(), p.scopeKey()), k -> new ArrayList<>()).add(p);
    }
    grouped.forEach((k, v) -> prices.put(k, List.copyOf(v)));
  }

  /** Reads so far: one per call, as the DynamoDB store makes one logical read per call. */
  public int reads() {
    return reads.get();
  }

  private static String key(String sku, String scopeKey) {
    return sku + "\n" + scopeKey;
  }
}
