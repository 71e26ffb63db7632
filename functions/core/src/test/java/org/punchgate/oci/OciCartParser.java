package org.punchgate.oci;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.punchgate.http.FormParameters;

/**
 * Reads the items out of a posted OCI cart form, as a buyer's system does: {@code NEW_ITEM-<FIELD>[n]}
 * fields grouped by {@code n}, long text from {@code NEW_ITEM-LONGTEXT_n:132[]} (several values are lines,
 * joined with a line break), and unknown fields kept, since buyers add their own (SPECS §1.3). Field names
 * are upper-cased; other form fields (the return URL's query, {@code ~OkCode}) are not items and are left out.
 */
public final class OciCartParser {

  private static final String LONGTEXT = "LONGTEXT_";

  private OciCartParser() {}

  /** The items in ascending {@code n}. */
  public static List<OciItem> parse(FormParameters form) {
    Map<Integer, Map<String, String>> items = new TreeMap<>();
    for (FormParameters.Parameter parameter : form.all()) {
      String name = parameter.name();
      if (!name.regionMatches(true, 0, OciField.PREFIX, 0, OciField.PREFIX.length())) {
        continue;
      }
      String rest = name.substring(OciField.PREFIX.length()).toUpperCase(Locale.ROOT);
      int colon = rest.indexOf(':');
      if (rest.startsWith(LONGTEXT) && colon > LONGTEXT.length()) {
        Integer n = number(rest.substring(LONGTEXT.length(), colon));
        if (n != null) {
          items.computeIfAbsent(n, k -> new LinkedHashMap<>())
              .merge(OciField.LONGTEXT.name(), parameter.value(), (a, b) -> a + "\n" + b);
        }
        continue;
      }
      int open = rest.lastIndexOf('[');
      if (open > 0 && rest.endsWith("]")) {
        Integer n = number(rest.substring(open + 1, rest.length() - 1));
        if (n != null) {
          items.computeIfAbsent(n, k -> new LinkedHashMap<>()).putIfAbsent(rest.substring(0, open), parameter.value());
        }
      }
    }
    return items.entrySet().stream().map(e -> new OciItem(e.getKey(), e.getValue())).toList();
  }

  private static Integer number(String digits) {
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return Integer.valueOf(digits);
  }
}
