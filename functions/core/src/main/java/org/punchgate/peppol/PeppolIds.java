package org.punchgate.peppol;

/**
 * Identifiers and fixed codes of PEPPOL BIS Punch Out 3 (transaction T77) in one place, each with the section of
 * SPECS §3 it comes from. The version-specific CustomizationID and ProfileID are in {@link PunchOutVersion}.
 */
public final class PeppolIds {

  private PeppolIds() {}

  /** The UBL 2.1 Catalogue document and its two component namespaces (§3.1 syntax). */
  public static final String NS_CATALOGUE = "urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2";
  public static final String NS_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
  public static final String NS_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

  /** PEPPOL document type and process identifiers of BIS Punch Out 3 (§3.1, from peppol-commons). */
  public static final String DOCUMENT_TYPE_ID = "busdox-docid-qns::urn:oasis:names:specification:ubl:schema:xsd:"
      + "Catalogue-2::Catalogue##urn:fdc:peppol.eu:poacc:trns:punch_out:3::2.1";
  public static final String PROCESS_ID = "cenbii-procid-ubl::urn:fdc:peppol.eu:poacc:bis:punch_out:3";

  /** {@code cbc:ActionCode} of the header: the complete-cart indicator, {@code true} or {@code false} (§3.3). */
  public static final String COMPLETE_CART = "true";
  public static final String PARTIAL_CART = "false";

  /** {@code ItemClassificationCode/@listID} of UNSPSC (UNCL7143 code {@code MP}, §3.3). */
  public static final String LIST_ID_UNSPSC = "MP";
  /** {@code StandardItemIdentification/ID/@schemeID} of a GTIN (ISO 6523 ICD {@code 0160}, §3.3). */
  public static final String SCHEME_GTIN = "0160";
  /** {@code ClassifiedTaxCategory/TaxScheme/ID}: the only tax scheme the BIS uses (§3.3). */
  public static final String TAX_SCHEME_VAT = "VAT";
  /** {@code LeadTimeMeasure/@unitCode}: lead times are given in days only (§3.3). */
  public static final String UNIT_DAY = "DAY";
  /** {@code ItemSpecificationDocumentReference/DocumentTypeCode} of the main image; at most one per item (R005, §3.3). */
  public static final String DOCUMENT_TYPE_PRODUCT_IMAGE = "PRODUCT_IMAGE";

  /** Reserved {@code AdditionalItemProperty/Name}: the item is a service; value {@code true} or {@code false} (R007). */
  public static final String PROPERTY_SERVICE_INDICATOR = "ServiceIndicator";
  /** Reserved {@code AdditionalItemProperty/Name}: a component of a configured product, not orderable alone (§3.3). */
  public static final String PROPERTY_PART_OF = "PartOf";
}
