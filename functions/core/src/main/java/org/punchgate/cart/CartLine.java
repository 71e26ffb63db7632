package org.punchgate.cart;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One line of a cart as the shop sends it (see {@code schema/cart.schema.json}), in five small parts: what
 * the item is, what it costs, what kind of item it is, the documents it refers to, and free attributes.
 * Amounts are exact decimals. Build one with {@link #builder()}, change one with {@link #copy}.
 */
public record CartLine(
    Identity identity,
    Pricing pricing,
    Category category,
    References references,
    Map<String, String> attributes) {

  /**
   * What the item is. {@code lineId} is the shop's own key of the line; {@code parentLineId} makes it a child
   * of another line (OCI 5.0 item hierarchy, cXML composite items). {@code auxiliaryId} is the supplier's
   * opaque key that a procurement system echoes back (cXML SupplierPartAuxiliaryID), round-tripped
   * byte-exactly.
   */
  public record Identity(String lineId, String parentLineId, String sku, String auxiliaryId, String buyerSku,
      String manufacturer, String manufacturerSku, String description, String longText) {}

  /** How much, in which unit, at which price per {@code priceUnit} units. */
  public record Pricing(BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal priceUnit,
      String currency) {}

  /** What kind of item: its classification code, whether it is a service, and how soon it is delivered. */
  public record Category(Classification classification, boolean service, Integer leadTimeDays) {}

  /** The contract, quote and attachment a line refers to. */
  public record References(String contract, String contractItem, String quoteId, String quoteItem,
      String attachmentUrl, String attachmentTitle) {}

  public CartLine {
    identity = identity == null ? new Identity(null, null, null, null, null, null, null, null, null) : identity;
    pricing = pricing == null ? new Pricing(null, null, null, null, null) : pricing;
    category = category == null ? new Category(null, false, null) : category;
    references = references == null ? new References(null, null, null, null, null, null) : references;
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** This line with the changes {@code changes} makes to a builder that starts from it. */
  public CartLine copy(Consumer<Builder> changes) {
    Builder b = new Builder(this);
    changes.accept(b);
    return b.build();
  }

  /** quantity × unitPrice / priceUnit: what the line costs. */
  public BigDecimal extendedPrice() {
    BigDecimal unitPrice = unitPrice();
    BigDecimal quantity = quantity();
    BigDecimal priceUnit = priceUnit();
    if (unitPrice == null || quantity == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal gross = unitPrice.multiply(quantity);
    if (priceUnit == null || priceUnit.signum() == 0 || priceUnit.compareTo(BigDecimal.ONE) == 0) {
      return gross;
    }
    try {
      return gross.divide(priceUnit); // exact where the quotient terminates
    } catch (ArithmeticException nonTerminating) {
      return gross.divide(priceUnit, 4, java.math.RoundingMode.HALF_UP);
    }
  }

  // The line's values by their names in the cart JSON, so that codecs read a field in one call.
  public String lineId() { return identity.lineId(); }
  public String parentLineId() { return identity.parentLineId(); }
  public String sku() { return identity.sku(); }
  public String auxiliaryId() { return identity.auxiliaryId(); }
  public String buyerSku() { return identity.buyerSku(); }
  public String manufacturer() { return identity.manufacturer(); }
  public String manufacturerSku() { return identity.manufacturerSku(); }
  public String description() { return identity.description(); }
  public String longText() { return identity.longText(); }
  public BigDecimal quantity() { return pricing.quantity(); }
  public String unit() { return pricing.unit(); }
  public BigDecimal unitPrice() { return pricing.unitPrice(); }
  public BigDecimal priceUnit() { return pricing.priceUnit(); }
  public String currency() { return pricing.currency(); }
  public Classification classification() { return category.classification(); }
  public boolean service() { return category.service(); }
  public Integer leadTimeDays() { return category.leadTimeDays(); }
  public String contract() { return references.contract(); }
  public String contractItem() { return references.contractItem(); }
  public String quoteId() { return references.quoteId(); }
  public String quoteItem() { return references.quoteItem(); }
  public String attachmentUrl() { return references.attachmentUrl(); }
  public String attachmentTitle() { return references.attachmentTitle(); }

  /** Builds a line field by field; unset fields stay null (false for {@code service}). */
  public static final class Builder {
    private String lineId, parentLineId, sku, auxiliaryId, buyerSku, manufacturer, manufacturerSku, description,
        longText, unit, currency, contract, contractItem, quoteId, quoteItem, attachmentUrl, attachmentTitle;
    private BigDecimal quantity, unitPrice, priceUnit;
    private Classification classification;
    private boolean service;
    private Integer leadTimeDays;
    private Map<String, String> attributes;

    private Builder() {}

    private Builder(CartLine l) {
      lineId = l.lineId(); parentLineId = l.parentLineId(); sku = l.sku(); auxiliaryId = l.auxiliaryId();
      buyerSku = l.buyerSku(); manufacturer = l.manufacturer(); manufacturerSku = l.manufacturerSku();
      description = l.description(); longText = l.longText();
      quantity = l.quantity(); unit = l.unit(); unitPrice = l.unitPrice(); priceUnit = l.priceUnit();
      currency = l.currency();
      classification = l.classification(); service = l.service(); leadTimeDays = l.leadTimeDays();
      contract = l.contract(); contractItem = l.contractItem(); quoteId = l.quoteId(); quoteItem = l.quoteItem();
      attachmentUrl = l.attachmentUrl(); attachmentTitle = l.attachmentTitle();
      attributes = l.attributes();
    }

    public Builder lineId(String v) { lineId = v; return this; }
    public Builder parentLineId(String v) { parentLineId = v; return this; }
    public Builder sku(String v) { sku = v; return this; }
    public Builder auxiliaryId(String v) { auxiliaryId = v; return this; }
    public Builder buyerSku(String v) { buyerSku = v; return this; }
    public Builder manufacturer(String v) { manufacturer = v; return this; }
    public Builder manufacturerSku(String v) { manufacturerSku = v; return this; }
    public Builder description(String v) { description = v; return this; }
    public Builder longText(String v) { longText = v; return this; }
    public Builder quantity(BigDecimal v) { quantity = v; return this; }
    public Builder unit(String v) { unit = v; return this; }
    public Builder unitPrice(BigDecimal v) { unitPrice = v; return this; }
    public Builder priceUnit(BigDecimal v) { priceUnit = v; return this; }
    public Builder currency(String v) { currency = v; return this; }
    public Builder classification(Classification v) { classification = v; return this; }
    public Builder service(boolean v) { service = v; return this; }
    public Builder leadTimeDays(Integer v) { leadTimeDays = v; return this; }
    public Builder contract(String v) { contract = v; return this; }
    public Builder contractItem(String v) { contractItem = v; return this; }
    public Builder quoteId(String v) { quoteId = v; return this; }
    public Builder quoteItem(String v) { quoteItem = v; return this; }
    public Builder attachmentUrl(String v) { attachmentUrl = v; return this; }
    public Builder attachmentTitle(String v) { attachmentTitle = v; return this; }
    public Builder attributes(Map<String, String> v) { attributes = v; return this; }

    public CartLine build() {
      return new CartLine(
          new Identity(lineId, parentLineId, sku, auxiliaryId, buyerSku, manufacturer, manufacturerSku, description,
              longText),
          new Pricing(quantity, unit, unitPrice, priceUnit, currency),
          new Category(classification, service, leadTimeDays),
          new References(contract, contractItem, quoteId, quoteItem, attachmentUrl, attachmentTitle),
          attributes);
    }
  }
}
