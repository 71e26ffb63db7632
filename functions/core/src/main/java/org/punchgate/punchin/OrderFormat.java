package org.punchgate.punchin;

/**
 * The order documents PunchIn reads (SPECS §2.4, §4), each with the {@code source} name the ERP message and
 * the stored order carry.
 */
public enum OrderFormat {
  /** PEPPOL BIS Ordering 3 Order (T01), extended CustomizationIDs (EHF, A-NZ) included. */
  PEPPOL_BIS3("peppol-order"),
  /** PEPPOL BIS 28A v1 Order, which SFTI Sveorder BIS 28A 1.0 and Norway's EHF 1.0 Order extend. */
  BIS28A("bis28a-order"),
  /** cXML OrderRequest. */
  CXML("cxml-order");

  private final String source;

  OrderFormat(String source) {
    this.source = source;
  }

  public String source() {
    return source;
  }

  public boolean isUbl() {
    return this != CXML;
  }
}
