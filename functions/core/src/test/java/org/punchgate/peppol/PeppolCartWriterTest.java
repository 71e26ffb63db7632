package org.punchgate.peppol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

class PeppolCartWriterTest {

  private static final PeppolCartWriter WRITER = new PeppolCartWriter(PeppolFixtures.CLOCK);

  private static PeppolCartWriter.Outcome.Written written(PeppolCart cart, PeppolCartFormat format) {
    return assertInstanceOf(PeppolCartWriter.Outcome.Written.class, WRITER.write(cart, format));
  }

  private static XmlElement root(PeppolCartWriter.Outcome.Written written) {
    return assertInstanceOf(SecureXml.Parsed.Document.class, SecureXml.parse(written.xml())).root();
  }

  @Test
  void theHeaderCarriesTheCartIdClockCompleteFlagPartiesAndBuyerReference() {
    var cart = new PeppolCart("CART-7", true, PeppolFixtures.SUPPLIER, PeppolFixtures.BUYER, "REF-42",
        List.of(PeppolFixtures.line(1).build()));
    var written = written(cart, PeppolFixtures.FORMAT);
    XmlElement root = root(written);

    assertEquals("Catalogue", root.name());
    assertTrue(new String(written.xml(), StandardCharsets.ISO_8859_1)
        .contains("<Catalogue xmlns=\"" + PeppolIds.NS_CATALOGUE + "\""), "the UBL Catalogue namespace");
    assertEquals("urn:fdc:peppol.eu:poacc:trns:punch_out:3", root.childText("cbc:CustomizationID"));
    assertEquals("urn:fdc:peppol.eu:poacc:bis:punch_out:3", root.childText("cbc:ProfileID"));
    assertNull(root.child("cbc:UBLVersionID"), "BIS 3 carries no UBLVersionID");
    assertEquals("CART-7", root.childText("cbc:ID"));
    assertEquals("true", root.childText("cbc:ActionCode"));
    assertEquals("2026-12-03", root.childText("cbc:IssueDate"));
    assertEquals("10:15:30", root.childText("cbc:IssueTime"), "in the clock's zone (Stockholm)");

    XmlElement provider = root.child("cac:ProviderParty");
    assertEquals("0007", provider.child("cbc:EndpointID").attribute("schemeID"));
    assertEquals("5567321707", provider.childText("cbc:EndpointID"));
    assertEquals("7300010000001", provider.child("cac:PartyIdentification").childText("cbc:ID"));
    assertEquals("Kontorsvaror i Norden AB", provider.child("cac:PartyLegalEntity").childText("cbc:RegistrationName"));
    assertNull(provider.child("cac:Contact"));
    XmlElement receiver = root.child("cac:ReceiverParty");
    assertNull(receiver.child("cac:PartyIdentification"), "no party id given, none written");
    assertEquals("REF-42", receiver.child("cac:Contact").childText("cbc:ID"));
  }

