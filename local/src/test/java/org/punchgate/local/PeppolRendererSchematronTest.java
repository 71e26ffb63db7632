package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.PeppolSettings;
import org.punchgate.peppol.PeppolCartRenderer;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;

/**
 * Shop carts of 1, 100 and 1,000 lines through the real PEPPOL renderer, with Swedish text in ISO-8859-1, kits
 * (PartOf) and prices per 100, decoded as the buyer does and validated against the BIS 3 schematron: no errors.
 */
class PeppolRendererSchematronTest {

  private static Session session(String encoding) {
    Connection c = Fixtures.peppolConnection("demo-peppol");
    PeppolSettings s = c.peppol();
    PeppolSettings latin1 = new PeppolSettings(s.login(), s.cartField(), true, s.defaultVatCategory(),
        s.defaultVatRate(), s.defaultUnspsc(), false, encoding, s.provider(), s.receiver());
    Connection connection = new Connection(c.id(), c.name(), true, c.format(), c.userGroup(), null, c.username(), null,
        c.allowedReturnOrigins(), c.shopStartUrl(), c.sessionLifetime(), c.fieldMapping(), c.unitMap(),
        c.defaultClassification(), latin1);
    Instant now = Instant.parse("2026-12-03T10:00:00Z");
    return new Session("s-" + encoding, connection, "demo-peppol", SessionStatus.OPEN, now, now.plusSeconds(3600),
        new CallUp.Peppol("http://localhost:3000/buyer/peppol/return", "Åsa Öberg", null), Map.of(), null, null, null);
  }

  /** Every tenth line a kit of a parent and two children; every third a price per 100; Swedish text throughout. */
  static Cart cartOf(int size) {
    List<CartLine> lines = new ArrayList<>();
    for (int i = 1; lines.size() < size; i++) {
      int n = i;
      boolean kit = i % 10 == 0 && lines.size() + 3 <= size;
      lines.add(CartLine.builder().lineId("L" + n).sku("SKU-" + n).description("Skruvmejsel nr " + n + " – grön & blå")
          .longText("Härdat stål, ergonomiskt handtag för säker användning").quantity(new BigDecimal(n % 7 + 1))
          .unit("EA").unitPrice(new BigDecimal(n % 3 == 0 ? "125.50" : "19.90"))
          .priceUnit(n % 3 == 0 ? new BigDecimal("100") : null).leadTimeDays(n % 5)
          .classification(n % 2 == 0 ? new Classification("UNSPSC", "27111701") : null)
          .attributes(n % 4 == 0 ? Map.of("vatCategory", "S", "vatRate", "12", "gtin", "07350053850019") : Map.of())
          .build());
      if (kit) {
        for (int child = 1; child <= 2; child++) {
          lines.add(CartLine.builder().lineId("L" + n + "-" + child).parentLineId("L" + n).sku("PART-" + n + "-" + child)
              .description("Del " + child + " av sats " + n).quantity(BigDecimal.ONE).unit("EA")
              .unitPrice(BigDecimal.ZERO).build());
        }
      }
    }
    return new Cart("SEK", lines, null, null);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 100, 1_000})
  void generatedShopCartsPassTheSchematron(int size) {
    CartRenderer.Rendered rendered = new PeppolCartRenderer(Fixtures.clock()).render(session("ISO-8859-1"), cartOf(size),
        false);
    assertEquals(List.of(), rendered.violations());
    String value = rendered.form().fields().getFirst().value();
    var decoded = assertInstanceOf(PeppolCartDecoder.Decoded.Cart.class, PeppolCartDecoder.decode(value));
    assertEquals(StandardCharsets.ISO_8859_1, decoded.charset());
    assertTrue(decoded.text().contains("grön &amp; blå"));
    if (size >= 100) {
      assertTrue(decoded.text().contains("<cbc:Name>PartOf</cbc:Name>"));
      assertTrue(decoded.text().contains("<cbc:BaseQuantity unitCode=\"EA\">100</cbc:BaseQuantity>"));
    }
    var report = assertInstanceOf(PeppolCartValidator.Report.Checked.class, PeppolCartValidator.validate(decoded.bytes()));
    assertEquals(List.of(), report.errors(), report.rules());
  }
}
