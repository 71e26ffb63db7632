package org.punchgate.order;

/** What made the order, as the ERP message names it in {@code source}. */
public enum OrderSource {
  /** The procurement system's confirmation ping for a transferred punchout cart. */
  PUNCHOUT_PING("punchout-ping"),
  /** A PEPPOL BIS Ordering 3 Order (PunchIn). */
  PEPPOL_ORDER("peppol-order"),
  /** A BIS 28A v1 / SveOrder / EHF 1.0 Order (PunchIn). */
  BIS28A_ORDER("bis28a-order"),
  /** A cXML OrderRequest (PunchIn). */
  CXML_ORDER("cxml-order");

  private final String code;

  OrderSource(String code) {
    this.code = code;
  }

  /** The name in the ERP message. */
  public String code() {
    return code;
  }

  /** The source with this message name, or null. */
  public static OrderSource ofCode(String code) {
    for (OrderSource source : values()) {
      if (source.code.equals(code)) {
        return source;
      }
    }
    return null;
  }
}
