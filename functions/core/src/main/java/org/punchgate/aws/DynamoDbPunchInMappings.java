package org.punchgate.aws;

import static org.punchgate.aws.TableKeys.key;
import static org.punchgate.aws.TableKeys.s;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.punchgate.json.Json;
import org.punchgate.punchin.PunchInJson;
import org.punchgate.punchin.PunchInMappings;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.ShopPrice;
import org.punchgate.punchin.ShopProduct;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * PunchIn's customers, products and prices in the mappings table (README "PunchIn mappings"):
 * <ul>
 *   <li>{@code CUSTOMER#<id>} / {@code CUSTOMER}, plus one lookup item per buyer identifier,
 *       {@code BUYER#<connection>#<kind>#<scheme>#<value>} / {@code CUSTOMER}, carrying a copy;</li>
 *   <li>{@code PRODUCT#<sku>} / {@code PRODUCT}, plus lookup items {@code GTIN#<gtin>} and
 *       {@code BUYER_ITEM#<customer>#<buyer item id>} / {@code PRODUCT}, carrying a copy;</li>
 *   <li>{@code PRICE#<sku>} / {@code CUSTOMER#<id>}, {@code GROUP#<group>} or {@code LIST}: the prices of that
 *       SKU for that scope (all currencies and validity periods in one item).</li>
 * </ul>
 * So an order's customer and products (by seller's item id and GTIN) are one {@code BatchGetItem} by exact keys,
 * and its prices another, whatever the number of
 * lines (DynamoDB takes 100 keys per call: a longer order makes one call per 100 keys), and keys DynamoDB leaves
 * unprocessed under throttling are asked again until none is left.
 */
public final class DynamoDbPunchInMappings implements PunchInMappings {

  private static final String CUSTOMER = "CUSTOMER";
  private static final String PRODUCT = "PRODUCT";
  private static final String DOC = "doc";
  /** DynamoDB's limit of keys per BatchGetItem call. */
  private static final int BATCH_KEYS = 100;
  private static final int MAX_UNPROCESSED_ROUNDS = 8;

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbPunchInMappings(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public Optional<ShopCustomer> customer(ShopCustomer.BuyerParty party) {
    var item = dynamoDb.getItem(b -> b.tableName(table).key(key(party.key(), CUSTOMER))).item();
    if (item == null || item.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(PunchInJson.customer(Json.parse(item.get(DOC).s())));
  }

  @Override
  public CustomerAndProducts customerAndProducts(List<ShopCustomer.BuyerParty> parties,
                                                 Collection<ShopProduct.Ref> refs) {
    CustomerAndProducts.requireCustomerFree(refs);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    parties.forEach(party -> keys.add(key(party.key(), CUSTOMER)));
    Map<String, ShopProduct.Ref> byKey = new LinkedHashMap<>();
    for (ShopProduct.Ref ref : refs) {
      byKey.put(productKey(ref, null), ref);
    }
    byKey.keySet().forEach(pk -> keys.add(key(pk, PRODUCT)));
    Map<String, ShopCustomer> customers = new HashMap<>();
    Map<ShopProduct.Ref, ShopProduct> products = new HashMap<>();
    for (Map<String, AttributeValue> item : batchGet(keys)) {
      String pk = item.get(TableKeys.PK).s();
      if (CUSTOMER.equals(item.get(TableKeys.SK).s())) {
        customers.put(pk, PunchInJson.customer(Json.parse(item.get(DOC).s())));
      } else {
        products.put(byKey.get(pk), PunchInJson.product(Json.parse(item.get(DOC).s())));
      }
    }
    // the first party that maps to a customer wins, as when they are asked one by one
    Optional<ShopCustomer> customer = parties.stream()
        .flatMap(party -> Optional.ofNullable(customers.get(party.key())).stream()).findFirst();
    return new CustomerAndProducts(customer, products);
  }

  @Override
  public Map<ShopProduct.Ref, ShopProduct> products(String customerId, Collection<ShopProduct.Ref> refs) {
    Map<String, ShopProduct.Ref> byKey = new LinkedHashMap<>();
    for (ShopProduct.Ref ref : refs) {
      byKey.put(productKey(ref, customerId), ref);
    }
    Map<ShopProduct.Ref, ShopProduct> found = new HashMap<>();
    for (Map<String, AttributeValue> item : batchGet(byKey.keySet().stream().map(pk -> key(pk, PRODUCT)).toList())) {
      found.put(byKey.get(item.get(TableKeys.PK).s()), PunchInJson.product(Json.parse(item.get(DOC).s())));
    }
    return found;
  }

  @Override
  public List<ShopPrice> prices(ShopCustomer customer, Collection<String> skus) {
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String sku : new LinkedHashSet<>(skus)) {
      keys.add(key("PRICE#" + sku, ShopPrice.scopeKey(ShopPrice.Scope.CUSTOMER, customer.id())));
      if (customer.group() != null) {
        keys.add(key("PRICE#" + sku, ShopPrice.scopeKey(ShopPrice.Scope.GROUP, customer.group())));
      }
      keys.add(key("PRICE#" + sku, ShopPrice.scopeKey(ShopPrice.Scope.LIST, null)));
    }
    List<ShopPrice> found = new ArrayList<>();
    for (Map<String, AttributeValue> item : batchGet(keys)) {
      Json.parse(item.get(DOC).s()).forEach(p -> found.add(PunchInJson.price(p)));
    }
    return found;
  }

  @Override
  public void putCustomer(ShopCustomer customer) {
    String doc = Json.write(PunchInJson.write(customer));
    List<String> keys = new ArrayList<>();
    keys.add("CUSTOMER#" + customer.id());
    customer.parties().forEach(p -> keys.add(p.key()));
    List<String> stale = staleLookups("CUSTOMER#" + customer.id(), CUSTOMER, keys,
        old -> PunchInJson.customer(old).parties().stream().map(ShopCustomer.BuyerParty::key).toList());
    write(keys, stale, CUSTOMER, "customer", doc);
  }

  @Override
  public void putProduct(ShopProduct product) {
    String doc = Json.write(PunchInJson.write(product));
    List<String> keys = productKeys(product);
    List<String> stale = staleLookups("PRODUCT#" + product.sku(), PRODUCT, keys,
        old -> productKeys(PunchInJson.product(old)));
    write(keys, stale, PRODUCT, "product", doc);
  }

  @Override
  public void putPrices(List<ShopPrice> prices) {
    Map<List<String>, List<ShopPrice>> grouped = new LinkedHashMap<>();
    for (ShopPrice p : prices) {
      grouped.computeIfAbsent(List.of("PRICE#" + p.sku(), p.scopeKey()), k -> new ArrayList<>()).add(p);
    }
    grouped.forEach((k, list) -> {
      var doc = Json.array();
      list.forEach(p -> doc.add(PunchInJson.write(p)));
      Map<String, AttributeValue> item = new HashMap<>(key(k.get(0), k.get(1)));
      item.put("type", s("price"));
      item.put(DOC, s(Json.write(doc)));
      dynamoDb.putItem(b -> b.tableName(table).item(item));
    });
  }

  private static List<String> productKeys(ShopProduct product) {
    List<String> keys = new ArrayList<>();
    keys.add("PRODUCT#" + product.sku());
    if (product.gtin() != null) {
      keys.add("GTIN#" + product.gtin());
    }
    product.buyerItemIds().forEach((customer, id) -> keys.add("BUYER_ITEM#" + customer + "#" + id));
    return keys;
  }

  private static String productKey(ShopProduct.Ref ref, String customerId) {
    return switch (ref.kind()) {
      case SKU -> "PRODUCT#" + ref.value();
      case GTIN -> "GTIN#" + ref.value();
      case BUYER_ITEM -> "BUYER_ITEM#" + customerId + "#" + ref.value();
    };
  }

  /** The lookup items the stored version has and the new one no longer has. */
  private List<String> staleLookups(String mainKey, String sk, List<String> newKeys,
                                    java.util.function.Function<com.fasterxml.jackson.databind.JsonNode, List<String>> keysOf) {
    var old = dynamoDb.getItem(b -> b.tableName(table).key(key(mainKey, sk)).consistentRead(true)).item();
    if (old == null || old.isEmpty()) {
      return List.of();
    }
    return keysOf.apply(Json.parse(old.get(DOC).s())).stream().filter(k -> !newKeys.contains(k)).toList();
  }

  /** The main item and its lookup items in one transaction, so a lookup never shows another version. */
  private void write(List<String> keys, List<String> stale, String sk, String type, String doc) {
    List<TransactWriteItem> writes = new ArrayList<>();
    for (String pk : keys) {
      Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
      item.put("type", s(type));
      item.put(DOC, s(doc));
      writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build());
    }
    for (String pk : stale) {
      writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key(pk, sk))).build());
    }
    dynamoDb.transactWriteItems(b -> b.transactItems(writes));
  }

  /** Every item of these keys that exists: BatchGetItem per 100 keys, unprocessed keys asked again. */
  private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Set<Map<String, AttributeValue>> distinct = new LinkedHashSet<>(keys);
    List<Map<String, AttributeValue>> all = new ArrayList<>(distinct);
    for (int from = 0; from < all.size(); from += BATCH_KEYS) {
      Map<String, KeysAndAttributes> request = Map.of(table,
          KeysAndAttributes.builder().keys(all.subList(from, Math.min(all.size(), from + BATCH_KEYS))).build());
      for (int round = 0; !request.isEmpty(); round++) {
        if (round >= MAX_UNPROCESSED_ROUNDS) {
          throw new IllegalStateException("DynamoDB left keys unprocessed " + MAX_UNPROCESSED_ROUNDS + " times");
        }
        if (round > 0) {
          backOff(round);
        }
        Map<String, KeysAndAttributes> asked = request;
        BatchGetItemResponse response = dynamoDb.batchGetItem(b -> b.requestItems(asked));
        items.addAll(response.responses().getOrDefault(table, List.of()));
        request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return items;
  }

  /** Exponential back-off before asking again for throttled keys, as AWS advises: 25, 50, 100 ms ... */
  private static void backOff(int round) {
    try {
      Thread.sleep(25L << Math.min(round - 1, 5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry unprocessed keys", e);
    }
  }
}
