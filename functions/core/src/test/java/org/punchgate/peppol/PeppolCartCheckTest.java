package org.punchgate.peppol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the BIS cannot carry is refused before writing, with the rule, the line and the text. */
class PeppolCartCheckTest {

  private static final PeppolCartWriter WRITER = new PeppolCartWriter(PeppolFixtures.CLOCK);

  private static List<PeppolProblem> problems(PeppolCartFormat format, PeppolLine... lines) {
    return assertInstanceOf(PeppolCartWriter.Outcome.Refused.class,
        WRITER.write(PeppolFixtures.cart(List.of(lines)), format)).problems();
  }

  private static List<PeppolProblem> problems(PeppolLine... lines) {
    return problems(PeppolFixtures.FORMAT, lines);
  }

  private static PeppolProblem only(List<PeppolProblem> problems) {
    assertEquals(1, problems.size(), problems.toString());
    return problems.getFirst();
  }

  @Test
  void aLineWithoutTaxIsRefusedWhenTheConnectionHasNoDefault() {
    var problem = only(problems(PeppolFixtures.FORMAT.withDefaultTax(null), PeppolFixtures.line(1).build(),
        PeppolFixtures.line(2).tax(PeppolFixtures.VAT_25).build()));
    assertEquals(PeppolRule.TAX_CATEGORY_MISSING, problem.rule());
    assertEquals("1", problem.line());
    assertEquals("PUNCHGATE-T77-TAX line 1: the line has no VAT category and the connection has no default",
        problem.toString());
  }

  @Test
  void mixedCurrenciesAreRefusedOnTheLineThatDiffers() {
    var problem = only(problems(PeppolFixtures.line(1).build(), PeppolFixtures.line(2).price("5", "EUR").build()));
    assertEquals(PeppolRule.CURRENCY_MIXED, problem.rule());
    assertEquals("2", problem.line());
    assertEquals("all lines of a cart must be in one currency: EUR beside SEK", problem.text());
  }

  @Test
  void r002QuantityMustBePositive() {
    assertEquals(PeppolRule.QUANTITY_NOT_POSITIVE, only(problems(PeppolFixtures.line(1).quantity("0", "H87").build())).rule());
    var negative = only(problems(PeppolFixtures.line(1).quantity("-2", "H87").build()));
    assertEquals("PEPPOL-T77-R002", negative.rule().id());
    assertEquals("the quantity must be greater than zero: -2", negative.text());
  }

  @Test
  void r003PriceMustNotBeNegative() {
    assertEquals(PeppolRule.PRICE_NEGATIVE, only(problems(PeppolFixtures.line(1).price("-0.01", "SEK").build())).rule());
  }

  @Test
  void r004ItemNeedsASellersOrStandardId() {
    var noIds = PeppolFixtures.line(1).sellersId(null).manufacturersId("M-1").buyersId("B-1").build();
    assertEquals(PeppolRule.NO_SELLERS_OR_STANDARD_ID, only(problems(noIds)).rule());
    var gtinOnly = PeppolFixtures.line(1).sellersId(null).gtin(PeppolFixtures.gtin(1)).build();
    assertInstanceOf(PeppolCartWriter.Outcome.Written.class,
        WRITER.write(PeppolFixtures.cart(List.of(gtinOnly)), PeppolFixtures.FORMAT));
  }

  @Test
  void r005AtMostOneMainImage() {
    var line = PeppolFixtures.line(1)
        .attachment(new PeppolAttachment("a.jpg", "https://shop.example.se/a.jpg", true))
        .attachment(new PeppolAttachment("b.jpg", "https://shop.example.se/b.jpg", true)).build();
    var problem = only(problems(line));
    assertEquals(PeppolRule.MORE_THAN_ONE_MAIN_IMAGE, problem.rule());
    assertEquals("PEPPOL-T77-R005", problem.rule().id());
  }

