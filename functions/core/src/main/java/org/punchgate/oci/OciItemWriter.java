package org.punchgate.oci;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.CartFields;
import org.punchgate.connection.Connection;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.FieldSource;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.validation.Violation;

/**
 * Writes one OCI item: resolves every field through the mapping, applies the length and format rules of
 * SPECS §1.3 for the connection's version, and reports what cannot be sent as violations naming the cart
 * field (or the constant) and the OCI field with its limit. Free text is brought into the page charset and
 * cut; a description longer than its field is cut and given in full at the start of the long text;
 * identifiers, codes and numbers are never altered to fit, except that a unit price with more than 3
 * decimals is expressed exactly through a larger PRICEUNIT.
 */
final class OciItemWriter {

  /**
   * A value on its way into a field, with where it came from for the messages. The place is built only when a
   * message needs it: building it for every field of every line cost more than the rest of the mapping.
   */
  record Value(String text, Supplier<String> where, String origin) {
    Value(String text, String location, String origin) {
      this(text, () -> location, origin);
    }

    String location() {
      return where.get();
    }
  }

  private final OciVersion version;
  private final FieldMapping mapping;
  private final Connection connection;
  private final String cartCurrency;
  private final Charset charset;
  private final String quantityIfMissing;
  private final Map<String, FieldSource> customerFields;
  private final OciFieldRules rules;
  private final OciLongText longText;
  /** The mapped fields of this version with their sources: worked out once per cart, not per line. */
  private final List<Planned> plan;
  private final boolean longTextMapped;
  /** The cart id for EXT_QUOTE_ID where the mapping leaves that field free; null: none. */
  private final String cartIdForQuote;

  /** One OCI field the mapping can fill, with its source as looked up once. */
  private record Planned(OciField field, FieldSource source, String origin) {}

  OciItemWriter(OciVersion version, FieldMapping mapping, Connection connection, String cartCurrency,
      Charset charset, String quantityIfMissing) {
    this(version, mapping, connection, cartCurrency, charset, quantityIfMissing, null);
  }

  /**
   * {@code cartId} (may be null) goes into NEW_ITEM-EXT_QUOTE_ID of every line that has no quotation of its
   * own, where the mapping takes that field from the cart's {@code quoteId} (the default): SAP carries the
   * quotation reference into the purchase order, so the procurement system can name the cart in its order
   * ping (README "Cart id").
   */
  OciItemWriter(OciVersion version, FieldMapping mapping, Connection connection, String cartCurrency,
      Charset charset, String quantityIfMissing, String cartId) {
    this.version = version;
    this.mapping = mapping;
    this.connection = connection;
    this.cartCurrency = cartCurrency;
    this.charset = charset;
    this.quantityIfMissing = quantityIfMissing;
    this.customerFields = customerFields(mapping);
    this.plan = plan(version, mapping);
    this.longTextMapped = mapping.sourceOf(OciField.LONGTEXT.target()).kind() != FieldSource.Kind.NONE;
    this.rules = new OciFieldRules(version, mapping, charset);
    this.longText = new OciLongText(version, connection, charset, longTextMapped);
    FieldSource quote = mapping.sourceOf(OciField.EXT_QUOTE_ID.target());
    boolean quoteFree = OciField.EXT_QUOTE_ID.isIn(version) && quote.kind() == FieldSource.Kind.CART
        && CART_QUOTE_ID.equals(quote.value());
    this.cartIdForQuote = quoteFree && cartId != null && cartId.length() <= OciField.EXT_QUOTE_ID.maxLength(version)
        ? cartId : null;
  }

  /** The cart field the default mapping fills EXT_QUOTE_ID from. */
  private static final String CART_QUOTE_ID = "quoteId";

  private static List<Planned> plan(OciVersion version, FieldMapping mapping) {
    List<Planned> plan = new ArrayList<>();
    for (OciField field : OciField.values()) {
      if (!field.isIn(version) || field == OciField.ITEM_TYPE || field == OciField.PARENT_ID) {
        continue; // the hierarchy fields come from the cart's structure, not from the mapping
      }
      FieldSource source = mapping.sourceOf(field.target());
      if (source.kind() != FieldSource.Kind.NONE) {
        plan.add(new Planned(field, source, origin(source)));
      }
    }
    return List.copyOf(plan);
  }

  /** The mapping's NEW_ITEM- targets that are not OCI fields, by name: the same for every item. */
  private static Map<String, FieldSource> customerFields(FieldMapping mapping) {
    Map<String, FieldSource> custom = new TreeMap<>();
    mapping.sources().forEach((target, source) -> {
      if (target.startsWith(OciField.PREFIX) && target.length() > OciField.PREFIX.length()
          && OciField.byName(target).isEmpty()) {
        custom.put(target, source);
      }
    });
    return custom;
  }

