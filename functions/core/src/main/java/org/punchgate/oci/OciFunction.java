package org.punchgate.oci;

import java.util.Locale;
import java.util.Optional;
import org.punchgate.connection.ConnectionFormat;

/**
 * The optional catalog functions of SPECS §1.2, the OCI version that introduced each, and the call-up
 * parameter each one needs.
 */
enum OciFunction {
  DETAIL(OciVersion.V3_0, OciCallUp.PRODUCTID),
  VALIDATE(OciVersion.V3_0, OciCallUp.PRODUCTID),
  SOURCING(OciVersion.V3_0, null),
  BACKGROUND_SEARCH(OciVersion.V4_0, OciCallUp.SEARCHSTRING),
  /** OCI 5.0, spelled without underscore; the product comes as EXT_PRODUCT_ID. */
  QUANTITYCHECK(OciVersion.V5_0, OciCallUp.EXT_PRODUCT_ID);

  private final OciVersion since;
  private final String requiredParameter;

  OciFunction(OciVersion since, String requiredParameter) {
    this.since = since;
    this.requiredParameter = requiredParameter;
  }

  public static Optional<OciFunction> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.strip().toUpperCase(Locale.ROOT);
    for (OciFunction f : values()) {
      if (f.name().equals(v) || ("QUANTITY_CHECK".equals(v) && f == QUANTITYCHECK)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  public boolean availableIn(ConnectionFormat format) {
    // by OCI version, not by the order of ConnectionFormat's constants, which list other protocols too
    return format.isOci() && OciVersion.of(format).isAtLeast(since);
  }

  /** The call-up parameter this function cannot do without, or null. */
  public String requiredParameter() {
    return requiredParameter;
  }
}
