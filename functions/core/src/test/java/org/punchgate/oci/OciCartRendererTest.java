package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.oci.OciFixtures.HOOK_URL;
import static org.punchgate.oci.OciFixtures.cart;
import static org.punchgate.oci.OciFixtures.connection;
import static org.punchgate.oci.OciFixtures.fields;
import static org.punchgate.oci.OciFixtures.form;
import static org.punchgate.oci.OciFixtures.line;
import static org.punchgate.oci.OciFixtures.render;
import static org.punchgate.oci.OciFixtures.session;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.session.Session;
import org.punchgate.validation.Violation;

class OciCartRendererTest {

  private static final Cart ONE_LINE = cart(line("SKU-1").build());

  private static List<String> names(ReturnForm form) {
    return form.fields().stream().map(ReturnForm.Field::name).toList();
  }

  // --- return address, target, charset (SPECS §1.1)

  @Test
  void postsToAHookUrlWithoutQueryAsItIs() {
    ReturnForm form = form(session(ConnectionFormat.OCI_4_0), ONE_LINE);
    assertEquals(HOOK_URL, form.action());
    assertTrue(names(form).getFirst().startsWith("NEW_ITEM-"), names(form)::toString);
  }

  @Test
  void reEmitsTheHookUrlQueryAsDecodedHiddenFieldsFirst() {
    Session session = session(ConnectionFormat.OCI_4_0,
        OciCallUp.HOOK_URL, HOOK_URL + "?sap-client=100&sap-language=DE&x=a%20b%26c&y=%C3%A4+z");
    ReturnForm form = form(session, ONE_LINE);
    assertEquals(HOOK_URL, form.action());
    assertEquals(List.of(new ReturnForm.Field("sap-client", "100"), new ReturnForm.Field("sap-language", "DE"),
        new ReturnForm.Field("x", "a b&c"), new ReturnForm.Field("y", "ä z")), form.fields().subList(0, 4));
    assertEquals("NEW_ITEM-DESCRIPTION[1]", form.fields().get(4).name());
  }

  @Test
  void decodesTheHookUrlQueryInThePageCharset() {
    Session session = session(ConnectionFormat.OCI_4_0, OciCallUp.HOOK_URL, HOOK_URL + "?user=M%FCller",
        OciCallUp.HTTP_CONTENT_CHARSET, "iso-8859-1");
    assertEquals("Müller", fields(form(session, ONE_LINE)).get("user"));
  }

  @Test
  void missingReturnAddressIsAViolation() {
    assertEquals(List.of(new Violation("oci.session.hookUrl", "HOOK_URL", "the session has no return address")),
        render(session(ConnectionFormat.OCI_4_0, OciCallUp.HOOK_URL, null), ONE_LINE).violations());
  }

  @Test
  void targetIsReturntargetThenTildeTargetThenTopForOci3Only() {
    assertEquals("_parent", form(session(ConnectionFormat.OCI_4_0, OciCallUp.RETURN_TARGET, "_parent",
        OciCallUp.TARGET, "_top"), ONE_LINE).target());
    assertEquals("_self", form(session(ConnectionFormat.OCI_4_0, OciCallUp.TARGET, "_self"), ONE_LINE).target());
    assertEquals("frame1", form(session(ConnectionFormat.OCI_3_0, "~target", "frame1"), ONE_LINE).target());
    assertEquals("_top", form(session(ConnectionFormat.OCI_3_0), ONE_LINE).target());
    assertNull(form(session(ConnectionFormat.OCI_4_0), ONE_LINE).target());
    assertNull(form(session(ConnectionFormat.OCI_5_0), ONE_LINE).target());
  }

  @Test
  void charsetIsTheCallUpsElseUtf8() {
    assertEquals(StandardCharsets.UTF_8, form(session(ConnectionFormat.OCI_4_0), ONE_LINE).charset());
    assertEquals(StandardCharsets.ISO_8859_1, form(session(ConnectionFormat.OCI_4_0,
        OciCallUp.HTTP_CONTENT_CHARSET, "iso-8859-1"), ONE_LINE).charset());
    assertEquals(StandardCharsets.UTF_8, form(session(ConnectionFormat.OCI_4_0,
        OciCallUp.HTTP_CONTENT_CHARSET, "klingon-1"), ONE_LINE).charset());
    assertEquals(StandardCharsets.UTF_8, form(session(ConnectionFormat.OCI_4_0,
        OciCallUp.HTTP_CONTENT_CHARSET, "not a charset!"), ONE_LINE).charset());
  }

