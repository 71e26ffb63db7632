package org.punchgate.cxml;

import java.util.List;

/**
 * A cXML {@code Address} as it matters to a shop: a ShipTo of a setup request or an order. The
 * {@code addressIDDomain} says whose id {@code addressID} is (DUNS, ILN, buyerLocationID).
 */
public record CxmlAddress(
    String addressId,
    String addressIdDomain,
    String name,
    List<String> deliverTo,
    List<String> street,
    String city,
    String state,
    String postalCode,
    String countryCode,
    String country) {

  public CxmlAddress {
    deliverTo = List.copyOf(deliverTo);
    street = List.copyOf(street);
  }
}
