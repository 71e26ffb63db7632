package org.punchgate.connection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.validation.Violation;

/**
 * One cart line as a connection's format carries it, by target field ({@code NEW_ITEM-DESCRIPTION},
 * {@code SupplierPartID}), in the format's order; or what stops the format from carrying it.
 */
public record MappingPreview(Map<String, String> fields, List<Violation> violations) {

  public MappingPreview {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    violations = List.copyOf(violations);
  }
}
