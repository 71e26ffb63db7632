package org.punchgate.cxml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.connection.Connection;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.connection.MappingPreview;
import org.punchgate.connection.MappingTarget;
import org.punchgate.validation.Violation;

/**
 * The cXML ItemIn fields a connection's field mapping can fill, for the admin page ({@link CxmlFields} holds them
 * and their defaults), and one cart line mapped by the same {@link CxmlItems} the PunchOutOrderMessage is written
 * from. cXML sets no lengths on these elements; {@code Extrinsic.<name>} targets may be added freely.
 */
public final class CxmlMappingTargets {

  private CxmlMappingTargets() {}

  public static List<MappingTarget> all() {
    List<MappingTarget> targets = new ArrayList<>();
    for (String field : CxmlFields.ITEM_FIELDS) {
      // SupplierPartID is the one ItemID part every ItemIn must have (SPECS §2.3)
      targets.add(new MappingTarget(field, null, field.equals(CxmlFields.SUPPLIER_PART_ID),
          CxmlFields.DEFAULTS.sourceOf(field)));
    }
    return targets;
  }

  /** The first line of {@code cart} as an ItemIn of {@code connection} carries it, by target name. */
  public static MappingPreview preview(Connection connection, Cart cart) {
    List<Violation> violations = new ArrayList<>();
    String version = connection.cxml() == null ? CxmlSettings.DEFAULT_VERSION : connection.cxml().version();
    List<CxmlItems.Item> items = CxmlItems.of(cart, connection, cart.currency(), version, violations);
    Map<String, String> fields = new LinkedHashMap<>();
    if (!items.isEmpty()) {
      CxmlItems.Item first = items.getFirst();
      for (String field : CxmlFields.ITEM_FIELDS) {
        if (first.fields().containsKey(field)) {
          fields.put(field, first.fields().get(field));
        }
      }
      first.extrinsics().forEach((name, value) -> fields.put(CxmlFields.EXTRINSIC_PREFIX + name, value));
    }
    return new MappingPreview(fields, violations);
  }
}
