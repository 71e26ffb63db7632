package org.punchgate.peppol;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.punchgate.xml.XmlWriter;

/**
 * Writes a cart as a UBL 2.1 Catalogue of PEPPOL BIS Punch Out 3 (or with the BIS 18A v1 identifiers), streaming
 * through {@link XmlWriter}: no object model is built, so a 1,000-line cart costs one pass and one buffer. The
 * cart is checked first ({@link PeppolCartCheck}); a cart the format cannot carry is refused with every problem,
 * and nothing is written. Element order follows the UBL 2.1 Catalogue schema, which the BIS validation applies.
 */
public final class PeppolCartWriter {

  /** About what one line takes, so the buffer rarely grows while writing. */
  private static final int CHARS_PER_LINE = 1_400;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Clock clock;

  /** @param clock the source of IssueDate and IssueTime, in its own time zone */
  public PeppolCartWriter(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A written cart, or the reasons it cannot be written. */
  public sealed interface Outcome {
    /** The document's bytes in its declared encoding. */
    record Written(byte[] xml, PeppolEncoding encoding) implements Outcome {
      /** The Base64 value of the cart field that the buyer's browser posts to the return URL (SPECS §3.2). */
      public String formValue() {
        return Base64.getEncoder().encodeToString(xml);
      }

      @Override
      public boolean equals(Object other) {
        return other instanceof Written w && w.encoding == encoding && Arrays.equals(w.xml, xml);
      }

      @Override
      public int hashCode() {
        return Arrays.hashCode(xml) * 31 + encoding.hashCode();
      }

      @Override
      public String toString() {
        return "Written[" + xml.length + " bytes, " + encoding + "]";
      }
    }

    record Refused(List<PeppolProblem> problems) implements Outcome {
      public Refused {
        problems = List.copyOf(problems);
      }
    }
  }

  public Outcome write(PeppolCart cart, PeppolCartFormat format) {
    List<PeppolProblem> problems = PeppolCartCheck.problems(cart, format);
    if (!problems.isEmpty()) {
      return new Outcome.Refused(problems);
    }
    // written as a String, then encoded once; the encoding also writes its own XML declaration
    String xml = catalogue(cart, format);
    return new Outcome.Written(PeppolEncodings.encode(xml, format.encoding()), format.encoding());
  }

  private String catalogue(PeppolCart cart, PeppolCartFormat format) {
    XmlWriter xml = XmlWriter.document(1_500 + CHARS_PER_LINE * cart.lines().size());
    ZonedDateTime now = ZonedDateTime.now(clock);
    xml.start("Catalogue")
        .attribute("xmlns", PeppolIds.NS_CATALOGUE)
        .attribute("xmlns:cac", PeppolIds.NS_CAC)
        .attribute("xmlns:cbc", PeppolIds.NS_CBC);
    PunchOutVersion version = format.version();
    if (version.writesUblVersion()) {
      xml.element("cbc:UBLVersionID", PunchOutVersion.UBL_VERSION);
    }
    xml.element("cbc:CustomizationID", version.customizationId())
        .element("cbc:ProfileID", version.profileId())
        .element("cbc:ID", cart.id())
        .element("cbc:ActionCode", cart.completeCart() ? PeppolIds.COMPLETE_CART : PeppolIds.PARTIAL_CART)
        .element("cbc:IssueDate", now.toLocalDate().toString())
        .element("cbc:IssueTime", TIME.format(now));
    party(xml, "cac:ProviderParty", cart.provider(), null);
    party(xml, "cac:ReceiverParty", cart.receiver(), cart.buyerReference());
    for (PeppolLine line : cart.lines()) {
      line(xml, line, format);
    }
    xml.end();
    return xml.toString();
  }

  private static void party(XmlWriter xml, String element, PeppolParty party, String contactId) {
    xml.start(element);
    if (present(party.endpointId())) {
      xml.start("cbc:EndpointID").attribute("schemeID", party.endpointScheme()).text(party.endpointId()).end();
    }
    if (present(party.id())) {
      xml.start("cac:PartyIdentification")
          .start("cbc:ID").attribute("schemeID", party.idScheme()).text(party.id()).end()
          .end();
    }
    xml.start("cac:PartyLegalEntity").element("cbc:RegistrationName", party.registrationName()).end();
    if (present(contactId)) {
      xml.start("cac:Contact").element("cbc:ID", contactId).end();
    }
    xml.end();
  }

  private static void line(XmlWriter xml, PeppolLine line, PeppolCartFormat format) {
    xml.start("cac:CatalogueLine").element("cbc:ID", line.id());
    xml.start("cac:RequiredItemLocationQuantity");
    if (line.leadTimeDays() != null) {
      xml.start("cbc:LeadTimeMeasure").attribute("unitCode", PeppolIds.UNIT_DAY)
          .text(Integer.toString(line.leadTimeDays())).end();
    }
    PeppolPrice price = line.price();
    BigDecimal base = price.baseQuantity() == null ? BigDecimal.ONE : price.baseQuantity();
    xml.start("cac:Price")
        .start("cbc:PriceAmount").attribute("currencyID", price.currency()).text(price.amount().toPlainString()).end()
        // R006: the base quantity is in the line's unit, the same as the batch quantity
        .start("cbc:BaseQuantity").attribute("unitCode", line.unitCode()).text(number(base)).end()
        .end();
    xml.start("cac:DeliveryUnit")
        .start("cbc:BatchQuantity").attribute("unitCode", line.unitCode()).text(number(line.quantity())).end()
        .end();
    xml.end();
    item(xml, line, format);
    xml.end();
  }

  private static void item(XmlWriter xml, PeppolLine line, PeppolCartFormat format) {
    xml.start("cac:Item");
    optional(xml, "cbc:Description", line.description());
    xml.element("cbc:Name", line.name());
    identification(xml, "cac:BuyersItemIdentification", line.buyersId());
    identification(xml, "cac:SellersItemIdentification", line.sellersId());
    identification(xml, "cac:ManufacturersItemIdentification", line.manufacturersId());
    if (present(line.gtin())) {
      xml.start("cac:StandardItemIdentification")
          .start("cbc:ID").attribute("schemeID", PeppolIds.SCHEME_GTIN).text(line.gtin()).end()
          .end();
    }
    for (PeppolAttachment attachment : line.attachments()) {
      xml.start("cac:ItemSpecificationDocumentReference").element("cbc:ID", attachment.id());
      if (attachment.mainImage()) {
        xml.element("cbc:DocumentTypeCode", PeppolIds.DOCUMENT_TYPE_PRODUCT_IMAGE);
      }
      xml.start("cac:Attachment").start("cac:ExternalReference").element("cbc:URI", attachment.uri()).end().end();
      xml.end();
    }
    String unspsc = present(line.unspsc()) ? line.unspsc() : format.defaultUnspsc();
    if (present(unspsc)) {
      xml.start("cac:CommodityClassification")
          .start("cbc:ItemClassificationCode").attribute("listID", PeppolIds.LIST_ID_UNSPSC).text(unspsc).end()
          .end();
    }
    PeppolTax tax = line.tax() != null ? line.tax() : format.defaultTax();
    xml.start("cac:ClassifiedTaxCategory").element("cbc:ID", tax.category().name());
    if (tax.percent() != null) {
      xml.element("cbc:Percent", number(tax.percent()));
    }
    xml.start("cac:TaxScheme").element("cbc:ID", PeppolIds.TAX_SCHEME_VAT).end().end();
    if (present(line.partOf())) {
      property(xml, PeppolIds.PROPERTY_PART_OF, line.partOf());
    }
    if (line.service() != null) {
      property(xml, PeppolIds.PROPERTY_SERVICE_INDICATOR, line.service().toString());
    }
    xml.end();
  }

  private static void identification(XmlWriter xml, String element, String id) {
    if (present(id)) {
      xml.start(element).element("cbc:ID", id).end();
    }
  }

  private static void property(XmlWriter xml, String name, String value) {
    xml.start("cac:AdditionalItemProperty").element("cbc:Name", name).element("cbc:Value", value).end();
  }

  private static void optional(XmlWriter xml, String element, String text) {
    if (present(text)) {
      xml.element(element, text);
    }
  }

  /** Blank optional values are left out: the BIS forbids empty elements (PEPPOL-COMMON-R001). */
  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** Quantities and rates without trailing zeros, never in exponent form ({@code 1E+2} is not a UBL decimal). */
  private static String number(BigDecimal value) {
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
