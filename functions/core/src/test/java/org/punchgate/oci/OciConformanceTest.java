package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.oci.OciFixtures.conformance;
import static org.punchgate.oci.OciFixtures.connection;
import static org.punchgate.oci.OciFixtures.session;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.returnform.ReturnFormPage;

/** Real catalog pages (conformance/oci): read them, then write their items again and read back the same values. */
class OciConformanceTest {

  private static final String REAL_WORLD = "oci/oci-cart-form-real-world-http-response-german-umlauts-10-items.html";
  private static final String SEARCH = "oci/oci-background-search-response-2-items.html";
  private static final Set<OciField> NUMBERS = Set.of(OciField.QUANTITY, OciField.PRICE, OciField.PRICEUNIT,
      OciField.LEADTIME);

  private static OciHtmlForms.Form onlyForm(String sample) throws IOException {
    List<OciHtmlForms.Form> forms = OciHtmlForms.extract(Files.readString(conformance(sample), StandardCharsets.UTF_8));
    assertEquals(1, forms.size());
    return forms.getFirst();
  }

  @Test
  void readsTheRealWorldCartWithUmlautsAndZeroPaddedPrices() throws IOException {
    OciHtmlForms.Form form = onlyForm(REAL_WORLD);
    assertEquals("http://return.to/me", form.action());
    assertEquals("POST", form.method());
    assertEquals("☃", form.fields().first("_snowman"), "numeric character reference decoded");

    List<OciItem> items = OciCartParser.parse(form.fields());
    assertEquals(10, items.size());
    OciItem first = items.getFirst();
    assertEquals("MantisRegistered Elite Stereo-Betrachtungssystem mit Universalständer... E",
        first.get(OciField.DESCRIPTION));
    assertEquals("00000001730.900", first.get(OciField.PRICE));
    assertEquals(0, new BigDecimal("1730.9").compareTo(first.decimal(OciField.PRICE)));
    assertEquals("1.0", first.get(OciField.PRICEUNIT));
    assertEquals("491901E", first.get(OciField.EXT_PRODUCT_ID));
    assertTrue(first.get(OciField.LONGTEXT).contains("Vergrößerung"), first.get(OciField.LONGTEXT));
    assertEquals("PA", items.get(3).get(OciField.UNIT));
    assertTrue(items.get(7).get(OciField.LONGTEXT).contains("250 g/m², geleimt"));
    assertTrue(items.get(7).get(OciField.LONGTEXT).contains("\n"), "a line break inside the value is kept");
    assertEquals(10, items.get(9).index());
    assertEquals("ECP55341E", items.get(9).get(OciField.EXT_PRODUCT_ID));
    assertEquals("Ordnungsmappe Ordonator, A4, 12 Fächer, schwarz", items.get(9).get(OciField.DESCRIPTION));
  }

  @Test
  void readsTheBackgroundSearchPageWithQuotesInValues() throws IOException {
    List<OciItem> items = OciCartParser.parse(onlyForm(SEARCH).fields());
    assertEquals(2, items.size());
    assertEquals("Apple MacBook Air 11\"", items.get(0).get(OciField.DESCRIPTION));
    assertEquals("Apple iMac 27\"", items.get(1).get(OciField.DESCRIPTION));
    assertEquals("Apple", items.get(0).get(OciField.VENDOR));
    assertEquals("NOTEBOOK", items.get(0).get(OciField.MATGROUP));
    assertEquals("Der elegante Desktop-Rechner von Apple.", items.get(1).get(OciField.LONGTEXT));
    assertEquals(0, new BigDecimal("1799").compareTo(items.get(1).decimal(OciField.PRICE)));
  }

  @Test
  void realWorldItemsSurviveOurRendererAndParser() throws IOException {
    assertSurvivesRoundTrip(OciCartParser.parse(onlyForm(REAL_WORLD).fields()));
  }

  @Test
  void backgroundSearchItemsSurviveOurRendererAndParser() throws IOException {
    assertSurvivesRoundTrip(OciCartParser.parse(onlyForm(SEARCH).fields()));
  }

  /** Renders the items (OCI 4.0, through the HTML page) and checks every value came back. */
  private static void assertSurvivesRoundTrip(List<OciItem> original) {
    Cart cart = new Cart("EUR", original.stream().map(OciConformanceTest::toLine).toList(), null, null);
    ReturnForm form = OciFixtures.form(session(passThrough()), cart);
    List<OciItem> again = OciCartParser.parse(OciHtmlForms.extract(ReturnFormPage.html(form)).getFirst().fields());

    assertEquals(original.size(), again.size());
    for (int i = 0; i < original.size(); i++) {
      OciItem before = original.get(i);
      OciItem after = again.get(i);
      assertEquals(i + 1, after.index());
      var afterFields = new java.util.LinkedHashSet<>(after.fields().keySet());
      if (!before.fields().containsKey(OciField.EXT_QUOTE_ID.name())) { // the cart id fills the free quotation field
        assertEquals("s-1", after.get(OciField.EXT_QUOTE_ID), "item " + (i + 1) + " names the cart");
        afterFields.remove(OciField.EXT_QUOTE_ID.name());
      }
      assertEquals(before.fields().keySet(), afterFields, "fields of item " + (i + 1));
      String description = before.get(OciField.DESCRIPTION);
      boolean cut = description.length() > OciField.DESCRIPTION.maxLength(OciVersion.V4_0);
      for (String name : before.fields().keySet()) {
        OciField field = OciField.byName(name).orElseThrow();
        String message = "item " + (i + 1) + " " + name;
        if (NUMBERS.contains(field)) {
          assertEquals(0, before.decimal(field).compareTo(after.decimal(field)), message);
        } else if (field == OciField.DESCRIPTION && cut) {
          assertEquals(description.substring(0, 40).stripTrailing(), after.get(field), message);
        } else if (field == OciField.LONGTEXT && cut) {
          assertEquals(description + "\n" + before.get(field), after.get(field), message);
        } else {
          assertEquals(before.get(name), after.get(name), message);
        }
      }
    }
  }

  /** The sample's fields the cart model has no place for travel as attributes. */
  private static Connection passThrough() {
    Map<String, String> mapping = new HashMap<>();
    for (OciField field : List.of(OciField.VENDOR, OciField.VENDORMAT, OciField.MATGROUP, OciField.EXT_PRODUCT_ID)) {
      mapping.put(field.target(), "cart:attributes." + field.name());
    }
    return connection(ConnectionFormat.OCI_4_0, mapping, Map.of(), null);
  }

  private static CartLine toLine(OciItem item) {
    Map<String, String> attributes = new HashMap<>();
    for (OciField field : List.of(OciField.VENDOR, OciField.VENDORMAT, OciField.MATGROUP, OciField.EXT_PRODUCT_ID)) {
      if (item.get(field) != null) {
        attributes.put(field.name(), item.get(field));
      }
    }
    BigDecimal leadTime = item.decimal(OciField.LEADTIME);
    return CartLine.builder()
        .description(item.get(OciField.DESCRIPTION))
        .longText(item.get(OciField.LONGTEXT))
        .quantity(item.decimal(OciField.QUANTITY))
        .unit(item.get(OciField.UNIT))
        .unitPrice(item.decimal(OciField.PRICE))
        .priceUnit(item.decimal(OciField.PRICEUNIT))
        .currency(item.get(OciField.CURRENCY))
        .leadTimeDays(leadTime == null ? null : leadTime.intValueExact())
        .manufacturerSku(item.get(OciField.MANUFACTMAT))
        .attributes(attributes)
        .build();
  }
}
