package org.punchgate.peppol;

/**
 * A ProviderParty (the seller) or ReceiverParty (the buyer) of a cart (SPECS §3.3): an optional PEPPOL endpoint and
 * party identifier, each with its ISO 6523 scheme, and the registration name, the one required element.
 *
 * @param endpointScheme scheme of {@code cbc:EndpointID} (e.g. {@code 0007} Swedish organisation number); null with no endpoint
 * @param endpointId {@code cbc:EndpointID}; null for none
 * @param idScheme scheme of {@code PartyIdentification/ID}; null for none
 * @param id {@code PartyIdentification/ID}; null for none
 * @param registrationName {@code PartyLegalEntity/RegistrationName}
 */
public record PeppolParty(String endpointScheme, String endpointId, String idScheme, String id, String registrationName) {

  /** A party known only by name. */
  public static PeppolParty named(String registrationName) {
    return new PeppolParty(null, null, null, null, registrationName);
  }
}