  /** Appends the fields of one item to {@code out}, or adds violations. */
  void write(OciHierarchy.Item item, List<ReturnForm.Field> out, List<Violation> violations) {
    int index = item.cartIndex();
    Map<OciField, Value> values = resolve(index, withDefaultClassification(item.line()));
    addFallbacks(values);
    addHierarchy(index, item, values);
    longText.moveOverflowToLongText(index, values, item.components());
    int before = violations.size();
    rules.scalePrice(values, violations);
    List<ReturnForm.Field> fields = new ArrayList<>();
    values.forEach((field, value) -> {
      String text = rules.check(field, value, violations);
      if (text != null) {
        fields.add(new ReturnForm.Field(field.formName(item.n()), text));
      }
    });
    rules.checkRequired(index, values, violations);
    addCustomerFields(index, item, fields, violations);
    if (violations.size() == before) {
      out.addAll(fields);
    }
  }

  private Map<OciField, Value> resolve(int index, CartLine line) {
    Map<OciField, Value> values = new EnumMap<>(OciField.class);
    for (Planned planned : plan) {
      FieldSource source = planned.source();
      boolean fromCart = source.kind() == FieldSource.Kind.CART;
      String text = fromCart ? CartFields.read(line, source.value()) : source.value();
      if (planned.field() == OciField.UNIT && fromCart) {
        text = connection.buyerUnit(text);
      }
      if (text != null && !text.isEmpty()) {
        values.put(planned.field(), new Value(text, () -> location(index, source), planned.origin()));
      }
    }
    return values;
  }

  private void addFallbacks(Map<OciField, Value> values) {
    boolean currencyFromCart = mapping.sourceOf(OciField.CURRENCY.target()).kind() == FieldSource.Kind.CART;
    if (values.containsKey(OciField.PRICE) && !values.containsKey(OciField.CURRENCY) && currencyFromCart
        && cartCurrency != null && !cartCurrency.isEmpty()) {
      values.put(OciField.CURRENCY, new Value(cartCurrency, "currency", "the cart currency"));
    }
    // a line with a quotation item of its own names its own quotation: it is left as the shop sent it
    if (cartIdForQuote != null && !values.containsKey(OciField.EXT_QUOTE_ID)
        && !values.containsKey(OciField.EXT_QUOTE_ITEM)) {
      values.put(OciField.EXT_QUOTE_ID, new Value(cartIdForQuote, "cartId", "the cart id"));
    }
    if (!values.containsKey(OciField.QUANTITY) && quantityIfMissing != null && !quantityIfMissing.isBlank()) {
      values.put(OciField.QUANTITY, new Value(quantityIfMissing.strip(), OciCallUp.QUANTITY, "the call-up"));
    }
  }

  private void addHierarchy(int index, OciHierarchy.Item item, Map<OciField, Value> values) {
    if (item.itemType() != null) {
      values.put(OciField.ITEM_TYPE, new Value(item.itemType(), () -> lineLocation(index), "the cart hierarchy"));
    }
    if (item.parentN() != null) {
      values.put(OciField.PARENT_ID, new Value(item.parentN().toString(), () -> lineLocation(index) + ".parentLineId",
          "the cart hierarchy"));
    }
  }

  /** Fields of the buyer's customer include (SPECS §1.3): any other NEW_ITEM- target of the mapping, by name. */
  private void addCustomerFields(int index, OciHierarchy.Item item, List<ReturnForm.Field> fields,
      List<Violation> violations) {
    customerFields.forEach((target, source) -> {
      String text = mapping.resolve(target, item.line());
      if (text == null || text.isEmpty()) {
        return;
      }
      if (OciText.canEncode(text, charset)) {
        fields.add(new ReturnForm.Field(target + "[" + item.n() + "]", text));
      } else {
        String origin = origin(source) == null ? "" : " (" + origin(source) + ")";
        violations.add(new Violation("oci.item.charset", location(index, source), target + " has characters the buyer's charset "
            + charset.name() + " cannot carry" + origin));
      }
    });
  }

  private CartLine withDefaultClassification(CartLine l) {
    if (l.classification() != null || connection.defaultClassification() == null) {
      return l;
    }
    return l.copy(b -> b.classification(connection.defaultClassification()));
  }

  static String location(int index, FieldSource source) {
    return source.kind() == FieldSource.Kind.CART ? lineLocation(index) + "." + source.value() : lineLocation(index);
  }

  static String lineLocation(int index) {
    return "lines[" + index + "]";
  }

  static String origin(FieldSource source) {
    return switch (source.kind()) {
      case CART -> null;
      case CONSTANT -> "a constant of the connection's field mapping";
      case NONE -> null;
    };
  }
}
