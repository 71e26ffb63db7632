package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.punchgate.punchin.ShopCustomer.BuyerParty;
import org.punchgate.punchin.ShopPrice.Scope;

/**
 * What every {@link PunchInMappings} must do; a subclass names the store. Ids are unique per test, so one
 * store (one table) may serve all of them.
 */
public abstract class PunchInMappingsContract {

  protected abstract PunchInMappings store();

  private static String unique(String name) {
    return name + "-" + UUID.randomUUID();
  }

  @Test
  void findsACustomerByEachOfItsBuyerIdentifiersOnItsConnectionOnly() {
    String gln = unique("gln");
    ShopCustomer customer = new ShopCustomer(unique("C"), "Klinikum Nord", "hospitals", List.of("EUR", "SEK"), List.of(
        new BuyerParty("conn-a", BuyerParty.Kind.ENDPOINT, "0088", gln),
        new BuyerParty("conn-a", BuyerParty.Kind.PARTY_ID, "0007", "5560000000"),
        new BuyerParty("conn-b", BuyerParty.Kind.CXML_FROM, "NetworkID", "AN0" + gln)));
    store().putCustomer(customer);

    assertEquals(customer, store().customer(new BuyerParty("conn-a", BuyerParty.Kind.ENDPOINT, "0088", gln)).orElseThrow());
    assertEquals(customer, store().customer(new BuyerParty("conn-b", BuyerParty.Kind.CXML_FROM, "networkid", "AN0" + gln))
        .orElseThrow(), "cXML domains in any case");
    assertTrue(store().customer(new BuyerParty("conn-b", BuyerParty.Kind.ENDPOINT, "0088", gln)).isEmpty(),
        "another connection's buyer");
    assertTrue(store().customer(new BuyerParty("conn-a", BuyerParty.Kind.ENDPOINT, "0192", gln)).isEmpty(),
        "another scheme");
  }

  @Test
  void aReplacedCustomerNoLongerAnswersToIdentifiersItDropped() {
    String gln = unique("gln");
    BuyerParty old = new BuyerParty("conn-a", BuyerParty.Kind.ENDPOINT, "0088", gln);
    BuyerParty now = new BuyerParty("conn-a", BuyerParty.Kind.ENDPOINT, "0088", gln + "-new");
    String id = unique("C");
    store().putCustomer(new ShopCustomer(id, "A", null, List.of(), List.of(old)));
    store().putCustomer(new ShopCustomer(id, "A", null, List.of(), List.of(now)));
    assertTrue(store().customer(old).isEmpty());
    assertEquals(id, store().customer(now).orElseThrow().id());
  }

  @Test
  void findsProductsBySkuGtinAndTheCustomersBuyerItemIdInOneCall() {
    String sku = unique("SKU");
    String gtin = unique("40");
    ShopProduct product = new ShopProduct(sku, gtin, "Handschuhe", List.of("BX", "EA"), Map.of("PCE", "EA"),
        Map.of("C-1", "B-" + sku));
    store().putProduct(product);
    var bySku = new ShopProduct.Ref(ShopProduct.Ref.Kind.SKU, sku);
    var byGtin = new ShopProduct.Ref(ShopProduct.Ref.Kind.GTIN, gtin);
    var byBuyer = new ShopProduct.Ref(ShopProduct.Ref.Kind.BUYER_ITEM, "B-" + sku);
    var unknown = new ShopProduct.Ref(ShopProduct.Ref.Kind.SKU, unique("none"));
    Map<ShopProduct.Ref, ShopProduct> found = store().products("C-1", List.of(bySku, byGtin, byBuyer, unknown));
    assertEquals(Map.of(bySku, product, byGtin, product, byBuyer, product), found);
    assertTrue(store().products("C-2", List.of(byBuyer)).isEmpty(), "another customer's buyer item id");
  }