  @Test
  void r008AndR009TaxRates() {
    assertEquals(PeppolRule.TAX_RATE_MISSING,
        only(problems(PeppolFixtures.line(1).tax(new PeppolTax(VatCategory.Z, null)).build())).rule());
    assertEquals(PeppolRule.STANDARD_RATE_NOT_POSITIVE,
        only(problems(PeppolFixtures.line(1).tax(PeppolTax.of(VatCategory.S, "0")).build())).rule());
    var outOfScope = PeppolFixtures.line(1).tax(new PeppolTax(VatCategory.O, null)).build();
    assertInstanceOf(PeppolCartWriter.Outcome.Written.class,
        WRITER.write(PeppolFixtures.cart(List.of(outOfScope)), PeppolFixtures.FORMAT), "O needs no rate");
  }

  @Test
  void cardinalitiesOfTheBis() {
    assertEquals(PeppolRule.NAME_MISSING, only(problems(PeppolLine.builder("1", " ").quantity("1", "H87")
        .price("1", "SEK").sellersId("S").build())).rule());
    assertEquals(PeppolRule.QUANTITY_MISSING, only(problems(PeppolLine.builder("1", "Penna").price("1", "SEK")
        .sellersId("S").build())).rule());
    assertEquals(PeppolRule.UNIT_CODE_INVALID, only(problems(PeppolFixtures.line(1).quantity("1", "st").build())).rule());
    assertEquals(PeppolRule.PRICE_MISSING, only(problems(PeppolFixtures.line(1).price(null).build())).rule());
    assertEquals(PeppolRule.BASE_QUANTITY_NOT_POSITIVE, only(problems(PeppolFixtures.line(1)
        .price(new PeppolPrice(BigDecimal.TEN, "SEK", BigDecimal.ZERO)).build())).rule());
    assertEquals(PeppolRule.LEAD_TIME_NEGATIVE, only(problems(PeppolFixtures.line(1).leadTimeDays(-1).build())).rule());
    assertEquals(PeppolRule.ATTACHMENT_INCOMPLETE, only(problems(PeppolFixtures.line(1)
        .attachment(new PeppolAttachment("a.pdf", " ", false)).build())).rule());
  }

  @Test
  void lineIdsAreRequiredAndUniqueAndAMissingIdIsNamedByPosition() {
    var problems = problems(PeppolFixtures.line(1).build(), PeppolFixtures.line(1).build(),
        PeppolLine.builder("", "Penna").quantity("1", "H87").price("1", "SEK").sellersId("S").build());
    assertEquals(List.of("PUNCHGATE-T77-LINE-ID-UNIQUE line 1", "PUNCHGATE-T77-LINE-ID line #3"),
        problems.stream().map(p -> p.rule().id() + " line " + p.line()).toList());
  }

  @Test
  void theHeaderNeedsAnIdPartiesWithNamesAndLines() {
    var cart = new PeppolCart(" ", false, PeppolParty.named(""), new PeppolParty(null, "123", null, null, "Köpare"),
        null, List.of());
    var problems = assertInstanceOf(PeppolCartWriter.Outcome.Refused.class, WRITER.write(cart, PeppolFixtures.FORMAT))
        .problems();
    assertEquals(List.of(PeppolRule.CART_ID_MISSING, PeppolRule.PARTY_NAME_MISSING, PeppolRule.ENDPOINT_SCHEME_MISSING,
        PeppolRule.NO_LINES), problems.stream().map(PeppolProblem::rule).toList());
    problems.forEach(p -> assertEquals(null, p.line(), "header problems name no line"));
  }

  @Test
  void everyProblemIsListedNotOnlyTheFirst() {
    var line = PeppolFixtures.line(1).quantity("0", "H87").price("-1", "SEK").sellersId(null)
        .tax(PeppolTax.of(VatCategory.S, "0")).build();
    assertEquals(List.of(PeppolRule.QUANTITY_NOT_POSITIVE, PeppolRule.PRICE_NEGATIVE,
        PeppolRule.NO_SELLERS_OR_STANDARD_ID, PeppolRule.STANDARD_RATE_NOT_POSITIVE),
        problems(line).stream().map(PeppolProblem::rule).toList());
  }

  @Test
  void ruleIdsAreUnique() {
    assertEquals(PeppolRule.values().length,
        Arrays.stream(PeppolRule.values()).map(PeppolRule::id).distinct().count());
  }
}
