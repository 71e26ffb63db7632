package org.punchgate.cxml;

/** Comparing cXML versions ({@code 1.2.014} &lt; {@code 1.2.050}), to write only what a version's DTD knows. */
final class CxmlVersions {

  /**
   * The first version whose DTD we have verified to carry BuyerPartID, PriceBasisQuantity and the ItemIn
   * attributes parentLineNumber, itemType and itemClassification (absent in 1.2.014, present in 1.2.050).
   */
  static final String ITEM_HIERARCHY = "1.2.050";

  private CxmlVersions() {}

  static boolean atLeast(String version, String minimum) {
    return compare(version, minimum) >= 0;
  }

  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? parse(x[i]) : 0;
      int q = i < y.length ? parse(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int parse(String part) {
    try {
      return Integer.parseInt(part.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
