package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.oci.OciFixtures.cart;
import static org.punchgate.oci.OciFixtures.connection;
import static org.punchgate.oci.OciFixtures.fields;
import static org.punchgate.oci.OciFixtures.form;
import static org.punchgate.oci.OciFixtures.line;
import static org.punchgate.oci.OciFixtures.render;
import static org.punchgate.oci.OciFixtures.session;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.session.Session;
import org.punchgate.validation.Violation;
import org.punchgate.returnform.ReturnForm;

/** Each field's length and format rule, per OCI version, as the renderer applies it. */
class OciFieldRulesTest {

  /** A line that satisfies every conditional rule, so that only the field under test can fail. */
  private static CartLine complete() {
    return line("SKU-1").contract("C1", "1").quote("Q1", "1").classification("UNSPSC", "43211503").build();
  }

  private static Session mapped(ConnectionFormat format, OciField field, String source) {
    return session(connection(format, Map.of(field.target(), source), Map.of(), null));
  }

  static Stream<Arguments> codeFieldsPerVersion() {
    return Arrays.stream(OciField.values())
        .filter(f -> f.kind() == OciField.Kind.CODE && f != OciField.ITEM_TYPE)
        .flatMap(f -> Arrays.stream(OciVersion.values()).filter(f::isIn).map(v -> Arguments.of(f, v)));
  }

  @ParameterizedTest(name = "{0} in OCI {1}")
  @MethodSource("codeFieldsPerVersion")
  void codeFieldTakesItsLengthAndRejectsOneMoreWithoutCutting(OciField field, OciVersion version) {
    ConnectionFormat format = ConnectionFormat.valueOf("OCI_" + version.label().replace('.', '_'));
    int max = field.maxLength(version);
    String fits = "A".repeat(max);

    ReturnFormFields ok = new ReturnFormFields(form(mapped(format, field, "const:" + fits), cart(complete())));
    assertEquals(fits, ok.get(field.formName(1)));

    CartRenderer.Rendered tooLong = render(mapped(format, field, "const:" + fits + "B"), cart(complete()));
    assertFalse(tooLong.valid());
    Violation violation = tooLong.violations().getFirst();
    assertEquals("lines[0]", violation.location());
    assertTrue(violation.message().contains(field.target()), violation.message());
    assertTrue(violation.message().contains("at most " + max + " characters in OCI " + version.label()),
        violation.message());
    assertTrue(violation.message().contains("constant"), violation.message());
  }

