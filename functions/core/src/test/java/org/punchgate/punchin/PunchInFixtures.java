package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The project's own PunchIn test documents (test resources under {@code punchin/}) and generated ones. */
public final class PunchInFixtures {

  private PunchInFixtures() {}

  public static byte[] resource(String name) {
    try (InputStream in = PunchInFixtures.class.getResourceAsStream("/punchin/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource punchin/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sniffs and reads a UBL order, failing the test when it is not one. */
  static OrderReading readUbl(byte[] document) {
    var sniffed = assertInstanceOf(OrderSniffer.Sniffed.Ubl.class, OrderSniffer.sniff(document));
    return UblOrderReader.read(sniffed.format(), sniffed.document());
  }

  /**
   * A valid PEPPOL BIS 3 order with {@code lines} lines (prices and totals consistent), as the large orders
   * of a hospital or a construction site look: every line with ids, a GTIN, a classification and a tax
   * category.
   */
  public static byte[] bis3Order(int lines) {
    StringBuilder body = new StringBuilder(lines * 900);
    long cents = 0;
    for (int i = 1; i <= lines; i++) {
      int quantity = 1 + i % 7;
      long priceCents = 100 + (i * 37L) % 9000;
      long amount = quantity * priceCents;
      cents += amount;
      body.append("""
            <cac:OrderLine>
              <cac:LineItem>
                <cbc:ID>%d</cbc:ID>
                <cbc:Quantity unitCode="EA">%d</cbc:Quantity>
                <cbc:LineExtensionAmount currencyID="EUR">%s</cbc:LineExtensionAmount>
                <cac:Price>
                  <cbc:PriceAmount currencyID="EUR">%s</cbc:PriceAmount>
                  <cbc:BaseQuantity unitCode="EA">1</cbc:BaseQuantity>
                </cac:Price>
                <cac:Item>
                  <cbc:Name>Artikel Nr. %d – Größe M</cbc:Name>
                  <cac:BuyersItemIdentification><cbc:ID>B-%d</cbc:ID></cac:BuyersItemIdentification>
                  <cac:SellersItemIdentification><cbc:ID>SKU-%05d</cbc:ID></cac:SellersItemIdentification>
                  <cac:StandardItemIdentification><cbc:ID schemeID="0160">40%011d</cbc:ID></cac:StandardItemIdentification>
                  <cac:CommodityClassification>
                    <cbc:ItemClassificationCode listID="STI">44121704</cbc:ItemClassificationCode>
                  </cac:CommodityClassification>
                  <cac:ClassifiedTaxCategory>
                    <cbc:ID>S</cbc:ID>
                    <cbc:Percent>19</cbc:Percent>
                    <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
                  </cac:ClassifiedTaxCategory>
                </cac:Item>
              </cac:LineItem>
            </cac:OrderLine>
          """.formatted(i, quantity, money(amount), money(priceCents), i, i, i, i));
    }
    String head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
               xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
               xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>
          <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>
          <cbc:ID>PO-LARGE-%d</cbc:ID>
          <cbc:IssueDate>2026-11-23</cbc:IssueDate>
          <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
          <cac:CatalogueReference><cbc:ID>cart-large</cbc:ID></cac:CatalogueReference>
          <cac:BuyerCustomerParty><cac:Party>
            <cbc:EndpointID schemeID="0088">7300010000001</cbc:EndpointID>
            <cac:PartyLegalEntity><cbc:RegistrationName>Klinikum Nord</cbc:RegistrationName></cac:PartyLegalEntity>
          </cac:Party></cac:BuyerCustomerParty>
          <cac:SellerSupplierParty><cac:Party>
            <cbc:EndpointID schemeID="0088">7300010000025</cbc:EndpointID>
            <cac:PartyLegalEntity><cbc:RegistrationName>Demo Shop AG</cbc:RegistrationName></cac:PartyLegalEntity>
          </cac:Party></cac:SellerSupplierParty>
          <cac:AnticipatedMonetaryTotal>
            <cbc:LineExtensionAmount currencyID="EUR">%s</cbc:LineExtensionAmount>
            <cbc:PayableAmount currencyID="EUR">%s</cbc:PayableAmount>
          </cac:AnticipatedMonetaryTotal>
        """.formatted(lines, money(cents), money(cents));
    return (head + body + "</Order>\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String money(long cents) {
    return String.format("%d.%02d", cents / 100, cents % 100);
  }
}
