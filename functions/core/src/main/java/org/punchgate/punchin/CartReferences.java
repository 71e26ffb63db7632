package org.punchgate.punchin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Where an order names the punchout cart it completes (README "RoundTrip"). */
final class CartReferences {

  /** At most this many cart ids are looked up per order: a cart id costs one read. */
  static final int MAX_CART_LOOKUPS = 3;
  /** What a cart id (a session id, 128 random bits in URL-safe Base64) can look like; anything else is no cart. */
  private static final Pattern CART_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

  private CartReferences() {}

  /**
   * Where an order names the punchout cart it completes (README "RoundTrip"), in the order tried: UBL
   * CatalogueReference, then QuotationDocumentReference; cXML SupplierOrderInfo/@orderID, then the lines'
   * SupplierPartAuxiliaryIDs. Only values that can be a cart id, at most {@link #MAX_CART_LOOKUPS}.
   */
  static List<String> cartIds(PunchInOrder order) {
    Set<String> ids = new LinkedHashSet<>();
    PunchInOrder.References refs = order.references();
    if (refs != null) {
      add(ids, refs.catalogueId());
      add(ids, refs.quotationId());
      add(ids, refs.supplierOrderId());
    }
    if (order.format() == OrderFormat.CXML) {
      order.lines().forEach(line -> add(ids, line.supplierAuxiliaryId()));
    }
    return ids.stream().limit(MAX_CART_LOOKUPS).toList();
  }

  private static void add(Set<String> ids, String candidate) {
    if (candidate != null && CART_ID.matcher(candidate.strip()).matches()) {
      ids.add(candidate.strip());
    }
  }
}