  @Test
  void aLineCarriesPriceBaseQuantityBatchQuantityIdsClassificationTaxAndLeadTime() {
    var line = PeppolFixtures.line(3).quantity("360", UnitCodes.PIECE)
        .price(new PeppolPrice(new BigDecimal("24.00"), "SEK", new BigDecimal("12")))
        .description("Blyertspennor HB").buyersId("B-3").gtin(PeppolFixtures.gtin(3)).manufacturersId("M-3")
        .unspsc("44121706").tax(PeppolTax.of(VatCategory.S, "12.50")).leadTimeDays(5).build();
    XmlElement catalogueLine = root(written(PeppolFixtures.cart(List.of(line)), PeppolFixtures.FORMAT))
        .child("cac:CatalogueLine");

    assertEquals("3", catalogueLine.childText("cbc:ID"));
    XmlElement location = catalogueLine.child("cac:RequiredItemLocationQuantity");
    assertEquals("5", location.childText("cbc:LeadTimeMeasure"));
    assertEquals("DAY", location.child("cbc:LeadTimeMeasure").attribute("unitCode"));
    XmlElement price = location.child("cac:Price");
    assertEquals("24.00", price.childText("cbc:PriceAmount"));
    assertEquals("SEK", price.child("cbc:PriceAmount").attribute("currencyID"));
    assertEquals("12", price.childText("cbc:BaseQuantity"));
    assertEquals("H87", price.child("cbc:BaseQuantity").attribute("unitCode"), "R006: the batch quantity's unit");
    XmlElement batch = location.child("cac:DeliveryUnit").child("cbc:BatchQuantity");
    assertEquals("360", batch.ownText());
    assertEquals("H87", batch.attribute("unitCode"));

    XmlElement item = catalogueLine.child("cac:Item");
    assertEquals(List.of("cbc:Description", "cbc:Name", "cac:BuyersItemIdentification",
        "cac:SellersItemIdentification", "cac:ManufacturersItemIdentification", "cac:StandardItemIdentification",
        "cac:CommodityClassification", "cac:ClassifiedTaxCategory"),
        item.children().stream().map(XmlElement::name).toList(), "the UBL 2.1 schema's order");
    assertEquals("B-3", item.child("cac:BuyersItemIdentification").childText("cbc:ID"));
    assertEquals("KP-3", item.child("cac:SellersItemIdentification").childText("cbc:ID"));
    assertEquals("0160", item.child("cac:StandardItemIdentification").child("cbc:ID").attribute("schemeID"));
    assertEquals("44121706", item.child("cac:CommodityClassification").childText("cbc:ItemClassificationCode"));
    assertEquals("MP", item.child("cac:CommodityClassification").child("cbc:ItemClassificationCode")
        .attribute("listID"));
    XmlElement tax = item.child("cac:ClassifiedTaxCategory");
    assertEquals("S", tax.childText("cbc:ID"));
    assertEquals("12.5", tax.childText("cbc:Percent"));
    assertEquals("VAT", tax.child("cac:TaxScheme").childText("cbc:ID"));
  }

  @Test
  void aLineWithoutTaxOrClassificationTakesTheFormatDefaults() {
    XmlElement item = root(written(PeppolFixtures.cart(List.of(PeppolFixtures.line(1).build())), PeppolFixtures.FORMAT))
        .child("cac:CatalogueLine").child("cac:Item");
    assertEquals("S", item.child("cac:ClassifiedTaxCategory").childText("cbc:ID"));
    assertEquals("25", item.child("cac:ClassifiedTaxCategory").childText("cbc:Percent"));
    assertEquals(PeppolFixtures.UNSPSC_PAPER,
        item.child("cac:CommodityClassification").childText("cbc:ItemClassificationCode"));
  }

  @Test
  void kitPartsServicesAndAttachmentsBecomePropertiesAndReferences() {
    var kit = PeppolFixtures.line(1).sellersId("KIT-1").build();
    var part = PeppolFixtures.line(2).partOf("KIT-1").service(true)
        .attachment(new PeppolAttachment("bild.jpg", "https://shop.example.se/bild.jpg", true))
        .attachment(new PeppolAttachment("blad.pdf", "https://shop.example.se/blad.pdf", false)).build();
    List<XmlElement> lines = root(written(PeppolFixtures.cart(List.of(kit, part)), PeppolFixtures.FORMAT))
        .children("cac:CatalogueLine");
    assertTrue(lines.get(0).child("cac:Item").children("cac:AdditionalItemProperty").isEmpty());

    XmlElement item = lines.get(1).child("cac:Item");
    List<XmlElement> properties = item.children("cac:AdditionalItemProperty");
    assertEquals(List.of("PartOf=KIT-1", "ServiceIndicator=true"),
        properties.stream().map(p -> p.childText("cbc:Name") + "=" + p.childText("cbc:Value")).toList());
    List<XmlElement> references = item.children("cac:ItemSpecificationDocumentReference");
    assertEquals("PRODUCT_IMAGE", references.get(0).childText("cbc:DocumentTypeCode"));
    assertEquals("https://shop.example.se/bild.jpg",
        references.get(0).child("cac:Attachment").child("cac:ExternalReference").childText("cbc:URI"));
    assertNull(references.get(1).child("cbc:DocumentTypeCode"), "only the main image is typed");
  }