  @Test
  void tooLongIdentifierFromTheCartNamesTheCartField() {
    Session session = session(ConnectionFormat.OCI_3_0);
    CartRenderer.Rendered rendered = render(session, cart(line("SKU-1").buyerSku("M".repeat(19)).build()));
    assertEquals(List.of(new Violation("oci.item.code.maxLength", "lines[0].buyerSku",
        "NEW_ITEM-MATNR allows at most 18 characters in OCI 3.0, got 19")), rendered.violations());

    Session v4 = session(ConnectionFormat.OCI_4_0);
    assertEquals("M".repeat(19), fields(form(v4, cart(line("SKU-1").buyerSku("M".repeat(19)).build())))
        .get("NEW_ITEM-MATNR[1]"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"DESCRIPTION, 40", "ATTACHMENT_TITLE, 255"})
  void textFieldIsCutToItsLength(OciField field, int max) {
    Session session = mapped(ConnectionFormat.OCI_5_0, field, "const:" + "x".repeat(max + 7));
    assertEquals("x".repeat(max), fields(form(session, cart(complete()))).get(field.formName(1)));
  }

  @Test
  void longTextHasNoLimit() {
    String text = "Lorem ipsum ".repeat(1000);
    Map<String, String> fields = fields(form(session(ConnectionFormat.OCI_4_0), cart(line("A").longText(text).build())));
    assertEquals(text, fields.get("NEW_ITEM-LONGTEXT_1:132[]"));
  }

  @ParameterizedTest(name = "{0} is sent as {1}")
  @CsvSource({
      "1, 1",
      "1.0, 1.0",
      "1.50, 1.50",
      "1.2500, 1.25",
      "0.001, 0.001",
      "00012.5, 12.5",
      "99999999999.999, 99999999999.999"})
  void quantityIsAPlainDecimal(String quantity, String sent) {
    Session session = mapped(ConnectionFormat.OCI_4_0, OciField.QUANTITY, "const:" + quantity);
    assertEquals(sent, fields(form(session, cart(complete()))).get("NEW_ITEM-QUANTITY[1]"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "1.2345, allows at most 3 decimals",
      "123456789012, allows at most 11 integer digits",
      "-1, must not be negative",
      "1'000, is not a number",
      "'1,5', is not a number",
      "1e3, is not a number"})
  void quantityOutsideTheFormatIsAViolation(String quantity, String rule) {
    Session session = mapped(ConnectionFormat.OCI_4_0, OciField.QUANTITY, "const:" + quantity);
    List<Violation> violations = render(session, cart(complete())).violations();
    assertEquals(1, violations.size(), violations::toString);
    assertTrue(violations.getFirst().message().startsWith("NEW_ITEM-QUANTITY " + rule), violations::toString);
  }

  @Test
  void quantityFromTheCartIsWrittenInPlainNotation() {
    CartLine thousand = line("A").quantity("1E+3").build();
    assertEquals("1000", fields(form(session(ConnectionFormat.OCI_4_0), cart(thousand))).get("NEW_ITEM-QUANTITY[1]"));
  }

  @Test
  void quantityFromTheCartWithTooManyDecimalsNamesTheCartField() {
    List<Violation> violations = render(session(ConnectionFormat.OCI_5_0),
        cart(line("A").quantity("0.0005").build())).violations();
    assertEquals(List.of(new Violation("oci.item.decimal", "lines[0].quantity", "NEW_ITEM-QUANTITY allows at most 3 decimals, got 0.0005")),
        violations);
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
      "PRICEUNIT, OCI_3_0, 123456789, ok",
      "PRICEUNIT, OCI_3_0, 1234567890, allows at most 9 digits in OCI 3.0",
      "PRICEUNIT, OCI_4_0, 12345, ok",
      "PRICEUNIT, OCI_4_0, 123456, allows at most 5 digits in OCI 4.0",
      "PRICEUNIT, OCI_5_0, 123456, allows at most 5 digits in OCI 5.0",
      "PRICEUNIT, OCI_4_0, 2.5, must be a whole number",
      "LEADTIME, OCI_4_0, 99999, ok",
      "LEADTIME, OCI_4_0, 100000, allows at most 5 digits in OCI 4.0",
      "LEADTIME, OCI_4_0, -3, must not be negative"})
  void integerFieldsTakeDigitsOnly(OciField field, ConnectionFormat format, String value, String rule) {
    CartRenderer.Rendered rendered = render(mapped(format, field, "const:" + value), cart(complete()));
    if (rule.equals("ok")) {
      assertEquals(value, fields(rendered.form()).get(field.formName(1)));
    } else {
      assertTrue(rendered.violations().getFirst().message().startsWith(field.target() + " " + rule),
          rendered.violations()::toString);
    }
  }

  @Test
  void priceUnitOneDotZeroIsSentAsOne() {
    assertEquals("1", fields(form(session(ConnectionFormat.OCI_4_0), cart(line("A").priceUnit("1.0").build())))
        .get("NEW_ITEM-PRICEUNIT[1]"));
  }

  @Test
  void serviceIsAFlag() {
    assertEquals("X", fields(form(session(ConnectionFormat.OCI_4_0), cart(line("A").service().build())))
        .get("NEW_ITEM-SERVICE[1]"));
    assertNull(fields(form(session(ConnectionFormat.OCI_4_0), cart(line("A").build()))).get("NEW_ITEM-SERVICE[1]"));
    List<Violation> violations = render(mapped(ConnectionFormat.OCI_4_0, OciField.SERVICE, "const:Y"),
        cart(complete())).violations();
    assertEquals("NEW_ITEM-SERVICE is X or empty, got Y (a constant of the connection's field mapping)",
        violations.getFirst().message());
  }

  @Test
  void fieldsAVersionLacksAreNotSent() {
    CartLine attached = line("A").attachment("https://shop.example.com/a.pdf", "Datasheet").build();
    Map<String, String> v30 = fields(form(mapped(ConnectionFormat.OCI_3_0, OciField.SLD_SYS_NAME, "const:SRM"),
        cart(attached)));
    assertFalse(v30.containsKey("NEW_ITEM-SLD_SYS_NAME[1]"));
    assertFalse(v30.containsKey("NEW_ITEM-ATTACHMENT[1]"));
    Map<String, String> v40 = fields(form(mapped(ConnectionFormat.OCI_4_0, OciField.SLD_SYS_NAME, "const:SRM"),
        cart(attached)));
    assertEquals("SRM", v40.get("NEW_ITEM-SLD_SYS_NAME[1]"));
    assertEquals("https://shop.example.com/a.pdf", v40.get("NEW_ITEM-ATTACHMENT[1]"));
    assertEquals("Datasheet", v40.get("NEW_ITEM-ATTACHMENT_TITLE[1]"));
  }

  /** Small wrapper so a parameterized test reads one field of a form. */
  private record ReturnFormFields(Map<String, String> fields) {
    ReturnFormFields(org.punchgate.returnform.ReturnForm form) {
      this(OciFixtures.fields(form));
    }

    String get(String name) {
      return fields.get(name);
    }
  }
}
