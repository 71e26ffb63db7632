package org.punchgate.peppol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.Connection;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.FieldSource;
import org.punchgate.connection.MappingPreview;
import org.punchgate.connection.MappingTarget;
import org.punchgate.validation.Violation;

/**
 * The parts of a PEPPOL catalogue line (SPECS §3.3) that a connection's field mapping can fill, named by their
 * UBL element, with what fills them by default. Quantity, unit, price, tax, classification and the kit relation
 * always come from the cart line itself, as the BIS rules need them.
 */
public final class PeppolFields {

  public static final String NAME = "Item/Name";
  public static final String DESCRIPTION = "Item/Description";
  public static final String SELLERS_ID = "Item/SellersItemIdentification";
  public static final String BUYERS_ID = "Item/BuyersItemIdentification";
  public static final String MANUFACTURERS_ID = "Item/ManufacturersItemIdentification";
  public static final String STANDARD_ID = "Item/StandardItemIdentification";

  /** The targets in the order a catalogue line carries them. */
  public static final List<String> LINE_FIELDS = List.of(NAME, DESCRIPTION, SELLERS_ID, BUYERS_ID, MANUFACTURERS_ID,
      STANDARD_ID);

  /** What each target holds unless the connection says otherwise: the renderer's long-standing choices. */
  public static final FieldMapping DEFAULTS = new FieldMapping(Map.of(
      NAME, FieldSource.cart("description"),
      DESCRIPTION, FieldSource.cart("longText"),
      SELLERS_ID, FieldSource.cart("sku"),
      BUYERS_ID, FieldSource.cart("buyerSku"),
      MANUFACTURERS_ID, FieldSource.cart("manufacturerSku"),
      STANDARD_ID, FieldSource.cart("attributes." + PeppolCartRenderer.ATTRIBUTE_GTIN)));

  private PeppolFields() {}

  public static List<MappingTarget> all() {
    List<MappingTarget> targets = new ArrayList<>();
    for (String field : LINE_FIELDS) {
      // every Item needs a Name (BIS 3 catalogue, cbc:Name 1..1)
      targets.add(new MappingTarget(field, null, field.equals(NAME), DEFAULTS.sourceOf(field)));
    }
    return targets;
  }

  /** The mapping a connection's carts are written with: its own entries over the defaults. */
  static FieldMapping mappingOf(Connection connection) {
    return connection.fieldMapping().over(DEFAULTS);
  }

  /** The first line of {@code cart} as a catalogue line of {@code connection} carries it, by target name. */
  public static MappingPreview preview(Connection connection, Cart cart) {
    List<Violation> violations = new ArrayList<>();
    Map<String, String> fields = new LinkedHashMap<>();
    if (!cart.lines().isEmpty()) {
      CartLine line = cart.lines().getFirst();
      PeppolLine written = PeppolCartRenderer.line(connection, cart, line, "1", new HashMap<>(), violations);
      put(fields, NAME, written.name());
      put(fields, DESCRIPTION, written.description());
      put(fields, SELLERS_ID, written.sellersId());
      put(fields, BUYERS_ID, written.buyersId());
      put(fields, MANUFACTURERS_ID, written.manufacturersId());
      put(fields, STANDARD_ID, written.gtin());
    }
    return new MappingPreview(fields, violations);
  }

  private static void put(Map<String, String> fields, String target, String value) {
    if (value != null) {
      fields.put(target, value);
    }
  }
}