  @Test
  void textTheCharsetLacksIsSentInItsClosestForm() {
    Session latin1 = session(ConnectionFormat.OCI_4_0, OciCallUp.HTTP_CONTENT_CHARSET, "ISO-8859-1");
    Cart cart = cart(line("SKU-1").description("Łódź “Krawatte” – 5 €").longText("Größe 漢 ok").build());
    Map<String, String> fields = fields(form(latin1, cart));
    assertEquals("Lódz \"Krawatte\" - 5 EUR", fields.get("NEW_ITEM-DESCRIPTION[1]"));
    assertEquals("Größe ? ok", fields.get("NEW_ITEM-LONGTEXT_1:132[]"));

    Session ascii = session(ConnectionFormat.OCI_4_0, OciCallUp.HTTP_CONTENT_CHARSET, "US-ASCII");
    assertEquals("Grosse Strasse Cafe", fields(form(ascii, cart(line("A").description("Große Straße Café").build())))
        .get("NEW_ITEM-DESCRIPTION[1]"));
  }

  @Test
  void textInUtf8IsSentUnchanged() {
    Cart cart = cart(line("SKU-1").description("Łódź “Krawatte” – 5 € 漢").build());
    assertEquals("Łódź “Krawatte” – 5 € 漢", fields(form(session(ConnectionFormat.OCI_4_0), cart))
        .get("NEW_ITEM-DESCRIPTION[1]"));
  }

  @Test
  void identifierTheCharsetLacksIsAViolationNotAReplacement() {
    Session latin1 = session(ConnectionFormat.OCI_4_0, OciCallUp.HTTP_CONTENT_CHARSET, "iso-8859-1");
    List<Violation> violations = render(latin1, cart(line("ŁX-1").build())).violations();
    assertEquals(List.of(
        new Violation("oci.item.charset", "lines[0].sku", "NEW_ITEM-VENDORMAT has characters the buyer's charset ISO-8859-1 cannot carry"),
        new Violation("oci.item.charset", "lines[0].sku",
            "NEW_ITEM-EXT_PRODUCT_ID has characters the buyer's charset ISO-8859-1 cannot carry")), violations);
  }

  // --- OCI 3.0 fixed fields, cancel

  @Test
  void echoesTheOci3FixedFieldsThatCameInTheCallUp() {
    Session session = session(ConnectionFormat.OCI_3_0, OciCallUp.HOOK_URL, HOOK_URL + "?sap-client=100",
        OciCallUp.OK_CODE, "ADDI", OciCallUp.TARGET, "_top", OciCallUp.CALLER, "CTLG");
    ReturnForm form = form(session, ONE_LINE);
    assertEquals(List.of(new ReturnForm.Field("sap-client", "100"), new ReturnForm.Field("~OkCode", "ADDI"),
        new ReturnForm.Field("~TARGET", "_top"), new ReturnForm.Field("~CALLER", "CTLG")),
        form.fields().subList(0, 4));

    assertFalse(names(form(session(ConnectionFormat.OCI_3_0), ONE_LINE)).stream().anyMatch(n -> n.startsWith("~")));
  }

  @Test
  void cancelPostsAnEmptyFormBack() {
    Session session = session(ConnectionFormat.OCI_3_0, OciCallUp.HOOK_URL, HOOK_URL + "?sap-client=100",
        OciCallUp.OK_CODE, "ADDI");
    var rendered = new OciCartRenderer().render(session, ONE_LINE, true);
    assertTrue(rendered.valid());
    assertEquals(List.of("sap-client", "~OkCode"), names(rendered.form()));
    assertEquals(ReturnForm.Submit.AUTOMATIC, rendered.form().submit());
    assertEquals(HOOK_URL, rendered.form().action());
  }

