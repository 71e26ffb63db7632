package org.punchgate.connection;

import java.util.LinkedHashMap;
import java.util.Map;
import org.punchgate.cart.CartLine;

/**
 * A connection's field mapping: for each target field, where its value comes from. Targets the connection
 * does not name fall back to the protocol's default mapping (per OCI version, for cXML).
 */
public record FieldMapping(Map<String, FieldSource> sources) {

  public static final FieldMapping EMPTY = new FieldMapping(Map.of());

  public FieldMapping {
    sources = Map.copyOf(sources);
  }

  /** This mapping with the given defaults underneath: the connection's own entries win. */
  public FieldMapping over(FieldMapping defaults) {
    Map<String, FieldSource> merged = new LinkedHashMap<>(defaults.sources);
    merged.putAll(sources);
    return new FieldMapping(merged);
  }

  public FieldSource sourceOf(String target) {
    return sources.getOrDefault(target, FieldSource.NONE);
  }

  /** The value of a target field for a line, or null when mapped to nothing or the line has no value. */
  public String resolve(String target, CartLine line) {
    FieldSource source = sourceOf(target);
    return switch (source.kind()) {
      case CART -> CartFields.read(line, source.value());
      case CONSTANT -> source.value();
      case NONE -> null;
    };
  }
}
