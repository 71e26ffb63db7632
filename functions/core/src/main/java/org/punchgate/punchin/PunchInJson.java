package org.punchgate.punchin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.punchgate.json.Json;

/**
 * The documented JSON shape of customers, products and prices (README "PunchIn mappings"): the seed file's
 * {@code customers}, {@code products} and {@code prices} arrays, and the {@code doc} of the stored items.
 */
public final class PunchInJson {

  private PunchInJson() {}

  public static ShopCustomer customer(JsonNode n) {
    List<ShopCustomer.BuyerParty> parties = new ArrayList<>();
    for (JsonNode p : array(n, "buyerParties")) {
      parties.add(new ShopCustomer.BuyerParty(required(p, "connectionId"),
          ShopCustomer.BuyerParty.Kind.valueOf(kind(required(p, "kind"))), Json.text(p, "scheme"), required(p, "value")));
    }
    List<String> currencies = new ArrayList<>();
    array(n, "currencies").forEach(c -> currencies.add(c.asText()));
    return new ShopCustomer(required(n, "id"), Json.text(n, "name"), Json.text(n, "group"), currencies, parties);
  }

  public static ObjectNode write(ShopCustomer c) {
    ObjectNode n = Json.object().put("id", c.id());
    Json.putIfPresent(n, "name", c.name());
    Json.putIfPresent(n, "group", c.group());
    ArrayNode currencies = n.putArray("currencies");
    c.currencies().forEach(currencies::add);
    ArrayNode parties = n.putArray("buyerParties");
    for (ShopCustomer.BuyerParty p : c.parties()) {
      ObjectNode party = parties.addObject().put("connectionId", p.connectionId())
          .put("kind", p.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      if (!p.scheme().isEmpty()) {
        party.put("scheme", p.scheme());
      }
      party.put("value", p.value());
    }
    return n;
  }

  public static ShopProduct product(JsonNode n) {
    List<String> units = new ArrayList<>();
    array(n, "units").forEach(u -> units.add(u.asText()));
    return new ShopProduct(required(n, "sku"), Json.text(n, "gtin"), Json.text(n, "name"), units,
        Json.stringMap(n, "unitMap"), Json.stringMap(n, "buyerItemIds"));
  }

  public static ObjectNode write(ShopProduct p) {
    ObjectNode n = Json.object().put("sku", p.sku());
    Json.putIfPresent(n, "gtin", p.gtin());
    Json.putIfPresent(n, "name", p.name());
    ArrayNode units = n.putArray("units");
    p.units().forEach(units::add);
    n.set("unitMap", Json.fromMap(p.unitMap()));
    n.set("buyerItemIds", Json.fromMap(p.buyerItemIds()));
    return n;
  }

  /** A price; {@code customer} or {@code group} names its scope, neither makes it a list price. */
  public static ShopPrice price(JsonNode n) {
    String customer = Json.text(n, "customer");
    String group = Json.text(n, "group");
    ShopPrice.Scope scope = customer != null ? ShopPrice.Scope.CUSTOMER
        : group != null ? ShopPrice.Scope.GROUP : ShopPrice.Scope.LIST;
    BigDecimal amount = Json.decimal(n, "amount");
    if (amount == null) {
      throw new IllegalArgumentException("a price needs an amount");
    }
    return new ShopPrice(required(n, "sku"), scope, customer != null ? customer : group, required(n, "currency"),
        amount, Json.decimal(n, "baseQuantity"), Json.text(n, "unit"), date(n, "validFrom"), date(n, "validTo"));
  }

  public static ObjectNode write(ShopPrice p) {
    ObjectNode n = Json.object().put("sku", p.sku());
    switch (p.scope()) {
      case CUSTOMER -> n.put("customer", p.scopeId());
      case GROUP -> n.put("group", p.scopeId());
      case LIST -> { }
    }
    n.put("currency", p.currency()).put("amount", p.amount().toPlainString())
        .put("baseQuantity", p.baseQuantity().toPlainString());
    Json.putIfPresent(n, "unit", p.unit());
    Json.putIfPresent(n, "validFrom", p.validFrom() == null ? null : p.validFrom().toString());
    Json.putIfPresent(n, "validTo", p.validTo() == null ? null : p.validTo().toString());
    return n;
  }

  private static String kind(String text) {
    return text.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private static LocalDate date(JsonNode n, String field) {
    String text = Json.text(n, field);
    return text == null ? null : LocalDate.parse(text);
  }

  private static Iterable<JsonNode> array(JsonNode n, String field) {
    JsonNode a = n.get(field);
    return a == null || !a.isArray() ? List.of() : a;
  }

  private static String required(JsonNode n, String field) {
    String value = Json.text(n, field);
    if (value == null) {
      throw new IllegalArgumentException("missing field '" + field + "'");
    }
    return value;
  }
}
