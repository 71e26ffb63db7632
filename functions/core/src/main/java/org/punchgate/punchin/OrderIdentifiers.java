package org.punchgate.punchin;

import java.util.Set;

/**
 * Identifiers and code lists of the order documents, in one place with the section they come from.
 * CustomizationIDs are matched by prefix, as PEPPOL's own rules do (T01-R034, T76-R006), so extended ids
 * (EHF, A-NZ) are accepted; ProfileIDs are matched exactly (T01-R031).
 */
public final class OrderIdentifiers {

  private OrderIdentifiers() {}

  // SPECS §4.1: PEPPOL BIS Ordering 3
  public static final String BIS3_ORDER_CUSTOMIZATION = "urn:fdc:peppol.eu:poacc:trns:order:3";
  public static final String BIS3_ORDER_RESPONSE_CUSTOMIZATION = "urn:fdc:peppol.eu:poacc:trns:order_response:3";
  public static final String BIS3_PROFILE_ORDER_ONLY = "urn:fdc:peppol.eu:poacc:bis:order_only:3";
  public static final String BIS3_PROFILE_ORDERING = "urn:fdc:peppol.eu:poacc:bis:ordering:3";
  public static final String BIS3_PROFILE_ADVANCED_ORDERING = "urn:fdc:peppol.eu:poacc:bis:advanced_ordering:3";
  public static final Set<String> BIS3_ORDER_PROFILES =
      Set.of(BIS3_PROFILE_ORDER_ONLY, BIS3_PROFILE_ORDERING, BIS3_PROFILE_ADVANCED_ORDERING);

  // SPECS §4.4: BIS 28A v1 (Sveorder BIS 28A 1.0 applies it as is; EHF 1.0 appends ":extended:urn:www.difi.no:...")
  public static final String BIS28A_ORDER_CUSTOMIZATION =
      "urn:www.cenbii.eu:transaction:biitrns001:ver2.0:extended:urn:www.peppol.eu:bis:peppol28a:ver1.0";
  public static final String BIS28A_ORDER_RESPONSE_CUSTOMIZATION =
      "urn:www.cenbii.eu:transaction:biitrns076:ver2.0:extended:urn:www.peppol.eu:bis:peppol28a:ver1.0";
  public static final String BIS28A_PROFILE = "urn:www.cenbii.eu:profile:bii28:ver2.0";
  public static final String UBL_VERSION = "2.1";

  // UBL 2.1 namespaces
  public static final String NS_ORDER_RESPONSE = "urn:oasis:names:specification:ubl:schema:xsd:OrderResponse-2";
  public static final String NS_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
  public static final String NS_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

  /** SPECS §4.2: the order type when none is given (UNCL1001 220, "Order"). */
  public static final String DEFAULT_ORDER_TYPE = "220";

  /** SPECS §4.3: BIS 3 OrderResponseCode, a subset of UNCL4343. */
  public static final String RESPONSE_RECEIVED = "AB";
  public static final String RESPONSE_ACCEPTED = "AP";
  public static final String RESPONSE_REJECTED = "RE";
  public static final String RESPONSE_ACCEPTED_WITH_CHANGES = "CA";

  /** SPECS §4.3: BIS 3 LineStatusCode, a subset of UNCL1229. */
  public static final String LINE_ACCEPTED = "5";
  public static final String LINE_NOT_ACCEPTED = "7";
  public static final String LINE_CHANGED = "3";

  /** SPECS §4.4: BIS 28A v1 response codes on header and lines, UNCL1225. */
  public static final String UNCL1225 = "UNCL1225";
  public static final String UNCL1225_ACCEPTED = "29";
  public static final String UNCL1225_NOT_ACCEPTED = "27";
  public static final String UNCL1225_ACCEPTED_WITH_AMENDMENT = "30";
}