  @Test
  void emptyCartPostsAnEmptyFormToo() {
    assertEquals(List.of(), form(session(ConnectionFormat.OCI_4_0), Cart.empty("EUR")).fields());
  }

  // --- items

  @Test
  void theCartIdFillsTheFreeQuotationFieldButNeverALinesOwnQuotation() {
    Session session = session(ConnectionFormat.OCI_4_0);
    ReturnForm form = form(session, cart(line("A").build(), line("B").quote("Q-2026-17", "10").build()));
    var fields = form.fields().stream().collect(java.util.stream.Collectors.toMap(ReturnForm.Field::name,
        ReturnForm.Field::value));
    assertEquals(session.cartId(), fields.get("NEW_ITEM-EXT_QUOTE_ID[1]"), "what the order ping names");
    assertEquals("Q-2026-17", fields.get("NEW_ITEM-EXT_QUOTE_ID[2]"));
  }

  @Test
  void numbersItemsFromOneInCartOrderWithFieldsInSpecOrder() {
    ReturnForm form = form(session(ConnectionFormat.OCI_4_0), cart(line("A").build(), line("B").build()));
    assertEquals(List.of(
        "NEW_ITEM-DESCRIPTION[1]", "NEW_ITEM-QUANTITY[1]", "NEW_ITEM-UNIT[1]", "NEW_ITEM-PRICE[1]",
        "NEW_ITEM-CURRENCY[1]", "NEW_ITEM-VENDORMAT[1]", "NEW_ITEM-EXT_QUOTE_ID[1]", "NEW_ITEM-EXT_PRODUCT_ID[1]",
        "NEW_ITEM-DESCRIPTION[2]", "NEW_ITEM-QUANTITY[2]", "NEW_ITEM-UNIT[2]", "NEW_ITEM-PRICE[2]",
        "NEW_ITEM-CURRENCY[2]", "NEW_ITEM-VENDORMAT[2]", "NEW_ITEM-EXT_QUOTE_ID[2]", "NEW_ITEM-EXT_PRODUCT_ID[2]"), names(form));
    assertEquals("Item B", fields(form).get("NEW_ITEM-DESCRIPTION[2]"));
  }

  @Test
  void longDescriptionIsCutAndGivenInFullAtTheStartOfTheLongText() {
    String description = "Schraubendreher-Satz, 12-teilig, mit Ständer und Bits";
    Map<String, String> fields = fields(form(session(ConnectionFormat.OCI_4_0),
        cart(line("A").description(description).longText("Chrom-Vanadium.").build())));
    assertEquals("Schraubendreher-Satz, 12-teilig, mit Stä", fields.get("NEW_ITEM-DESCRIPTION[1]"));
    assertEquals(40, fields.get("NEW_ITEM-DESCRIPTION[1]").length());
    assertEquals(description + "\nChrom-Vanadium.", fields.get("NEW_ITEM-LONGTEXT_1:132[]"));

    Map<String, String> without = fields(form(session(ConnectionFormat.OCI_4_0),
        cart(line("A").description(description).build())));
    assertEquals(description, without.get("NEW_ITEM-LONGTEXT_1:132[]"));
  }

  @Test
  void cutNeverSplitsASurrogatePairOrAnAccentFromItsLetter() {
    String emoji = "a".repeat(39) + "\uD83D\uDE00" + "tail";
    assertEquals("a".repeat(39), fields(form(session(ConnectionFormat.OCI_4_0),
        cart(line("A").description(emoji).build()))).get("NEW_ITEM-DESCRIPTION[1]"));

    String combining = "b".repeat(39) + "e\u0301" + "tail";
    assertEquals("b".repeat(39), fields(form(session(ConnectionFormat.OCI_4_0),
        cart(line("A").description(combining).build()))).get("NEW_ITEM-DESCRIPTION[1]"));
  }

  @Test
  void descriptionIsNotCopiedToLongTextWhenTheConnectionMapsLongTextToNothing() {
    Session session = session(connection(ConnectionFormat.OCI_4_0, Map.of("NEW_ITEM-LONGTEXT", "none"), Map.of(), null));
    Map<String, String> fields = fields(form(session, cart(line("A").description("d".repeat(50)).build())));
    assertEquals("d".repeat(40), fields.get("NEW_ITEM-DESCRIPTION[1]"));
    assertFalse(fields.containsKey("NEW_ITEM-LONGTEXT_1:132[]"));
  }

