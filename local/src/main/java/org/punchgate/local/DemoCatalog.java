package org.punchgate.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.punchgate.json.Json;

/** The demo shop's assortment ({@code demo/catalog.json}) with each user group's customer prices. */
final class DemoCatalog {

  /** A part that comes with a product and goes into the cart as its child line (OCI 5.0 hierarchy). */
  record Component(String sku, BigDecimal quantity) {}

  record Product(
      String sku, String name, String longText, String unit, BigDecimal priceUnit, String manufacturer,
      String manufacturerSku, String unspsc, BigDecimal listPrice, Map<String, BigDecimal> prices,
      int leadTimeDays, List<Component> components) {

    /** The user group's agreed price, else the list price. */
    BigDecimal price(String userGroup) {
      return prices.getOrDefault(userGroup == null ? "" : userGroup, listPrice);
    }

    boolean matches(String query) {
      String q = query.toLowerCase(Locale.ROOT);
      return (sku + " " + name + " " + longText + " " + manufacturer + " " + manufacturerSku)
          .toLowerCase(Locale.ROOT).contains(q);
    }
  }

  private final String currency;
  private final Map<String, Product> products;

  private DemoCatalog(String currency, Map<String, Product> products) {
    this.currency = currency;
    this.products = products;
  }

  static DemoCatalog load() {
    try (InputStream in = DemoCatalog.class.getResourceAsStream("/demo/catalog.json")) {
      if (in == null) {
        throw new IllegalStateException("demo/catalog.json is missing from the classpath");
      }
      JsonNode root = Json.parse(in.readAllBytes());
      Map<String, Product> products = new LinkedHashMap<>();
      for (JsonNode p : root.path("products")) {
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        Json.stringMap(p, "prices").forEach((group, price) -> prices.put(group, new BigDecimal(price)));
        List<Component> components = new ArrayList<>();
        p.path("components").forEach(c -> components.add(
            new Component(Json.text(c, "sku"), Json.decimal(c, "quantity"))));
        Product product = new Product(Json.text(p, "sku"), Json.text(p, "name"), Json.text(p, "longText"),
            Json.text(p, "unit"), p.has("priceUnit") ? Json.decimal(p, "priceUnit") : BigDecimal.ONE,
            Json.text(p, "manufacturer"), Json.text(p, "manufacturerSku"), Json.text(p, "unspsc"),
            Json.decimal(p, "listPrice"), Map.copyOf(prices), p.path("leadTimeDays").asInt(0),
            List.copyOf(components));
        products.put(product.sku(), product);
      }
      return new DemoCatalog(Json.text(root, "currency"), products);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String currency() {
    return currency;
  }

  List<Product> all() {
    return List.copyOf(products.values());
  }

  Optional<Product> find(String sku) {
    return Optional.ofNullable(sku == null ? null : products.get(sku.strip()));
  }

  /** Products whose SKU, name, text or manufacturer contain every word of the query. */
  List<Product> search(String query) {
    if (query == null || query.isBlank()) {
      return all();
    }
    String[] words = query.strip().split("\\s+");
    return products.values().stream()
        .filter(p -> java.util.Arrays.stream(words).allMatch(p::matches))
        .toList();
  }
}
