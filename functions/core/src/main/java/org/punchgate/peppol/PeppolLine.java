package org.punchgate.peppol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code cac:CatalogueLine} (SPECS §3.3). Optional parts are null when absent; the writer applies the
 * format's defaults for tax and classification.
 *
 * @param id {@code cbc:ID}, unique in the cart
 * @param name {@code Item/Name}
 * @param description {@code Item/Description}; null for none
 * @param quantity {@code DeliveryUnit/BatchQuantity}: the ordered quantity, above zero (R002)
 * @param unitCode UN/ECE Rec 20 unit of the quantity and of the price's base quantity (R006)
 * @param price price per base quantity
 * @param sellersId {@code SellersItemIdentification/ID}
 * @param buyersId {@code BuyersItemIdentification/ID}
 * @param gtin {@code StandardItemIdentification/ID} with scheme {@code 0160}
 * @param manufacturersId {@code ManufacturersItemIdentification/ID}
 * @param unspsc {@code CommodityClassification/ItemClassificationCode listID="MP"}
 * @param tax {@code ClassifiedTaxCategory}
 * @param leadTimeDays {@code LeadTimeMeasure unitCode="DAY"}
 * @param attachments documents by reference
 * @param partOf for a kit component: the sellers id of the configured product it belongs to ({@code PartOf})
 * @param service the {@code ServiceIndicator} property; null to leave it out
 */
public record PeppolLine(String id, String name, String description, BigDecimal quantity, String unitCode,
    PeppolPrice price, String sellersId, String buyersId, String gtin, String manufacturersId, String unspsc,
    PeppolTax tax, Integer leadTimeDays, List<PeppolAttachment> attachments, String partOf, Boolean service) {

  public PeppolLine {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }

  public static Builder builder(String id, String name) {
    return new Builder(id, name);
  }

  /** Builds a line field by field: most lines set a handful of the sixteen parts. */
  public static final class Builder {
    private final String id;
    private final String name;
    private String description;
    private BigDecimal quantity;
    private String unitCode = UnitCodes.ONE;
    private PeppolPrice price;
    private String sellersId;
    private String buyersId;
    private String gtin;
    private String manufacturersId;
    private String unspsc;
    private PeppolTax tax;
    private Integer leadTimeDays;
    private final List<PeppolAttachment> attachments = new ArrayList<>();
    private String partOf;
    private Boolean service;

    private Builder(String id, String name) {
      this.id = id;
      this.name = name;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder quantity(String amount, String unit) {
      return quantity(new BigDecimal(amount), unit);
    }

    public Builder quantity(BigDecimal amount, String unit) {
      this.quantity = amount;
      this.unitCode = unit;
      return this;
    }

    public Builder price(String amount, String currency) {
      return price(new PeppolPrice(new BigDecimal(amount), currency, BigDecimal.ONE));
    }

    public Builder price(PeppolPrice value) {
      this.price = value;
      return this;
    }

    public Builder sellersId(String value) {
      this.sellersId = value;
      return this;
    }

    public Builder buyersId(String value) {
      this.buyersId = value;
      return this;
    }

    public Builder gtin(String value) {
      this.gtin = value;
      return this;
    }

    public Builder manufacturersId(String value) {
      this.manufacturersId = value;
      return this;
    }

    public Builder unspsc(String value) {
      this.unspsc = value;
      return this;
    }

    public Builder tax(PeppolTax value) {
      this.tax = value;
      return this;
    }

    public Builder leadTimeDays(int days) {
      this.leadTimeDays = days;
      return this;
    }

    public Builder attachment(PeppolAttachment value) {
      this.attachments.add(value);
      return this;
    }

    public Builder partOf(String parentSellersId) {
      this.partOf = parentSellersId;
      return this;
    }

    public Builder service(boolean value) {
      this.service = value;
      return this;
    }

    public PeppolLine build() {
      return new PeppolLine(id, name, description, quantity, unitCode, price, sellersId, buyersId, gtin,
          manufacturersId, unspsc, tax, leadTimeDays, attachments, partOf, service);
    }
  }
}
