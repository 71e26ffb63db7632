package org.punchgate.peppol;

import java.util.Optional;

/**
 * Duty or tax or fee category codes (UNCL5305, the subset the PEPPOL BIS code list allows) for
 * {@code ClassifiedTaxCategory/ID} (SPECS §3.3; rules R008 and R009 of §3.4).
 */
public enum VatCategory {
  /** Standard rate: the rate must be above zero (R009). */
  S,
  /** Zero rated goods. */
  Z,
  /** Exempt from tax. */
  E,
  /** VAT reverse charge. */
  AE,
  /** VAT exempt for EEA intra-community supply of goods and services. */
  K,
  /** Free export item, tax not charged. */
  G,
  /** Services outside scope of tax: the only category that carries no rate (R008). */
  O,
  /** Canary Islands general indirect tax. */
  L,
  /** Tax for production, services and importation in Ceuta and Melilla. */
  M;

  /** R008: every category but "not subject to tax" carries a rate. */
  public boolean requiresRate() {
    return this != O;
  }

  /** R009: a standard-rated item has a rate above zero. */
  public boolean requiresPositiveRate() {
    return this == S;
  }

  /** The category of a code, if it is one of the list. */
  public static Optional<VatCategory> of(String code) {
    for (VatCategory category : values()) {
      if (category.name().equals(code)) {
        return Optional.of(category);
      }
    }
    return Optional.empty();
  }
}
