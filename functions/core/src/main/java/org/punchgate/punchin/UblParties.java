package org.punchgate.punchin;

import static org.punchgate.punchin.UblLeaf.childText;
import static org.punchgate.punchin.UblLeaf.identifier;
import static org.punchgate.punchin.UblLeaf.leaf;
import static org.punchgate.punchin.UblLeaf.skipKeep;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.punchgate.punchin.PunchInOrder.Address;
import org.punchgate.punchin.PunchInOrder.Delivery;
import org.punchgate.punchin.PunchInOrder.Identifier;
import org.punchgate.punchin.PunchInOrder.Party;

/** Reads the parties of a UBL order as they stream by: buyer, seller and the delivery with its address. */
final class UblParties {

  private final UblFindings checks;

  UblParties(UblFindings checks) {
    this.checks = checks;
  }

  Party partyOf(UblCursor c, String role) throws XMLStreamException {
    String at = "/Order/cac:" + role + "/cac:Party";
    int roleLine = c.line();
    Party party = null;
    boolean seen = false;
    while (c.nextChild()) {
      if (!seen && c.local().equals("Party")) {
        seen = true;
        party = party(c, at);
      } else {
        c.skip();
      }
    }
    if (!seen) {
      checks.finding(OrderRules.MANDATORY, null, at, roleLine, "is missing");
    }
    return party;
  }

  Party party(UblCursor c, String at) throws XMLStreamException {
    int partyLine = c.line();
    UblLeaf endpoint = null;
    List<Identifier> ids = new ArrayList<>(1);
    String partyName = null;
    String legalName = null;
    String country = null;
    while (c.nextChild()) {
      switch (c.local()) {
        case "EndpointID" -> endpoint = endpoint == null ? leaf(c, "schemeID") : skipKeep(c, endpoint);
        case "PartyIdentification" -> {
          while (c.nextChild()) {
            if (c.local().equals("ID")) {
              Identifier i = identifier(leaf(c, "schemeID"));
              if (i != null) {
                ids.add(i);
              }
            } else {
              c.skip();
            }
          }
        }
        case "PartyName" -> partyName = partyName == null ? childText(c, "Name") : skipKeep(c, partyName);
        case "PartyLegalEntity" ->
            legalName = legalName == null ? childText(c, "RegistrationName") : skipKeep(c, legalName);
        case "PostalAddress" -> {
          String code = null;
          while (c.nextChild()) {
            if (code == null && c.local().equals("Country")) {
              code = childText(c, "IdentificationCode");
            } else {
              c.skip();
            }
          }
          country = country == null ? code : country;
        }
        default -> c.skip();
      }
    }
    Identifier endpointId = identifier(endpoint);
    if (checks.bis3()) {
      if (endpointId == null) {
        checks.finding(OrderRules.MANDATORY, null, at + "/cbc:EndpointID", partyLine, "is missing");
      } else if (endpointId.scheme() == null) {
        checks.finding(OrderRules.MANDATORY, null, at + "/cbc:EndpointID/@schemeID", endpoint.line(), "is missing");
      }
    }
    return new Party(endpointId, ids, partyName != null ? partyName : legalName, country);
  }

  Delivery delivery(UblCursor c) throws XMLStreamException {
    UblLeaf locationId = null;
    Address address = null;
    String name = null;
    UblLeaf start = null;
    UblLeaf end = null;
    while (c.nextChild()) {
      switch (c.local()) {
        case "DeliveryLocation" -> {
          while (c.nextChild()) {
            switch (c.local()) {
              case "ID" -> locationId = locationId == null ? leaf(c, "schemeID") : skipKeep(c, locationId);
              case "Address" -> address = address == null ? address(c) : skipKeep(c, address);
              default -> c.skip();
            }
          }
        }
        case "RequestedDeliveryPeriod" -> {
          while (c.nextChild()) {
            switch (c.local()) {
              case "StartDate" -> start = start == null ? leaf(c, null) : skipKeep(c, start);
              case "EndDate" -> end = end == null ? leaf(c, null) : skipKeep(c, end);
              default -> c.skip();
            }
          }
        }
        case "DeliveryParty" -> {
          while (c.nextChild()) {
            if (name == null && c.local().equals("PartyName")) {
              name = childText(c, "Name");
            } else {
              c.skip();
            }
          }
        }
        default -> c.skip();
      }
    }
    return new Delivery(identifier(locationId), name, address,
        checks.date(start, "/Order/cac:Delivery/cac:RequestedDeliveryPeriod/cbc:StartDate"),
        checks.date(end, "/Order/cac:Delivery/cac:RequestedDeliveryPeriod/cbc:EndDate"));
  }

  static Address address(UblCursor c) throws XMLStreamException {
    String streetName = null;
    String additional = null;
    List<String> addressLines = new ArrayList<>(0);
    String city = null;
    String postalZone = null;
    String region = null;
    String country = null;
    while (c.nextChild()) {
      switch (c.local()) {
        case "StreetName" -> streetName = streetName == null ? c.text() : skipKeep(c, streetName);
        case "AdditionalStreetName" -> additional = additional == null ? c.text() : skipKeep(c, additional);
        case "AddressLine" -> {
          String line = childText(c, "Line");
          if (line != null) {
            addressLines.add(line);
          }
        }
        case "CityName" -> city = city == null ? c.text() : skipKeep(c, city);
        case "PostalZone" -> postalZone = postalZone == null ? c.text() : skipKeep(c, postalZone);
        case "CountrySubentity" -> region = region == null ? c.text() : skipKeep(c, region);
        case "Country" -> country = country == null ? childText(c, "IdentificationCode") : skipKeep(c, country);
        default -> c.skip();
      }
    }
    List<String> street = new ArrayList<>(2 + addressLines.size());
    if (streetName != null) {
      street.add(streetName);
    }
    if (additional != null) {
      street.add(additional);
    }
    street.addAll(addressLines);
    return new Address(street, city, postalZone, region, country);
  }
}