  @Test
  void theLegacyIdentifiersAddTheUblVersion() {
    XmlElement root = root(written(PeppolFixtures.cartOf(1), PeppolFixtures.FORMAT.withVersion(PunchOutVersion.BIS18A_V1)));
    assertEquals("2.1", root.childText("cbc:UBLVersionID"));
    assertEquals(PunchOutVersion.BIS18A_V1.customizationId(), root.childText("cbc:CustomizationID"));
    assertEquals("urn:www.cenbii.eu:profile:bii18:ver1.0", root.childText("cbc:ProfileID"));
    assertEquals(List.of("cbc:UBLVersionID", "cbc:CustomizationID"),
        root.children().subList(0, 2).stream().map(XmlElement::name).toList());
  }

  @Test
  void iso88591KeepsSwedishLettersAsSingleBytesAndReferencesWhatLatin1Lacks() {
    var cart = PeppolFixtures.cart(List.of(PeppolFixtures.line(1).description("Åsa köper 5 st à 10 € 😀").build()));
    var written = written(cart, PeppolFixtures.FORMAT);
    String raw = new String(written.xml(), StandardCharsets.ISO_8859_1);

    assertTrue(raw.startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"), raw.substring(0, 60));
    assertTrue(raw.contains("Åsa köper 5 st à 10 &#8364; &#128512;"), "Latin-1 as bytes, the rest as references");
    assertEquals("Åsa köper 5 st à 10 € 😀",
        root(written).child("cac:CatalogueLine").child("cac:Item").childText("cbc:Description"), "read back whole");
  }

  @Test
  void utf8WritesEveryCharacterAsIs() {
    var cart = PeppolFixtures.cart(List.of(PeppolFixtures.line(1).description("Åsa – 10 € 😀").build()));
    var written = written(cart, PeppolFixtures.FORMAT.withEncoding(PeppolEncoding.UTF_8));
    String raw = new String(written.xml(), StandardCharsets.UTF_8);
    assertTrue(raw.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    assertTrue(raw.contains("Åsa – 10 € 😀"));
  }

  @Test
  void theFormValueIsTheBase64OfTheDocumentBytes() {
    var written = written(PeppolFixtures.cartOf(3), PeppolFixtures.FORMAT);
    assertArrayEquals(written.xml(), Base64.getDecoder().decode(written.formValue()));
    assertFalse(written.formValue().contains("\n"), "one line: a form field value");
  }

  @Test
  void blankOptionalValuesAreLeftOutRatherThanWrittenEmpty() {
    var line = PeppolFixtures.line(1).description(" ").buyersId("").partOf("").build();
    String raw = new String(written(PeppolFixtures.cart(List.of(line)), PeppolFixtures.FORMAT).xml(),
        StandardCharsets.ISO_8859_1);
    assertFalse(raw.contains("Description"));
    assertFalse(raw.contains("BuyersItemIdentification"));
    assertFalse(raw.contains("AdditionalItemProperty"));
    assertFalse(raw.contains("/>"), "no empty element anywhere (PEPPOL-COMMON-R001)");
  }

  @Test
  void aThousandLineCartIsWrittenInFull() {
    var root = root(written(PeppolFixtures.cartOf(1_000), PeppolFixtures.FORMAT));
    List<XmlElement> lines = root.children("cac:CatalogueLine");
    assertEquals(1_000, lines.size());
    assertEquals("1000", lines.getLast().childText("cbc:ID"));
  }
}
