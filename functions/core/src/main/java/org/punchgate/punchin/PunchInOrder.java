package org.punchgate.punchin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.punchgate.cart.Classification;

/**
 * An incoming order as PunchIn reads it, whatever its format: a UBL Order (BIS 3 or BIS 28A) or a cXML
 * OrderRequest. Values are as the document states them (the checks against the shop's prices come later);
 * an absent optional element is null, absent lists are empty. Money and quantities are {@code BigDecimal}
 * with the scale the document wrote.
 *
 * @param orderType UBL OrderTypeCode ({@code 220} when absent), or the cXML header type ({@code new},
 *     {@code update}, {@code delete})
 * @param customerReference the buyer's own reference (UBL CustomerReference); null for cXML
 * @param payloadId the cXML payloadID (what makes a cXML document "the same document"); null for UBL
 */
public record PunchInOrder(
    OrderFormat format,
    String customizationId,
    String profileId,
    String id,
    LocalDate issueDate,
    LocalTime issueTime,
    String currency,
    String orderType,
    String customerReference,
    String accountingCost,
    String note,
    String payloadId,
    Party buyer,
    Party seller,
    Delivery delivery,
    References references,
    List<Line> lines,
    Totals totals) {

  public PunchInOrder {
    lines = List.copyOf(lines);
  }

  /** An identifier with its scheme: an ISO 6523 ICD ({@code 0088}), an EAS code, a textual scheme or a cXML domain. */
  public record Identifier(String value, String scheme) {}

  /**
   * A party: its electronic address (EndpointID, null for cXML), its other identifiers (PartyIdentification, or
   * the cXML credentials), its name (PartyName, else the legal name) and country.
   */
  public record Party(Identifier endpoint, List<Identifier> identifiers, String name, String countryCode) {
    public Party {
      identifiers = List.copyOf(identifiers);
    }
  }

  /** A postal address as written. */
  public record Address(List<String> streetLines, String city, String postalZone, String region, String countryCode) {
    public Address {
      streetLines = List.copyOf(streetLines);
    }
  }

  /** Where and when to deliver: location id, delivery party or ship-to name, address, requested period. */
  public record Delivery(Identifier locationId, String name, Address address, LocalDate requestedStart,
                         LocalDate requestedEnd) {}

  /**
   * Document references. {@code catalogueId} (UBL CatalogueReference) and {@code quotationId} are where a
   * UBL order carries a punch-out cart id; cXML carries it in {@code supplierOrderId} (OrderRequestHeader
   * SupplierOrderInfo/@orderID, which our PunchOutOrderMessage fills with the cart id) or per line in
   * {@link Line#supplierAuxiliaryId()}.
   */
  public record References(String quotationId, String catalogueId, String orderDocumentId, String contractId,
                           String supplierOrderId) {
    public static final References NONE = new References(null, null, null, null, null);
  }

  /**
   * An order line. {@code priceAmount} is the net unit price for {@code baseQuantity} units (1 when absent);
   * {@code supplierAuxiliaryId} is the cXML SupplierPartAuxiliaryID, byte-exact (the punch-out reference).
   */
  public record Line(
      String id,
      BigDecimal quantity,
      String unitCode,
      BigDecimal lineAmount,
      BigDecimal priceAmount,
      BigDecimal baseQuantity,
      String name,
      String description,
      String sellersItemId,
      String supplierAuxiliaryId,
      String buyersItemId,
      Identifier standardItemId,
      String manufacturersItemId,
      List<Classification> classifications,
      String taxCategory,
      BigDecimal taxPercent,
      String note,
      int sourceLine) {
    public Line {
      classifications = List.copyOf(classifications);
    }
  }

  /**
   * The expected totals (UBL AnticipatedMonetaryTotal; cXML: only the Total, as {@code payable}). Null when
   * the document has none.
   */
  public record Totals(BigDecimal lineExtension, BigDecimal taxExclusive, BigDecimal taxInclusive,
                       BigDecimal allowanceTotal, BigDecimal chargeTotal, BigDecimal prepaid,
                       BigDecimal rounding, BigDecimal payable) {}
}
