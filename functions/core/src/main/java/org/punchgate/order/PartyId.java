package org.punchgate.order;

/**
 * An identifier of a party or a place in a scheme: a PEPPOL ICD ({@code 0088} GLN, {@code 0007} Swedish
 * organisation number), a BIS 28A textual scheme ({@code SE:ORGNR}), or a cXML credential domain
 * ({@code NetworkID}). {@code scheme} may be null when the document gives none.
 */
public record PartyId(String scheme, String id) {

  public PartyId {
    Checks.nonEmpty(id, "party id");
  }
}
