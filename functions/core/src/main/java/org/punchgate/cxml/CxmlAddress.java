package org.punchgate.cxml;

import java.util.List;

/** A cXML {@code Address} as it matters to a shop: a ShipTo of a setup request or an order. */
public record CxmlAddress(
    String addressId,
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
