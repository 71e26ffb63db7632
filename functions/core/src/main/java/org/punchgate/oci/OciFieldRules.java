package org.punchgate.oci;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.FieldSource;
import org.punchgate.validation.Violation;

/**
 * The rules of SPECS §1.3 for the values of one OCI item: lengths and formats per field kind for the
 * connection's version, the presence rules, and a unit price made exact through a larger PRICEUNIT.
 */
final class OciFieldRules {

  /** When PRICEUNIT has to carry extra decimals, PRICE keeps this many: the precision of a currency amount. */
  private static final int SCALED_PRICE_DECIMALS = 2;

  private final OciVersion version;
  private final FieldMapping mapping;
  private final Charset charset;

  OciFieldRules(OciVersion version, FieldMapping mapping, Charset charset) {
    this.version = version;
    this.mapping = mapping;
    this.charset = charset;
  }

  /** A unit price with more decimals than OCI allows, stated exactly per a larger price unit (SPECS §1.3). */
  void scalePrice(Map<OciField, OciItemWriter.Value> values, List<Violation> violations) {
    OciItemWriter.Value price = values.get(OciField.PRICE);
    if (price == null || OciValues.isCanonicalDecimal(price.text())) {
      return; // at most MAX_DECIMALS decimals already: nothing to scale, and no parse for the common price
    }
    BigDecimal amount = OciValues.number(price.text());
    if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() <= OciField.MAX_DECIMALS) {
      return;
    }
    OciItemWriter.Value unit = values.get(OciField.PRICEUNIT);
    BigDecimal per = unit == null ? BigDecimal.ONE : OciValues.number(unit.text());
    if (mapping.sourceOf(OciField.PRICEUNIT.target()).kind() == FieldSource.Kind.NONE || per == null) {
      violations.add(new Violation("oci.item.price.digits", price.location(), OciField.PRICE.target() + " allows at most "
          + OciField.MAX_DECIMALS + " decimals, got " + price.text() + ", and " + OciField.PRICEUNIT.target()
          + " cannot carry the rest" + from(price)));
      values.remove(OciField.PRICE);
      return;
    }
    int shift = amount.stripTrailingZeros().scale() - SCALED_PRICE_DECIMALS;
    String note = "raised so that the unit price " + price.text() + " is exact";
    values.put(OciField.PRICE, new OciItemWriter.Value(amount.stripTrailingZeros().movePointRight(shift).toPlainString(), price.location(), note));
    values.put(OciField.PRICEUNIT, new OciItemWriter.Value(per.movePointRight(shift).toPlainString(),
        unit == null ? price.location() : unit.location(), note));
  }

  /** The text to send for a field, or null after adding a violation. */
  String check(OciField field, OciItemWriter.Value value, List<Violation> violations) {
    int max = field.maxLength(version);
    String problem = null;
    String rule = "oci.item." + field.kind().name().toLowerCase(Locale.ROOT);
    String text = value.text();
    switch (field.kind()) {
      case TEXT -> text = OciText.cut(OciText.closestIn(text, charset), max);
      case CODE -> {
        if (text.length() > max) {
          problem = "allows at most " + max + " characters in OCI " + version.label() + ", got " + text.length();
          rule = "oci.item.code.maxLength";
        } else if (!OciText.canEncode(text, charset)) {
          problem = "has characters the buyer's charset " + charset.name() + " cannot carry";
          rule = "oci.item.charset";
        }
      }
      case DECIMAL -> {
        OciValues.Checked checked = OciValues.decimal(text);
        text = checked.text();
        problem = checked.problem();
      }
      case INTEGER -> {
        OciValues.Checked checked = OciValues.integer(text, max, version);
        text = checked.text();
        problem = checked.problem();
      }
      case FLAG -> problem = OciField.FLAG_SET.equals(text) ? null : "is " + OciField.FLAG_SET + " or empty, got " + text;
    }
    if (problem != null) {
      violations.add(new Violation(rule, value.location(), field.target() + " " + problem + from(value)));
      return null;
    }
    return text;
  }

  // The rules' texts, spelled once: checkRequired runs for every line and almost never reports.
  private static final String DESCRIPTION_RULE = "or " + OciField.MATNR.target() + " is required";
  private static final String UNIT_RULE = "is required when " + OciField.MATNR.target() + " is empty";
  private static final String CURRENCY_RULE = "is required with " + OciField.PRICE.target();
  private static final String SCHEMA_TYPE_RULE = "is required with a category (" + OciField.EXT_CATEGORY_ID.target()
      + ", " + OciField.EXT_CATEGORY.target() + ")";
  private static final String QUOTE_ID_RULE = "is required with " + OciField.EXT_QUOTE_ITEM.target();
  private static final String CONTRACT_RULE = "is required with " + OciField.CONTRACT_ITEM.target();

  /** The presence rules of SPECS §1.3. */
  void checkRequired(int index, Map<OciField, OciItemWriter.Value> values, List<Violation> violations) {
    require(index, values, OciField.QUANTITY, true, "is required", violations);
    require(index, values, OciField.DESCRIPTION, !values.containsKey(OciField.MATNR), DESCRIPTION_RULE, violations);
    require(index, values, OciField.UNIT, !values.containsKey(OciField.MATNR), UNIT_RULE, violations);
    require(index, values, OciField.CURRENCY, values.containsKey(OciField.PRICE), CURRENCY_RULE, violations);
    require(index, values, OciField.EXT_SCHEMA_TYPE,
        values.containsKey(OciField.EXT_CATEGORY_ID) || values.containsKey(OciField.EXT_CATEGORY), SCHEMA_TYPE_RULE,
        violations);
    require(index, values, OciField.EXT_QUOTE_ID, values.containsKey(OciField.EXT_QUOTE_ITEM), QUOTE_ID_RULE,
        violations);
    require(index, values, OciField.CONTRACT, values.containsKey(OciField.CONTRACT_ITEM), CONTRACT_RULE, violations);
  }

  private void require(int index, Map<OciField, OciItemWriter.Value> values, OciField field, boolean when, String rule,
      List<Violation> violations) {
    if (when && !values.containsKey(field)) {
      violations.add(new Violation("oci.item." + field.name().toLowerCase(Locale.ROOT) + ".required", OciItemWriter.location(index, mapping.sourceOf(field.target())), field.target() + " " + rule));
    }
  }

  private static String from(OciItemWriter.Value value) {
    return value.origin() == null ? "" : " (" + value.origin() + ")";
  }
}
