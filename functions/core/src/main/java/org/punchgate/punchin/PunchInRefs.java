package org.punchgate.punchin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.punchgate.punchin.PunchInOrder.Identifier;
import org.punchgate.punchin.PunchInOrder.Line;
import org.punchgate.punchin.ShopCustomer.BuyerParty;

/** How an order names its buyer and its products, as the mappings look them up and the findings name them. */
final class PunchInRefs {

  /** GTIN item ids: ICD 0160 in BIS 3, the textual {@code GTIN} in BIS 28A (SPECS §4.2, §4.4). */
  private static final Set<String> GTIN_SCHEMES = Set.of("0160", "GTIN");

  private PunchInRefs() {}

  /** The buyer's identifiers in the order they are tried: EndpointID, PartyIdentification, cXML From. */
  static List<BuyerParty> buyerParties(String connectionId, PunchInOrder order) {
    List<BuyerParty> parties = new ArrayList<>();
    if (order.buyer() == null) {
      return parties;
    }
    Identifier endpoint = order.buyer().endpoint();
    if (endpoint != null) {
      parties.add(new BuyerParty(connectionId, BuyerParty.Kind.ENDPOINT, endpoint.scheme(), endpoint.value()));
    }
    BuyerParty.Kind kind = order.format() == OrderFormat.CXML ? BuyerParty.Kind.CXML_FROM : BuyerParty.Kind.PARTY_ID;
    for (Identifier id : order.buyer().identifiers()) {
      parties.add(new BuyerParty(connectionId, kind, id.scheme(), id.value()));
    }
    return parties;
  }

  static List<ShopProduct.Ref> refs(List<Line> lines) {
    Set<ShopProduct.Ref> refs = new LinkedHashSet<>();
    for (Line line : lines) {
      refs.addAll(refs(line));
    }
    return List.copyOf(refs);
  }

  /** How a line names its product, in the order tried: seller's item id, GTIN, buyer's item id. */
  static List<ShopProduct.Ref> refs(Line line) {
    List<ShopProduct.Ref> refs = new ArrayList<>(3);
    if (line.sellersItemId() != null) {
      refs.add(new ShopProduct.Ref(ShopProduct.Ref.Kind.SKU, line.sellersItemId()));
    }
    Identifier standard = line.standardItemId();
    if (standard != null && standard.scheme() != null && GTIN_SCHEMES.contains(standard.scheme())) {
      refs.add(new ShopProduct.Ref(ShopProduct.Ref.Kind.GTIN, standard.value()));
    }
    if (line.buyersItemId() != null) {
      refs.add(new ShopProduct.Ref(ShopProduct.Ref.Kind.BUYER_ITEM, line.buyersItemId()));
    }
    return refs;
  }

  /**
   * The buyer's item ids of the lines {@code products} names no product for: tried last, a buyer's item id is read
   * only where the line's other ids named nothing.
   */
  static Set<ShopProduct.Ref> buyerItemsOfUnnamedLines(List<Line> lines, Map<ShopProduct.Ref, ShopProduct> products) {
    Set<ShopProduct.Ref> buyerItems = new LinkedHashSet<>();
    for (Line line : lines) {
      if (product(line, products) == null) {
        refs(line).stream().filter(r -> r.kind() == ShopProduct.Ref.Kind.BUYER_ITEM).forEach(buyerItems::add);
      }
    }
    return buyerItems;
  }

  static ShopProduct product(Line line, Map<ShopProduct.Ref, ShopProduct> products) {
    for (ShopProduct.Ref ref : refs(line)) {
      ShopProduct p = products.get(ref);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  static String named(Line line) {
    List<String> names = new ArrayList<>();
    if (line.sellersItemId() != null) {
      names.add("seller's item id '" + line.sellersItemId() + "'");
    }
    if (line.standardItemId() != null) {
      names.add("GTIN '" + line.standardItemId().value() + "'");
    }
    if (line.buyersItemId() != null) {
      names.add("buyer's item id '" + line.buyersItemId() + "'");
    }
    return names.isEmpty() ? "named: the line has no item id" : String.join(", ", names);
  }

  static String describe(PunchInOrder.Party buyer) {
    if (buyer == null) {
      return "(no buyer party)";
    }
    Identifier id = buyer.endpoint() != null ? buyer.endpoint()
        : buyer.identifiers().isEmpty() ? null : buyer.identifiers().get(0);
    String name = buyer.name() == null ? "" : buyer.name() + " ";
    return id == null ? name.strip() : name + "(" + (id.scheme() == null ? "" : id.scheme() + ":") + id.value() + ")";
  }
}
