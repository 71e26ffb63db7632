package org.punchgate.order;

import java.time.LocalDate;
import java.util.List;

/**
 * Where and when the buyer wants the goods: a location id (a GLN), a postal address, a requested date.
 * Each part may be null; a punchout cart usually carries none of them.
 */
public record Delivery(PartyId locationId, Address address, LocalDate requestedDate) {

  /** A postal address; {@code lines} are the street lines in order, {@code countryCode} ISO 3166-1 alpha-2. */
  public record Address(String name, List<String> lines, String postalCode, String city, String region,
      String countryCode) {

    public Address {
      lines = lines == null ? List.of() : List.copyOf(lines);
      if (countryCode != null && !(countryCode.length() == 2 && countryCode.chars().allMatch(c -> c >= 'A' && c <= 'Z'))) {
        throw new IllegalArgumentException("country code must be ISO 3166-1 alpha-2, two capitals: " + countryCode);
      }
    }
  }
}
