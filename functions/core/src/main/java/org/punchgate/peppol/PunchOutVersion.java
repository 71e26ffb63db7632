package org.punchgate.peppol;

/**
 * The two sets of document identifiers a PEPPOL punch-out cart can carry (SPECS §3.1). The document is the same
 * UBL 2.1 Catalogue; only the header identifiers differ, and the legacy set also requires {@code UBLVersionID}.
 */
public enum PunchOutVersion {
  /** PEPPOL BIS Punch Out 3 (transaction T77); the current guide is titled 3.1 but the identifiers stay {@code :3}. */
  BIS3("urn:fdc:peppol.eu:poacc:trns:punch_out:3", "urn:fdc:peppol.eu:poacc:bis:punch_out:3", false),
  /**
   * PEPPOL BIS 18A v1, still expected by some older procurement systems. Note the missing {@code urn:} before
   * {@code www.peppol.eu}: that is how the specification spells it.
   */
  BIS18A_V1("urn:www.cenbii.eu:transaction:biitrns077:ver2.0:extended:www.peppol.eu:bis:peppol18a:ver1.0",
      "urn:www.cenbii.eu:profile:bii18:ver1.0", true);

  /** {@code cbc:UBLVersionID}, required by BIS 18A v1 (§3.1). */
  public static final String UBL_VERSION = "2.1";

  private final String customizationId;
  private final String profileId;
  private final boolean writesUblVersion;

  PunchOutVersion(String customizationId, String profileId, boolean writesUblVersion) {
    this.customizationId = customizationId;
    this.profileId = profileId;
    this.writesUblVersion = writesUblVersion;
  }

  public String customizationId() {
    return customizationId;
  }

  public String profileId() {
    return profileId;
  }

  /** Whether the header carries {@code cbc:UBLVersionID} (BIS 18A v1 only). */
  public boolean writesUblVersion() {
    return writesUblVersion;
  }
}
