package org.punchgate.peppol;

import java.util.Objects;

/**
 * How a connection wants its carts written: the identifier set, the encoding, and the defaults for lines that do
 * not say (SPECS §3.3: ClassifiedTaxCategory is required on every line; UNSPSC is optional).
 *
 * @param version BIS 3 or the legacy BIS 18A v1 identifiers
 * @param encoding UTF-8 or ISO-8859-1
 * @param defaultTax the VAT of a line without one; null when every line must bring its own
 * @param defaultUnspsc the UNSPSC code of a line without one; null for none
 */
public record PeppolCartFormat(PunchOutVersion version, PeppolEncoding encoding, PeppolTax defaultTax,
    String defaultUnspsc) {

  public PeppolCartFormat {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(encoding, "encoding");
  }

  /** BIS 3 in UTF-8 with no defaults. */
  public static PeppolCartFormat bis3() {
    return new PeppolCartFormat(PunchOutVersion.BIS3, PeppolEncoding.UTF_8, null, null);
  }

  public PeppolCartFormat withVersion(PunchOutVersion newVersion) {
    return new PeppolCartFormat(newVersion, encoding, defaultTax, defaultUnspsc);
  }

  public PeppolCartFormat withEncoding(PeppolEncoding newEncoding) {
    return new PeppolCartFormat(version, newEncoding, defaultTax, defaultUnspsc);
  }

  public PeppolCartFormat withDefaultTax(PeppolTax tax) {
    return new PeppolCartFormat(version, encoding, tax, defaultUnspsc);
  }

  public PeppolCartFormat withDefaultUnspsc(String unspsc) {
    return new PeppolCartFormat(version, encoding, defaultTax, unspsc);
  }
}