  @Test
  void readsTheFirstMappedPartysCustomerWithTheProductsNamedWithoutIt() {
    BuyerParty none = new BuyerParty("conn-a", BuyerParty.Kind.ENDPOINT, "0088", unique("gln"));
    BuyerParty second = new BuyerParty("conn-a", BuyerParty.Kind.PARTY_ID, "0007", unique("org"));
    BuyerParty third = new BuyerParty("conn-a", BuyerParty.Kind.PARTY_ID, "0007", unique("org"));
    ShopCustomer b = new ShopCustomer(unique("C"), "B", null, List.of("EUR"), List.of(second));
    ShopCustomer a = new ShopCustomer(unique("C"), "A", null, List.of("EUR"), List.of(third));
    store().putCustomer(a);
    store().putCustomer(b);
    String sku = unique("SKU");
    String gtin = unique("40");
    ShopProduct product = new ShopProduct(sku, gtin, "Tupfer", List.of("EA"), Map.of(), Map.of(b.id(), "B-" + sku));
    store().putProduct(product);
    var bySku = new ShopProduct.Ref(ShopProduct.Ref.Kind.SKU, sku);
    var byGtin = new ShopProduct.Ref(ShopProduct.Ref.Kind.GTIN, gtin);
    var unknown = new ShopProduct.Ref(ShopProduct.Ref.Kind.GTIN, unique("none"));

    var found = store().customerAndProducts(List.of(none, second, third), List.of(bySku, byGtin, unknown));
    assertEquals(b, found.customer().orElseThrow(), "the parties are tried in order, as one by one");
    assertEquals(Map.of(bySku, product, byGtin, product), found.products());
    var nobody = store().customerAndProducts(List.of(none), List.of(bySku));
    assertTrue(nobody.customer().isEmpty());
    assertEquals(Map.of(bySku, product), nobody.products(), "products are read even for an unknown buyer");
    var byBuyer = new ShopProduct.Ref(ShopProduct.Ref.Kind.BUYER_ITEM, "B-" + sku);
    assertThrows(IllegalArgumentException.class, () -> store().customerAndProducts(List.of(second), List.of(byBuyer)),
        "a buyer's item id needs the customer this read finds");
  }

  @Test
  void readsThePricesThatCanApplyToACustomerCustomerGroupAndListForManySkus() {
    String customer = unique("C");
    String group = unique("G");
    List<String> skus = new ArrayList<>();
    List<ShopPrice> prices = new ArrayList<>();
    for (int i = 0; i < 150; i++) { // more than one DynamoDB batch of keys
      String sku = unique("P" + i);
      skus.add(sku);
      prices.add(new ShopPrice(sku, Scope.LIST, null, "EUR", new BigDecimal("10.00"), null, null, null, null));
      if (i % 2 == 0) {
        prices.add(new ShopPrice(sku, Scope.GROUP, group, "EUR", new BigDecimal("9.00"), null, "EA", null, null));
      }
      if (i % 3 == 0) {
        prices.add(new ShopPrice(sku, Scope.CUSTOMER, customer, "EUR", new BigDecimal("85.00"), new BigDecimal("10"),
            "EA", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        prices.add(new ShopPrice(sku, Scope.CUSTOMER, "someone-else", "EUR", BigDecimal.ONE, null, null, null, null));
      }
    }
    store().putPrices(prices);
    ShopCustomer c = new ShopCustomer(customer, null, group, List.of(), List.of());
    List<ShopPrice> read = store().prices(c, skus);
    assertEquals(new HashSet<>(prices.stream().filter(p -> !"someone-else".equals(p.scopeId())).toList()),
        new HashSet<>(read));
  }

  @Test
  void puttingAScopesPricesReplacesThatScopeOnly() {
    String sku = unique("SKU");
    ShopCustomer c = new ShopCustomer(unique("C"), null, null, List.of(), List.of());
    ShopPrice list = new ShopPrice(sku, Scope.LIST, null, "EUR", new BigDecimal("5.00"), null, null, null, null);
    ShopPrice mine = new ShopPrice(sku, Scope.CUSTOMER, c.id(), "EUR", new BigDecimal("4.00"), null, null, null, null);
    store().putPrices(List.of(list, mine));
    ShopPrice newList = new ShopPrice(sku, Scope.LIST, null, "EUR", new BigDecimal("5.50"), null, null,
        LocalDate.of(2027, 1, 1), null);
    store().putPrices(List.of(newList));
    assertEquals(new HashSet<>(List.of(newList, mine)), new HashSet<>(store().prices(c, List.of(sku))));
  }
}
