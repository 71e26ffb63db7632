package org.punchgate.order;

import java.util.List;

/**
 * The shop's (and ERP's) customer an order is for: {@code id} is the customer number the connection maps
 * to; {@code partyIds} are the buyer's own identifiers as the order document gave them (empty for a ping).
 */
public record Customer(String id, String name, List<PartyId> partyIds) {

  public Customer {
    Checks.nonEmpty(id, "customer id");
    partyIds = partyIds == null ? List.of() : List.copyOf(partyIds);
  }
}
