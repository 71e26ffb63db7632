package org.punchgate.peppol;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.Connection;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.PeppolSettings;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.validation.Violation;

/**
 * The PEPPOL return form (SPECS §3.2, §3.3): the cart as a UBL 2.1 Catalogue of BIS Punch Out 3 (or with the BIS
 * 18A v1 identifiers), Base64-encoded into the connection's cart field of a form the buyer's browser posts to the
 * session's return URL. A cancelled punchout posts the form without a cart, so the buyer's system closes it.
 *
 * <p>Catalogue {@code ID} is the transferred cart's id, which is the session id: the one value an order ping or a
 * PunchIn order can quote back and the gateway can find the session by, without storing another id.
 *
 * <p>From the cart line: {@code sku} → SellersItemIdentification, {@code buyerSku} → Buyers..., {@code
 * manufacturerSku} → Manufacturers..., attribute {@code gtin} → StandardItemIdentification (0160), a UNSPSC
 * classification → CommodityClassification, attributes {@code vatCategory}/{@code vatRate} → ClassifiedTaxCategory
 * (else the connection's default), {@code priceUnit} → BaseQuantity, a child line → {@code PartOf} its parent's
 * sellers id.
 */
public final class PeppolCartRenderer implements CartRenderer {

  /** Cart line attributes that carry what the shop's cart has no field for. */
  public static final String ATTRIBUTE_GTIN = "gtin";
  public static final String ATTRIBUTE_VAT_CATEGORY = "vatCategory";
  public static final String ATTRIBUTE_VAT_RATE = "vatRate";
  private static final String UNSPSC = "UNSPSC";

  private final PeppolCartWriter writer;

  /** @param clock the source of IssueDate and IssueTime */
  public PeppolCartRenderer(Clock clock) {
    this.writer = new PeppolCartWriter(clock);
  }

  @Override
  public Rendered render(Session session, Cart cart, boolean cancel) {
    String returnUrl = session.callUp() instanceof CallUp.Peppol peppol ? peppol.returnUrl() : null;
    if (returnUrl == null || returnUrl.isBlank()) {
      return Rendered.invalid(List.of(new Violation("peppol.session.returnUrl", CallUp.Peppol.RETURN_URL,
          "the session has no return address")));
    }
    Connection connection = session.connection();
    PeppolSettings settings = connection.peppol() != null ? connection.peppol()
        : new PeppolSettings(null, null, false, null, null, null, false, null, null, null);
    if (cancel || cart == null) {
      return Rendered.ok(new ReturnForm(returnUrl, null, StandardCharsets.UTF_8, List.of(), ReturnForm.Submit.AUTOMATIC));
    }
    List<Violation> violations = new ArrayList<>();
    PeppolCart peppolCart = peppolCart(session, settings, cart, violations);
    if (!violations.isEmpty()) {
      return Rendered.invalid(violations);
    }
    return switch (writer.write(peppolCart, format(settings, connection))) {
      case PeppolCartWriter.Outcome.Written written -> Rendered.ok(new ReturnForm(returnUrl, null,
          StandardCharsets.UTF_8, List.of(new ReturnForm.Field(settings.cartField(), written.formValue())),
          ReturnForm.Submit.AUTOMATIC));
      case PeppolCartWriter.Outcome.Refused refused -> Rendered.invalid(refused.problems().stream()
          .map(p -> new Violation(p.rule().id(), p.line() == null ? "cart" : "line " + p.line(), p.text())).toList());
    };
  }

  private static PeppolCartFormat format(PeppolSettings settings, Connection connection) {
    VatCategory category = settings.defaultVatCategory() == null ? null
        : VatCategory.of(settings.defaultVatCategory().toUpperCase(Locale.ROOT)).orElse(null);
    String unspsc = settings.defaultUnspsc();
    if (unspsc == null && connection.defaultClassification() != null
        && UNSPSC.equalsIgnoreCase(connection.defaultClassification().scheme())) {
      unspsc = connection.defaultClassification().code();
    }
    return new PeppolCartFormat(settings.legacyBis18a() ? PunchOutVersion.BIS18A_V1 : PunchOutVersion.BIS3,
        PeppolSettings.ISO_8859_1.equalsIgnoreCase(settings.encoding()) ? PeppolEncoding.ISO_8859_1 : PeppolEncoding.UTF_8,
        category == null ? null : new PeppolTax(category, settings.defaultVatRate()), unspsc);
  }

