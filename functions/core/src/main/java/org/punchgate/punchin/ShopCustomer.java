package org.punchgate.punchin;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A shop customer as PunchIn needs it (mappings table, {@code CUSTOMER#<id>}): the customer number, name and
 * price group, the currencies it may order in (empty: any), and the buyer party identifiers that map to it,
 * each for one connection.
 */
public record ShopCustomer(String id, String name, String group, List<String> currencies, List<BuyerParty> parties) {

  public ShopCustomer {
    Objects.requireNonNull(id, "customer id");
    currencies = currencies == null ? List.of() : List.copyOf(currencies);
    parties = parties == null ? List.of() : List.copyOf(parties);
  }

  public boolean allows(String currency) {
    return currencies.isEmpty() || currencies.contains(currency);
  }

  /**
   * A buyer identifier as a document carries it, on one connection: a UBL EndpointID or PartyIdentification
   * with its scheme, or a cXML From credential (scheme = the credential's domain, compared in lower case as
   * cXML domains are case-insensitive).
   */
  public record BuyerParty(String connectionId, Kind kind, String scheme, String value) {

    public enum Kind {
      /** UBL BuyerCustomerParty/Party/EndpointID with its schemeID (EAS). */
      ENDPOINT,
      /** UBL BuyerCustomerParty/Party/PartyIdentification/ID with its schemeID (ICD or textual). */
      PARTY_ID,
      /** cXML Header/From/Credential: domain and identity. */
      CXML_FROM
    }

    public BuyerParty {
      Objects.requireNonNull(connectionId, "connectionId");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
      scheme = scheme == null ? "" : kind == Kind.CXML_FROM ? scheme.toLowerCase(Locale.ROOT) : scheme;
    }

    /** The lookup key: {@code BUYER#<connection>#<kind>#<scheme>#<value>}. */
    public String key() {
      return "BUYER#" + connectionId + "#" + kind + "#" + scheme + "#" + value;
    }
  }
}