  // --- prices

  @Test
  void priceWithMoreThanThreeDecimalsIsExpressedExactlyThroughPriceUnit() {
    Map<String, String> fields = fields(form(session(ConnectionFormat.OCI_4_0),
        cart(line("A").price("0.0125").build())));
    assertEquals("1.25", fields.get("NEW_ITEM-PRICE[1]"));
    assertEquals("100", fields.get("NEW_ITEM-PRICEUNIT[1]"));

    Map<String, String> per10 = fields(form(session(ConnectionFormat.OCI_4_0),
        cart(line("A").price("0.12345").priceUnit("10").build())));
    assertEquals("123.45", per10.get("NEW_ITEM-PRICE[1]"), "a scaled price keeps the 2 decimals of an amount");
    assertEquals("10000", per10.get("NEW_ITEM-PRICEUNIT[1]"));
  }

  @Test
  void priceWithThreeDecimalsIsSentAsItIs() {
    Map<String, String> fields = fields(form(session(ConnectionFormat.OCI_4_0), cart(line("A").price("1730.900").build())));
    assertEquals("1730.900", fields.get("NEW_ITEM-PRICE[1]"));
    assertFalse(fields.containsKey("NEW_ITEM-PRICEUNIT[1]"));
  }

  @Test
  void priceUnitThatWouldOutgrowItsFieldIsAViolation() {
    var line = line("A").price("0.0000001").build();
    assertEquals(List.of(new Violation("oci.item.integer", "lines[0].unitPrice", "NEW_ITEM-PRICEUNIT allows at most 5 digits in OCI 4.0, "
        + "got 100000 (raised so that the unit price 0.0000001 is exact)")),
        render(session(ConnectionFormat.OCI_4_0), cart(line)).violations());
    Map<String, String> v30 = fields(form(session(ConnectionFormat.OCI_3_0), cart(line)));
    assertEquals("0.01", v30.get("NEW_ITEM-PRICE[1]"));
    assertEquals("100000", v30.get("NEW_ITEM-PRICEUNIT[1]"));
  }

  @Test
  void priceWithTooManyDecimalsIsAViolationWhenPriceUnitIsNotMapped() {
    Session session = session(connection(ConnectionFormat.OCI_4_0, Map.of("NEW_ITEM-PRICEUNIT", "none"), Map.of(), null));
    assertEquals(List.of(new Violation("oci.item.price.digits", "lines[0].unitPrice", "NEW_ITEM-PRICE allows at most 3 decimals, got 0.0125, "
        + "and NEW_ITEM-PRICEUNIT cannot carry the rest")),
        render(session, cart(line("A").price("0.0125").build())).violations());
  }

  // --- presence rules (SPECS §1.3)

  @Test
  void currencyComesFromTheCartWhenTheLineHasNone() {
    assertEquals("EUR", fields(form(session(ConnectionFormat.OCI_4_0), cart(line("A").currency(null).build())))
        .get("NEW_ITEM-CURRENCY[1]"));
    Cart noCurrency = new Cart(null, List.of(line("A").currency(null).build()), null, null);
    assertEquals(List.of(new Violation("oci.item.currency.required", "lines[0].currency", "NEW_ITEM-CURRENCY is required with NEW_ITEM-PRICE")),
        render(session(ConnectionFormat.OCI_4_0), noCurrency).violations());
  }

  @Test
  void unitIsRequiredOnlyWithoutMaterialNumber() {
    assertEquals(List.of(new Violation("oci.item.unit.required", "lines[0].unit", "NEW_ITEM-UNIT is required when NEW_ITEM-MATNR is empty")),
        render(session(ConnectionFormat.OCI_4_0), cart(line("A").unit(null).build())).violations());
    assertTrue(render(session(ConnectionFormat.OCI_4_0), cart(line("A").unit(null).buyerSku("4711").build())).valid());
  }