  private static PeppolCart peppolCart(Session session, PeppolSettings settings, Cart cart,
      List<Violation> violations) {
    Map<String, CartLine> byId = new HashMap<>();
    for (int i = 0; i < cart.lines().size(); i++) {
      byId.put(lineId(cart.lines().get(i), i), cart.lines().get(i));
    }
    List<PeppolLine> lines = new ArrayList<>(cart.lines().size());
    for (int i = 0; i < cart.lines().size(); i++) {
      lines.add(line(session.connection(), cart, cart.lines().get(i), lineId(cart.lines().get(i), i), byId, violations));
    }
    String buyerReference = session.callUp() instanceof CallUp.Peppol peppol ? peppol.buyerReference() : null;
    PeppolParty receiver = settings.receiver() == null ? PeppolParty.named(session.connection().name())
        : party(settings.receiver());
    return new PeppolCart(session.cartId(), settings.completeCart(),
        settings.provider() == null ? PeppolParty.named(null) : party(settings.provider()), receiver,
        buyerReference, lines);
  }

  /** One catalogue line; its texts and identifiers go through the connection's field mapping ({@link PeppolFields}). */
  static PeppolLine line(Connection connection, Cart cart, CartLine line, String id,
      Map<String, CartLine> byId, List<Violation> violations) {
    String currency = line.currency() != null ? line.currency() : cart.currency();
    FieldMapping mapping = PeppolFields.mappingOf(connection);
    PeppolLine.Builder b = PeppolLine.builder(id, mapping.resolve(PeppolFields.NAME, line))
        .description(mapping.resolve(PeppolFields.DESCRIPTION, line))
        .sellersId(mapping.resolve(PeppolFields.SELLERS_ID, line))
        .buyersId(mapping.resolve(PeppolFields.BUYERS_ID, line))
        .manufacturersId(mapping.resolve(PeppolFields.MANUFACTURERS_ID, line))
        .gtin(mapping.resolve(PeppolFields.STANDARD_ID, line));
    if (line.quantity() != null) {
      b.quantity(line.quantity(), connection.buyerUnit(line.unit()));
    }
    if (line.unitPrice() != null) {
      b.price(new PeppolPrice(line.unitPrice(), currency, line.priceUnit() == null ? BigDecimal.ONE : line.priceUnit()));
    }
    if (line.classification() != null && UNSPSC.equalsIgnoreCase(line.classification().scheme())) {
      b.unspsc(line.classification().code());
    }
    String category = line.attributes().get(ATTRIBUTE_VAT_CATEGORY);
    if (category != null) {
      var vat = VatCategory.of(category.strip().toUpperCase(Locale.ROOT));
      String rate = line.attributes().get(ATTRIBUTE_VAT_RATE);
      if (vat.isEmpty()) {
        violations.add(new Violation(PeppolRule.TAX_CATEGORY_MISSING.id(), "line " + id,
            "the VAT category " + category + " is not a UNCL5305 code of the BIS"));
      } else if (rate != null && !rate.strip().matches("\\d{1,3}(\\.\\d{1,4})?")) {
        violations.add(new Violation(PeppolRule.TAX_RATE_MISSING.id(), "line " + id,
            "the VAT rate " + rate + " is not a percentage"));
      } else {
        b.tax(new PeppolTax(vat.get(), rate == null ? null : new BigDecimal(rate.strip())));
      }
    }
    if (line.leadTimeDays() != null) {
      b.leadTimeDays(line.leadTimeDays());
    }
    if (line.attachmentUrl() != null && !line.attachmentUrl().isBlank()) {
      String title = line.attachmentTitle();
      b.attachment(new PeppolAttachment(title == null || title.isBlank() ? "attachment" : title, line.attachmentUrl(),
          false));
    }
    if (line.parentLineId() != null) {
      CartLine parent = byId.get(line.parentLineId());
      b.partOf(parent != null && parent.sku() != null ? parent.sku() : line.parentLineId());
    }
    if (line.service()) {
      b.service(true);
    }
    return b.build();
  }

  /** The line's own id, else its position from 1 (the cart JSON's default). */
  private static String lineId(CartLine line, int index) {
    return line.lineId() != null ? line.lineId() : Integer.toString(index + 1);
  }

  private static PeppolParty party(PeppolSettings.Party p) {
    return new PeppolParty(p.endpointScheme(), p.endpointId(), p.idScheme(), p.id(), p.name());
  }
}
