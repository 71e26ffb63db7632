package org.punchgate.connection;

import java.util.Objects;

/**
 * Where a target field (an OCI {@code NEW_ITEM-} field, a cXML element) takes its value from: a field of
 * the cart line ({@code cart:sku}, {@code cart:attributes.color}), a constant ({@code const:4711}), or
 * nothing ({@code none}). Written in that short text form in connection documents.
 */
public record FieldSource(Kind kind, String value) {

  public enum Kind { CART, CONSTANT, NONE }

  public static final FieldSource NONE = new FieldSource(Kind.NONE, "");

  public FieldSource {
    Objects.requireNonNull(kind);
    value = value == null ? "" : value;
  }

  public static FieldSource cart(String field) {
    if (!CartFields.isKnown(field)) {
      throw new IllegalArgumentException("unknown cart field: " + field);
    }
    return new FieldSource(Kind.CART, field);
  }

  public static FieldSource constant(String value) {
    return new FieldSource(Kind.CONSTANT, value);
  }

  /** Parses {@code cart:<field>}, {@code const:<text>} or {@code none}. */
  public static FieldSource parse(String text) {
    if (text == null || text.equals("none") || text.isEmpty()) {
      return NONE;
    }
    if (text.startsWith("cart:")) {
      return cart(text.substring(5));
    }
    if (text.startsWith("const:")) {
      return constant(text.substring(6));
    }
    throw new IllegalArgumentException("a field source is cart:<field>, const:<text> or none, not: " + text);
  }

  @Override
  public String toString() {
    return switch (kind) {
      case CART -> "cart:" + value;
      case CONSTANT -> "const:" + value;
      case NONE -> "none";
    };
  }
}
