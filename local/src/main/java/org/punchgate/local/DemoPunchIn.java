package org.punchgate.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.json.Json;
import org.punchgate.punchin.PunchInJson;
import org.punchgate.punchin.PunchInMappings;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.ShopPrice;
import org.punchgate.punchin.ShopProduct;

/**
 * PunchIn's demo customers, products and prices, and those of a seed file. The demo customers (one per demo
 * connection) come from {@code demo/punchin.json}; the products and prices are derived from the demo catalog
 * itself (list price, and each user group's price as the group price of the customers in that group, per the
 * catalog's price unit), so an order at the shop's prices always passes the checks.
 */
final class DemoPunchIn {

  private DemoPunchIn() {}

  /** Loads the demo customers, products and prices; answers the customers (the buyer simulator offers them). */
  static List<ShopCustomer> loadDemo(PunchInMappings store, DemoCatalog catalog) {
    try (InputStream in = DemoPunchIn.class.getResourceAsStream("/demo/punchin.json")) {
      if (in == null) {
        throw new IllegalStateException("demo/punchin.json is missing from the classpath");
      }
      JsonNode root = Json.parse(in.readAllBytes());
      List<ShopCustomer> customers = new ArrayList<>();
      for (JsonNode c : root.path("customers")) {
        ShopCustomer customer = PunchInJson.customer(c);
        store.putCustomer(customer);
        customers.add(customer);
      }
      Map<String, String> unitMap = Json.stringMap(root, "unitMap");
      Map<String, Map<String, String>> buyerItemIds = new HashMap<>();
      root.path("buyerItemIds").properties().forEach(e ->
          Json.stringMap(root.path("buyerItemIds"), e.getKey()).forEach((sku, id) ->
              buyerItemIds.computeIfAbsent(sku, k -> new HashMap<>()).put(e.getKey(), id)));
      store.putPrices(products(store, catalog, unitMap, buyerItemIds));
      return List.copyOf(customers);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts the catalog's products; returns their prices. */
  private static List<ShopPrice> products(PunchInMappings store, DemoCatalog catalog, Map<String, String> unitMap,
                                          Map<String, Map<String, String>> buyerItemIds) {
    List<ShopPrice> prices = new ArrayList<>();
    int gtin = 0;
    for (DemoCatalog.Product p : catalog.all()) {
      Map<String, String> units = new HashMap<>();
      unitMap.forEach((buyer, shop) -> {
        if (shop.equals(p.unit())) {
          units.put(buyer, shop);
        }
      });
      store.putProduct(new ShopProduct(p.sku(), demoGtin(++gtin), p.name(), List.of(p.unit()), units,
          buyerItemIds.getOrDefault(p.sku(), Map.of())));
      BigDecimal base = p.priceUnit();
      prices.add(new ShopPrice(p.sku(), ShopPrice.Scope.LIST, null, catalog.currency(), p.listPrice(), base, p.unit(),
          null, null));
      p.prices().forEach((group, amount) -> prices.add(new ShopPrice(p.sku(), ShopPrice.Scope.GROUP, group,
          catalog.currency(), amount, base, p.unit(), null, null)));
    }
    return prices;
  }

  /**
   * A demo GTIN-13 in the range GS1 keeps for internal use (prefix 20-29: never a real product), with its check
   * digit, so a demo order may name a product by GTIN.
   */
  static String demoGtin(int n) {
    String body = String.format("200000%06d", n);
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return body + (10 - sum % 10) % 10;
  }

  /**
   * The {@code customers}, {@code products} and {@code prices} of a seed file (README "Seed file"); a file
   * without them loads nothing here.
   */
  static void loadSeed(PunchInMappings store, Path seed) {
    JsonNode root;
    try {
      root = Json.parse(Files.readAllBytes(seed));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seed file " + seed, e);
    }
    int index = 0;
    for (JsonNode c : root.path("customers")) {
      store.putCustomer(read(seed, "customers", index++, () -> PunchInJson.customer(c)));
    }
    index = 0;
    for (JsonNode p : root.path("products")) {
      store.putProduct(read(seed, "products", index++, () -> PunchInJson.product(p)));
    }
    index = 0;
    List<ShopPrice> prices = new ArrayList<>();
    for (JsonNode p : root.path("prices")) {
      prices.add(read(seed, "prices", index++, () -> PunchInJson.price(p)));
    }
    if (!prices.isEmpty()) {
      store.putPrices(prices);
    }
  }

  private static <T> T read(Path seed, String array, int index, java.util.function.Supplier<T> reader) {
    try {
      return reader.get();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(seed + ": " + array + "[" + index + "]: " + e.getMessage(), e);
    }
  }
}