  @Test
  void quantityAndDescriptionOrMaterialNumberAreRequired() {
    assertEquals(List.of(new Violation("oci.item.quantity.required", "lines[0].quantity", "NEW_ITEM-QUANTITY is required")),
        render(session(ConnectionFormat.OCI_4_0), cart(line("A").quantity(null).build())).violations());
    assertEquals(List.of(new Violation("oci.item.description.required", "lines[0].description", "NEW_ITEM-DESCRIPTION or NEW_ITEM-MATNR is required")),
        render(session(ConnectionFormat.OCI_4_0), cart(line("A").description(null).build())).violations());
    assertTrue(render(session(ConnectionFormat.OCI_4_0), cart(line("A").description(null).buyerSku("4711").build()))
        .valid());
  }

  @Test
  void categoryNeedsItsSchemaTypeAndItemsNeedTheirHeader() {
    Session category = session(connection(ConnectionFormat.OCI_4_0, Map.of("NEW_ITEM-EXT_CATEGORY", "const:43211503"),
        Map.of(), null));
    assertEquals(List.of(new Violation("oci.item.ext_schema_type.required", "lines[0].classification.scheme",
        "NEW_ITEM-EXT_SCHEMA_TYPE is required with a category (NEW_ITEM-EXT_CATEGORY_ID, NEW_ITEM-EXT_CATEGORY)")),
        render(category, ONE_LINE).violations());
    assertEquals(List.of(
        new Violation("oci.item.contract.required", "lines[0].contract", "NEW_ITEM-CONTRACT is required with NEW_ITEM-CONTRACT_ITEM"),
        new Violation("oci.item.ext_quote_id.required", "lines[0].quoteId", "NEW_ITEM-EXT_QUOTE_ID is required with NEW_ITEM-EXT_QUOTE_ITEM")),
        render(session(ConnectionFormat.OCI_4_0), cart(line("A").contract(null, "1").quote(null, "2").build()))
            .violations().stream().sorted(java.util.Comparator.comparing(Violation::message)).toList());
  }

  @Test
  void reportsTheViolationsOfEveryLine() {
    Cart cart = cart(line("A").quantity("-1").build(), line("B").build(), line("C").buyerSku("M".repeat(41)).build());
    assertEquals(List.of("lines[0].quantity", "lines[2].buyerSku"),
        render(session(ConnectionFormat.OCI_4_0), cart).violations().stream().map(Violation::location).toList());
  }

  @Test
  void aReturnUrlQueryCannotSmuggleFieldsTheGatewayWrites() {
    Session session = session(ConnectionFormat.OCI_4_0, OciCallUp.HOOK_URL, HOOK_URL
            + "?sap-client=100&NEW_ITEM-PRICE[1]=0.01&new_item-quantity[1]=999&~OkCode=EVIL",
        OciCallUp.OK_CODE, "ADDI");
    ReturnForm form = form(session, ONE_LINE);
    List<String> names = names(form);
    assertEquals(1, names.stream().filter(n -> n.equalsIgnoreCase("NEW_ITEM-PRICE[1]")).count(), names.toString());
    assertEquals(1, names.stream().filter(n -> n.equalsIgnoreCase("NEW_ITEM-QUANTITY[1]")).count(), names.toString());
    assertEquals(1, names.stream().filter(n -> n.equalsIgnoreCase("~OkCode")).count(), names.toString());
    assertEquals("ADDI", fields(form).get("~OkCode"), "the gateway's own echo field wins");
    assertFalse(fields(form).get("NEW_ITEM-PRICE[1]").equals("0.01"));
    assertEquals(new ReturnForm.Field("sap-client", "100"), form.fields().get(0), "other query fields stay");
  }

  @Test
  void anSapItsReturnUrlKeepsTheTildeFieldsTheCallUpDoesNotRepeat() {
    Session session = session(ConnectionFormat.OCI_4_0, OciCallUp.HOOK_URL, HOOK_URL + "?~OkCode=ADDI&~caller=CTLG");
    assertEquals(List.of("~OkCode", "~caller"), names(form(session, ONE_LINE)).subList(0, 2));
  }
}
