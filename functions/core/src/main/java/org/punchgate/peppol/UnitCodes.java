package org.punchgate.peppol;

import java.util.regex.Pattern;

/**
 * UN/ECE Recommendation 20 unit codes for {@code BatchQuantity}, {@code BaseQuantity} and {@code LeadTimeMeasure}
 * (SPECS §3.3). The codes are kept as strings because the list has some two thousand entries; the common ones
 * are named here, and {@link #isWellFormed} checks the shape every Rec 20 (and Rec 21, {@code X}-prefixed) code has.
 */
public final class UnitCodes {

  private UnitCodes() {}

  /** One (unit); the default unit of a line whose shop gives none. */
  public static final String ONE = "C62";
  public static final String EACH = "EA";
  public static final String PIECE = "H87";
  public static final String KILOGRAM = "KGM";
  public static final String LITRE = "LTR";
  public static final String METRE = "MTR";
  public static final String HOUR = "HUR";
  public static final String DAY = PeppolIds.UNIT_DAY;
  /** Rec 21 package codes, used by the BIS for packs and boxes. */
  public static final String PACK = "XPK";
  public static final String BOX = "XBX";

  private static final Pattern SHAPE = Pattern.compile("[A-Z0-9]{2,3}");

  /** Two or three upper-case letters or digits: what Rec 20 and Rec 21 codes look like. */
  public static boolean isWellFormed(String code) {
    return code != null && SHAPE.matcher(code).matches();
  }
}
