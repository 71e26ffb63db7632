package org.punchgate.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

class CartJsonTest {

  @Test
  void readsExactDecimalsAndEveryDocumentedField() {
    var submission = CartJson.read(Json.parse("""
        {"currency":"EUR","shipping":"4.95","tax":19.0,"lines":[{"lineId":"p","sku":"KIT","description":"Kit",
         "quantity":1,"unit":"SET","unitPrice":0.1,"priceUnit":1},
         {"lineId":"c","parentLineId":"p","sku":"S-1","auxiliaryId":"aux <&> 1","description":"Screw","longText":"Long",
         "quantity":"100","unit":"PCE","unitPrice":"0.0125","priceUnit":"100","currency":"EUR","leadTimeDays":5,
         "manufacturer":"Acme","manufacturerSku":"A-1","buyerSku":"M-9","classification":{"scheme":"UNSPSC","code":"31161500"},
         "contract":"4600000001","contractItem":"10","quoteId":"Q-1","quoteItem":"2","attachmentUrl":"https://x/y.pdf",
         "attachmentTitle":"Sheet","service":false,"attributes":{"color":"red"}}]}
        """));
    assertTrue(submission.valid(), submission.violations().toString());
    Cart cart = submission.cart();
    assertEquals(new BigDecimal("0.1"), cart.lines().get(0).unitPrice());
    assertEquals(new BigDecimal("19.0"), cart.tax());
    CartLine child = cart.lines().get(1);
    assertEquals("p", child.parentLineId());
    assertEquals("aux <&> 1", child.auxiliaryId());
    assertEquals(new Classification("UNSPSC", "31161500"), child.classification());
    assertEquals("red", child.attributes().get("color"));
    assertEquals(new BigDecimal("0.0125"), child.extendedPrice(), "100 × 0.0125 per 100");
    assertEquals(new BigDecimal("0.10"), cart.itemTotal(), "children are priced inside their parent");
  }

  @Test
  void writesWhatItReads() {
    String json = "{\"currency\":\"EUR\",\"lines\":[{\"lineId\":\"1\",\"sku\":\"A\",\"description\":\"Ä\","
        + "\"quantity\":2.50,\"unit\":\"PCE\",\"unitPrice\":1.10,\"currency\":\"EUR\"}]}";
    Cart cart = CartJson.read(Json.parse(json)).cart();
    assertEquals(cart, CartJson.read(CartJson.write(cart)).cart());
    assertEquals(new BigDecimal("2.50"), cart.lines().get(0).quantity());
  }

  @Test
  void reportsDuplicateIdsUnknownParentsAndWrongTypes() {
    var submission = CartJson.read(Json.parse("""
        {"currency":"EURO","lines":[{"lineId":"1","description":"a","quantity":1,"unit":"PCE","unitPrice":1},
         {"lineId":"1","parentLineId":"9","description":"b","quantity":1,"unit":"PCE","unitPrice":1,"leadTimeDays":1.5},
         "not an object"]}
        """));
    assertEquals(java.util.List.of("currency", "lines[1].leadTimeDays", "lines[2]"),
        submission.violations().stream().map(v -> v.location()).toList());
  }

  @Test
  void theDocumentedSchemaNamesExactlyTheFieldsTheReaderKnows() throws Exception {
    try (var in = CartJsonTest.class.getResourceAsStream("/schema/cart.schema.json")) {
      var schema = Json.parse(in.readAllBytes());
      var documented = new java.util.TreeSet<String>();
      schema.at("/$defs/line/properties").fieldNames().forEachRemaining(documented::add);
      var known = new java.util.TreeSet<String>();
      known.add("attributes");
      for (Class<?> part : List.of(CartLine.Identity.class, CartLine.Pricing.class, CartLine.Category.class,
          CartLine.References.class)) {
        for (var component : part.getRecordComponents()) {
          known.add(component.getName());
        }
      }
      assertEquals(known, documented);
    }
  }

