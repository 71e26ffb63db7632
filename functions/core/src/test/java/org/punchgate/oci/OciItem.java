package org.punchgate.oci;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One item of an OCI cart as a buyer's system receives it: its number {@code n} and its fields by bare
 * name ({@code DESCRIPTION}, {@code LONGTEXT}, customer fields such as {@code ZZ_COLOR}), values as posted.
 */
public record OciItem(int index, Map<String, String> fields) {

  public OciItem {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The value of a field, or null when the item has none. */
  public String get(OciField field) {
    return fields.get(field.name());
  }

  /** The value of any field by its bare name (customer fields included), or null. */
  public String get(String name) {
    return fields.get(name);
  }

  /**
   * A numeric field as a number ({@code 00000001730.900} is 1730.900), or null when absent.
   *
   * @throws NumberFormatException when the value is not a plain decimal
   */
  public BigDecimal decimal(OciField field) {
    String value = get(field);
    if (value == null || value.isBlank()) {
      return null;
    }
    BigDecimal number = OciValues.number(value);
    if (number == null) {
      throw new NumberFormatException(field.target() + " is not a number: " + value);
    }
    return number;
  }
}
