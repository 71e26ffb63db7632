package org.punchgate.local;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * PEPPOL BIS 3 and BIS 28A orders written for the PunchIn tests: a buyer, lines of (SKU, quantity, price per
 * base quantity), optional cart reference, with the totals PEPPOL's rules want. Every line is fully described
 * (name, description, buyer's item id, classification, tax, note), as the 1,000-line order needs.
 */
record PunchInOrderText(String orderId, String buyerScheme, String buyerId, String currency, String cartId,
                        List<Line> lines) {

  record Line(String sku, String quantity, String price, String baseQuantity) {
    BigDecimal amount() {
      return new BigDecimal(quantity).multiply(new BigDecimal(price))
          .divide(new BigDecimal(baseQuantity), 2, RoundingMode.HALF_UP);
    }
  }

  PunchInOrderText withLines(List<Line> other) {
    return new PunchInOrderText(orderId, buyerScheme, buyerId, currency, cartId, other);
  }

  PunchInOrderText withOrderId(String other) {
    return new PunchInOrderText(other, buyerScheme, buyerId, currency, cartId, lines);
  }

  PunchInOrderText withCart(String other) {
    return new PunchInOrderText(orderId, buyerScheme, buyerId, currency, other, lines);
  }

  String bis3() {
    return order("<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>"
        + "<cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>", "UTF-8");
  }

  String bis28a() {
    return order("<cbc:UBLVersionID>2.1</cbc:UBLVersionID><cbc:CustomizationID>urn:www.cenbii.eu:transaction:"
        + "biitrns001:ver2.0:extended:urn:www.peppol.eu:bis:peppol28a:ver1.0</cbc:CustomizationID>"
        + "<cbc:ProfileID>urn:www.cenbii.eu:profile:bii28:ver2.0</cbc:ProfileID>", "UTF-8");
  }

  /** The BIS 3 order declared in another encoding (the caller encodes the text in it). */
  String bis3(String encoding) {
    return order("<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>"
        + "<cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>", encoding);
  }

  private String order(String head, String encoding) {
    StringBuilder x = new StringBuilder(2048 + 1200 * lines.size());
    BigDecimal total = BigDecimal.ZERO;
    for (Line l : lines) {
      total = total.add(l.amount());
    }
    x.append("<?xml version=\"1.0\" encoding=\"").append(encoding).append("\"?>\n")
        .append("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"")
        .append(" xmlns:cac=\"urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2\"")
        .append(" xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">\n")
        .append(head)
        .append("<cbc:ID>").append(orderId).append("</cbc:ID><cbc:IssueDate>2026-11-23</cbc:IssueDate>")
        .append("<cbc:DocumentCurrencyCode>").append(currency).append("</cbc:DocumentCurrencyCode>")
        .append("<cbc:CustomerReference>Einkauf Süd, Gebäude 3</cbc:CustomerReference>");
    if (cartId != null) {
      x.append("<cac:CatalogueReference><cbc:ID>").append(cartId).append("</cbc:ID></cac:CatalogueReference>");
    }
    x.append("<cac:BuyerCustomerParty><cac:Party><cbc:EndpointID schemeID=\"").append(buyerScheme).append("\">")
        .append(buyerId).append("</cbc:EndpointID><cac:PartyName><cbc:Name>Städtisches Klinikum</cbc:Name>")
        .append("</cac:PartyName><cac:PartyLegalEntity><cbc:RegistrationName>Städtisches Klinikum gGmbH")
        .append("</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:BuyerCustomerParty>")
        .append("<cac:SellerSupplierParty><cac:Party><cbc:EndpointID schemeID=\"0088\">7300010000025</cbc:EndpointID>")
        .append("<cac:PostalAddress><cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country>")
        .append("</cac:PostalAddress><cac:PartyLegalEntity><cbc:RegistrationName>Demo Shop AG</cbc:RegistrationName>")
        .append("</cac:PartyLegalEntity></cac:Party></cac:SellerSupplierParty>")
        .append("<cac:AnticipatedMonetaryTotal><cbc:LineExtensionAmount currencyID=\"").append(currency).append("\">")
        .append(total.toPlainString()).append("</cbc:LineExtensionAmount><cbc:PayableAmount currencyID=\"")
        .append(currency).append("\">").append(total.toPlainString())
        .append("</cbc:PayableAmount></cac:AnticipatedMonetaryTotal>\n");
    int n = 0;
    for (Line l : lines) {
      n++;
      x.append("<cac:OrderLine><cbc:Note>Bitte an Wareneingang Tor ").append(n).append(" liefern</cbc:Note>")
          .append("<cac:LineItem><cbc:ID>").append(n).append("</cbc:ID>")
          .append("<cbc:Quantity unitCode=\"EA\">").append(l.quantity()).append("</cbc:Quantity>")
          .append("<cbc:LineExtensionAmount currencyID=\"").append(currency).append("\">")
          .append(l.amount().toPlainString()).append("</cbc:LineExtensionAmount>")
          .append("<cac:Price><cbc:PriceAmount currencyID=\"").append(currency).append("\">").append(l.price())
          .append("</cbc:PriceAmount><cbc:BaseQuantity unitCode=\"EA\">").append(l.baseQuantity())
          .append("</cbc:BaseQuantity></cac:Price><cac:Item>")
          .append("<cbc:Description>Werkzeug und Verbrauchsmaterial für die Haustechnik, Position ").append(n)
          .append("</cbc:Description><cbc:Name>Artikel ").append(l.sku()).append(" für Position ").append(n)
          .append(", geprüft nach DIN EN ISO 9001, verpackt für den Wareneingang")
          .append("</cbc:Name><cac:BuyersItemIdentification><cbc:ID>KN-").append(100000 + n)
          .append("</cbc:ID></cac:BuyersItemIdentification><cac:SellersItemIdentification><cbc:ID>")
          .append(l.sku()).append("</cbc:ID></cac:SellersItemIdentification>")
          .append("<cac:CommodityClassification><cbc:ItemClassificationCode listID=\"MP\">27112703")
          .append("</cbc:ItemClassificationCode></cac:CommodityClassification>")
          .append("<cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent>")
          .append("<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>")
          .append("</cac:Item></cac:LineItem></cac:OrderLine>\n");
    }
    return x.append("</Order>\n").toString();
  }
}