  @Test
  void eachViolationNamesItsStableRule() {
    var submission = CartJson.read(Json.parse("""
        {"currency":"EUR","lines":[{"description":"Drill","quantity":0,"unit":"PCE","unitPrice":"-1"}]}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertEquals(List.of("cart.line.quantity.positive", "cart.line.unitPrice.notNegative"),
        submission.violations().stream().map(org.punchgate.validation.Violation::rule).toList());
  }

  private static java.util.List<Violation> quantityProblems(String quantity) {
    return CartJson.read(Json.parse("{\"currency\":\"EUR\",\"lines\":[{\"description\":\"a\",\"quantity\":" + quantity
        + ",\"unit\":\"PCE\",\"unitPrice\":1}]}")).violations();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"\"1e4999999\"", "1e999999", "1E+2147483647", "\"1E+2147483647\"",
      "1234567890123456", "\"1234567890123456\"", "0.0000001", "\"0.1234567\"", "1e-2147483647", "\"12.5e1\""})
  void refusesAmountsBeyondFifteenIntegerDigitsAndSixDecimalsQuicklyAndWithoutEchoingThem(String quantity) {
    long start = System.nanoTime();
    var problems = quantityProblems(quantity);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("lines[0].quantity", problems.get(0).location());
    assertTrue(problems.get(0).message().contains("15"), problems.get(0).message());
    assertTrue(millis < 200, millis + " ms");
  }

  @Test
  void aHugeNumberStringIsRefusedWithoutBeingEchoed() {
    String digits = "9".repeat(200_000);
    long start = System.nanoTime();
    var problems = quantityProblems("\"" + digits + "\"");
    assertTrue((System.nanoTime() - start) / 1_000_000 < 200);
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).toString().length() < 200, problems.get(0).toString());
  }

  @Test
  void acceptsAmountsAtTheBounds() {
    assertEquals(java.util.List.of(), quantityProblems("999999999999999.999999"));
    assertEquals(java.util.List.of(), quantityProblems("\"999999999999999.999999\""));
    assertEquals(java.util.List.of(), quantityProblems("1E+3"));
  }

  @Test
  void theSchemaDocumentsTheBoundsTheReaderApplies() throws Exception {
    try (var in = CartJsonTest.class.getResourceAsStream("/schema/cart.schema.json")) {
      var decimal = Json.parse(in.readAllBytes()).at("/$defs/decimal");
      assertEquals(CartJson.MAX_INTEGER_DIGITS, decimal.at("/x-maxIntegerDigits").asInt());
      assertEquals(CartJson.MAX_DECIMALS, decimal.at("/x-maxDecimals").asInt());
      String pattern = decimal.at("/oneOf/1/pattern").asText();
      assertEquals("^-?[0-9]{1," + CartJson.MAX_INTEGER_DIGITS + "}(\\.[0-9]{1," + CartJson.MAX_DECIMALS + "})?$", pattern);
    }
  }

  private static java.util.List<Violation> problemsWith(String field, String jsonText) {
    String description = field.equals("description") ? "" : "\"description\":\"a\",";
    return CartJson.read(Json.parse("{\"currency\":\"EUR\",\"lines\":[{" + description + "\"quantity\":1,"
        + "\"unit\":\"PCE\",\"unitPrice\":1,\"" + field + "\":" + jsonText + "}]}")).violations();
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
      "sku|\"A\\u0000B\"", "sku|\"A\\u001bB\"", "description|\"x\\u0085y\"", "description|\"x\\u009fy\"",
      "description|\"line\\nbreak\"", "longText|\"bell\\u0007\"", "sku|\"\\ud800\"", "longText|\"x\\udc00y\"",
      "manufacturer|\"\\u007f\"", "auxiliaryId|\"x\\uffff\"", "sku|\"\\ufffe\""})
  void controlCharactersAndUnpairedSurrogatesAreRefusedNamingTheField(String field, String value) {
    var problems = problemsWith(field, value);
    assertEquals(java.util.List.of("lines[0]." + field), problems.stream().map(Violation::location).toList(), problems.toString());
  }

  @Test
  void attributesAreCheckedToo() {
    var problems = problemsWith("attributes", "{\"color\":\"red\\u0000\"}");
    assertEquals(java.util.List.of("lines[0].attributes.color"), problems.stream().map(Violation::location).toList());
  }

  @Test
  void longTextKeepsTabsAndLineBreaksAndEveryoneKeepsPairedSurrogates() {
    assertEquals(java.util.List.of(), problemsWith("longText", "\"a\\tb\\r\\nc\\nd 😀\""));
    assertEquals(java.util.List.of(), problemsWith("sku", "\"A-😀\""));
    assertEquals(java.util.List.of("lines[0].description"),
        problemsWith("description", "\"Tab\\there\"").stream().map(Violation::location).toList(), "only long text has tabs");
  }
}
