package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.json.Json;
import org.punchgate.order.ErpOrderSchema;
import org.punchgate.order.OrderId;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * PunchIn end to end through the local runner over HTTP, as a buyer's system and a person at the buyer simulator
 * meet it: an order sent from the simulator's PunchIn mode is answered in the sender's language and arrives once on
 * the orders queue and on the ERP page with its findings; a changed price comes out as the demo connection's policy
 * says; BIS 28A and cXML orders from their demo connections; and RoundTrip: an order that references a transferred
 * punchout cart and the order ping for that cart make one order, whichever arrives first.
 */
@ExtendWith(LocalRunnerExtension.class)
class PunchInEndToEndIT {

  private static final Pattern ANSWER_CODE = Pattern.compile("id=\"answer-code\" data-code=\"([^\"]*)\"");
  private static final Pattern ERP_ORDER_ID = Pattern.compile("<code id=\"erp-order-id\">([^<]+)</code>");
  private static final Pattern ANSWER_LINE = Pattern.compile("class=\"answer-line\" data-line=\"([^\"]*)\" data-code=\"([^\"]*)\"");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private LocalRunner runner;

  @BeforeEach
  void runner(LocalRunner runner) {
    this.runner = runner;
  }

  @Test
  void theSimulatorsStartPageLeadsToThePunchInModeWhichOffersEveryDemoOrderWithItsLines() throws Exception {
    var start = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/buyer/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(start.body().contains("id=\"punchin-mode\" href=\"" + PunchInBuyer.BASE + "/\""), start.body());
    var page = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(PunchInBuyer.BASE + "/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    for (String file : DemoOrders.FILES) {
      assertTrue(page.body().contains(file), file);
    }
    assertTrue(page.body().contains("<option value=\"demo-punchin\" selected>"), "UBL orders go to demo-punchin");
    assertTrue(page.body().contains("name=\"price.2\" size=\"8\" value=\"5.4\""), page.body());
    var cxml = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(PunchInBuyer.BASE
        + "/?order=cxml-orderrequest.xml")).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(cxml.body().contains("<option value=\"demo-cxml\" selected>"), cxml.body());
    assertTrue(cxml.body().contains("<option value=\"demo-cxml-coupa\">"), "the other cXML connection too");
    assertFalse(cxml.body().contains("value=\"demo-punchin\""), "no Basic connection for a cXML order");
  }

  /** A fresh order number per test run: the runner's tables outlive one test. */
  private static String orderNumber(String prefix) {
    return prefix + "-" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
  }

  /** Sends a demo order through the simulator's PunchIn mode, as a person would with the form; answers the page. */
  private String sendFromSimulator(String file, String connection, String orderNumber, Map<String, String> changes)
      throws Exception {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("order", file);
    form.put("connection", connection);
    form.put("orderNumber", orderNumber);
    form.put("payloadId", orderNumber + "@e2e.punchgate.local");
    form.putAll(changes);
    String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    var page = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(PunchInBuyer.BASE + "/send"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("HTTP <span id=\"http-status\">200</span>"), "never a 5xx, a refusal is 200 too: "
        + page.body());
    return page.body();
  }

  private static String group(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    assertTrue(m.find(), pattern + " in " + text);
    return m.group(1);
  }

  private static Map<String, String> lineCodes(String page) {
    Map<String, String> codes = new LinkedHashMap<>();
    Matcher m = ANSWER_LINE.matcher(page);
    while (m.find()) {
      codes.put(m.group(1), m.group(2));
    }
    return codes;
  }

  /** Every message on the orders queue for this order id (others' messages go back to the queue untouched). */
  private List<Message> messagesFor(OrderId orderId) {
    return QueuedOrders.take(runner, orderId);
  }

  /** The one ERP message of an order, checked against the ERP message schema. */
  private JsonNode oneMessage(OrderId orderId) {
    List<Message> messages = messagesFor(orderId);
    assertEquals(1, messages.size(), "exactly one message for " + orderId);
    byte[] body = messages.get(0).body().getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), ErpOrderSchema.errors(body));
    return Json.parse(body);
  }

  private String erpPage() throws Exception {
    var erp = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/erp/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, erp.statusCode());
    return erp.body();
  }

  /** The section of the ERP page for one order. */
  private String erpSection(String orderId) throws Exception {
    String page = erpPage();
    int start = page.indexOf("data-order-id=\"" + orderId + "\"");
    assertTrue(start >= 0, "the ERP page lists " + orderId);
    int end = page.indexOf("</section>", start);
    return page.substring(start, end);
  }

  /** The demo connection's policy for a rule, as the demo data sets it (README "PunchIn"); the default else. */
  private static String demoPolicy(String connectionId, String ruleId, String defaultPolicy) throws Exception {
    try (InputStream in = PunchInEndToEndIT.class.getResourceAsStream("/demo/connections.json")) {
      for (JsonNode c : Json.parse(in.readAllBytes()).path("connections")) {
        if (c.path("id").asText().equals(connectionId)) {
          return c.path("punchIn").path("policies").path(ruleId).asText(defaultPolicy);
        }
      }
    }
    throw new AssertionError("no demo connection " + connectionId);
  }

  @Test
  void aUblOrderSentFromTheSimulatorIsAcceptedAndArrivesOnceOnTheQueueAndTheErpPage() throws Exception {
    String number = orderNumber("KN-PO");
    String page = sendFromSimulator("bis3-order.xml", "demo-punchin", number, Map.of());

    assertEquals("AP", group(ANSWER_CODE, page), page);
    String orderId = group(ERP_ORDER_ID, page);
    JsonNode message = oneMessage(new OrderId(orderId));
    assertEquals("peppol-order", message.get("source").asText());
    assertEquals(number, message.get("externalOrderNumber").asText());
    assertEquals("demo-punchin", message.get("connectionId").asText());
    assertEquals(3, message.get("lines").size());
    assertEquals(0, message.get("findings").size(), "at the catalog's prices nothing is flagged");

    String section = erpSection(orderId);
    assertTrue(section.contains("<code class=\"source\">peppol-order</code>"), section);
    assertTrue(section.contains("<b class=\"external-order-number\">" + number + "</b>"), section);

    String again = sendFromSimulator("bis3-order.xml", "demo-punchin", number, Map.of());
    assertEquals("AP", group(ANSWER_CODE, again), "the same document again: the original answer");
    assertEquals(List.of(), messagesFor(new OrderId(orderId)), "and nothing new on the queue");
  }

  @Test
  void aChangedPriceIsCorrectedOrFlaggedAsTheDemoPolicySaysAndTheErpPageShowsTheFinding() throws Exception {
    String policy = demoPolicy("demo-punchin", "PUNCHIN-PRICE", "accept-and-flag");
    String page = sendFromSimulator("bis3-order.xml", "demo-punchin", orderNumber("KN-PRICE"),
        Map.of("price.2", "6.40"));

    String orderId = group(ERP_ORDER_ID, page);
    JsonNode message = oneMessage(new OrderId(orderId));
    JsonNode finding = message.get("findings").get(0);
    assertEquals("PUNCHIN-PRICE", finding.get("ruleId").asText(), message.toString());
    assertEquals("2", finding.get("lineId").asText());
    JsonNode screws = message.get("lines").get(1);
    assertEquals("SCR-4X40-TX", screws.get("sku").asText());
    switch (policy) {
      case "accept-with-changes" -> {
        assertEquals("CA", group(ANSWER_CODE, page), page);
        assertEquals(Map.of("1", "5", "2", "3", "3", "5"), lineCodes(page), "line 2 changed, the others accepted");
        assertTrue(page.contains("<td>5.4 per 100</td>"), "the customer's price in the answer: " + page);
        assertEquals("info", finding.get("severity").asText());
        assertEquals(0, new java.math.BigDecimal("5.40").compareTo(new java.math.BigDecimal(screws.get("unitPrice").asText())),
            "the ERP gets the corrected price");
      }
      case "accept-and-flag" -> {
        assertEquals("AP", group(ANSWER_CODE, page), page);
        assertEquals("warning", finding.get("severity").asText());
        assertEquals(0, new java.math.BigDecimal("6.40").compareTo(new java.math.BigDecimal(screws.get("unitPrice").asText())),
            "accepted as ordered, flagged for a person");
      }
      default -> throw new AssertionError("the demo policy for PUNCHIN-PRICE is " + policy);
    }
    assertTrue(page.contains("data-rule=\"PUNCHIN-PRICE\""), "the simulator shows the finding with its rule id");
    assertTrue(erpSection(orderId).contains("data-rule=\"PUNCHIN-PRICE\""), "and so does the ERP page");
  }

  @Test
  void aSveOrderBis28aOrderIsAnsweredWithUncl1225Codes() throws Exception {
    String number = orderNumber("RN");
    String page = sendFromSimulator("bis28a-order.xml", "demo-punchin", number, Map.of());

    assertEquals("29", group(ANSWER_CODE, page), page);
    assertEquals(Map.of("1", "29", "2", "29", "3", "29"), lineCodes(page), "BIS 28A codes every line");
    JsonNode message = oneMessage(new OrderId(group(ERP_ORDER_ID, page)));
    assertEquals("bis28a-order", message.get("source").asText());
    assertEquals(number, message.get("externalOrderNumber").asText());
  }

  @Test
  void aCxmlOrderRequestFromTheDemoCxmlConnectionIsAcceptedWithStatus200() throws Exception {
    String number = orderNumber("ACME-PO");
    String page = sendFromSimulator("cxml-orderrequest.xml", "demo-cxml", number, Map.of("quantity.1", "3"));

    assertEquals("200", group(ANSWER_CODE, page), page);
    JsonNode message = oneMessage(new OrderId(group(ERP_ORDER_ID, page)));
    assertEquals("cxml-order", message.get("source").asText());
    assertEquals(number, message.get("externalOrderNumber").asText());
    assertEquals("demo-cxml", message.get("connectionId").asText());
    assertEquals(0, new java.math.BigDecimal("3").compareTo(new java.math.BigDecimal(
        message.get("lines").get(0).get("quantity").asText())), message.toString());
  }

  @Test
  void anOrderFromABuyerTheShopDoesNotKnowIsRefusedInTheSendersLanguageAndMakesNoOrder() throws Exception {
    String ubl = sendFromSimulator("bis3-order.xml", "demo-punchin", orderNumber("X"), Map.of("buyer", "unknown"));
    assertEquals("RE", group(ANSWER_CODE, ubl), ubl);
    assertTrue(ubl.contains("id=\"no-erp-order\""), ubl);

    String cxml = sendFromSimulator("cxml-orderrequest.xml", "demo-cxml", orderNumber("X"), Map.of("buyer", "unknown"));
    assertFalse(group(ANSWER_CODE, cxml).startsWith("2"), "a cXML error Status: " + cxml);
    assertTrue(cxml.contains("id=\"no-erp-order\""), cxml);
  }

  // --- RoundTrip: a punchout cart, then the order that references it and the ping, in both orders ---

  private static final String CART = """
      {"currency":"EUR","lines":[
        {"lineId":"1","sku":"DRL-18V-KIT","description":"Cordless drill driver 18 V, kit in case","quantity":2,
         "unit":"EA","unitPrice":"189.00"},
        {"lineId":"2","sku":"SCR-4X40-TX","description":"Chipboard screw 4 x 40 mm","quantity":500,"unit":"EA",
         "unitPrice":"6.90","priceUnit":100}]}
      """;

  /**
   * Punches out on demo-peppol (Proceedo's posted login; its UBL orders come over HTTP Basic with the same
   * credentials), transfers the cart, and answers the cart id (the punchout Catalogue's ID).
   */
  private String punchOutAndTransfer() throws Exception {
    String login = "USERNAME=demo-peppol&PASSWORD=demo-peppol-pass&RETURN_URL="
        + URLEncoder.encode(runner.baseUrl() + "/buyer/peppol/return", StandardCharsets.UTF_8);
    var redirect = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/peppol/demo-peppol"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(login))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, redirect.statusCode(), redirect.body());
    String location = redirect.headers().firstValue("location").orElseThrow();
    String token = URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + 15),
        StandardCharsets.US_ASCII);
    String sessionId = Json.parse(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sid").asText();
    var cart = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/sessions/" + sessionId + "/cart"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(CART)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, cart.statusCode(), cart.body());
    return Json.parse(cart.body()).get("cartId").asText();
  }

  /**
   * Region Nordby's BIS 3 order for the cart's lines at the list prices (its group has none of its own), naming the
   * cart in CatalogueReference (the punchout Catalogue's ID).
   */
  private static String orderFor(String cartId, String number) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"
               xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
               xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:order:3</cbc:CustomizationID>
          <cbc:ProfileID>urn:fdc:peppol.eu:poacc:bis:ordering:3</cbc:ProfileID>
          <cbc:ID>%2$s</cbc:ID>
          <cbc:IssueDate>2026-12-01</cbc:IssueDate>
          <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
          <cac:CatalogueReference><cbc:ID>%1$s</cbc:ID></cac:CatalogueReference>
          <cac:BuyerCustomerParty><cac:Party>
            <cbc:EndpointID schemeID="0007">2120001231</cbc:EndpointID>
            <cac:PartyLegalEntity><cbc:RegistrationName>Region Nordby</cbc:RegistrationName></cac:PartyLegalEntity>
          </cac:Party></cac:BuyerCustomerParty>
          <cac:SellerSupplierParty><cac:Party>
            <cbc:EndpointID schemeID="0088">7300010000025</cbc:EndpointID>
            <cac:PostalAddress><cac:Country><cbc:IdentificationCode>DE</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
            <cac:PartyLegalEntity><cbc:RegistrationName>Demo Shop AG</cbc:RegistrationName></cac:PartyLegalEntity>
          </cac:Party></cac:SellerSupplierParty>
          <cac:AnticipatedMonetaryTotal>
            <cbc:LineExtensionAmount currencyID="EUR">412.50</cbc:LineExtensionAmount>
            <cbc:PayableAmount currencyID="EUR">412.50</cbc:PayableAmount>
          </cac:AnticipatedMonetaryTotal>
          <cac:OrderLine><cac:LineItem>
            <cbc:ID>1</cbc:ID><cbc:Quantity unitCode="EA">2</cbc:Quantity>
            <cbc:LineExtensionAmount currencyID="EUR">378.00</cbc:LineExtensionAmount>
            <cac:Price><cbc:PriceAmount currencyID="EUR">189.00</cbc:PriceAmount></cac:Price>
            <cac:Item><cbc:Name>Cordless drill driver 18 V, kit in case</cbc:Name>
              <cac:SellersItemIdentification><cbc:ID>DRL-18V-KIT</cbc:ID></cac:SellersItemIdentification></cac:Item>
          </cac:LineItem></cac:OrderLine>
          <cac:OrderLine><cac:LineItem>
            <cbc:ID>2</cbc:ID><cbc:Quantity unitCode="EA">500</cbc:Quantity>
            <cbc:LineExtensionAmount currencyID="EUR">34.50</cbc:LineExtensionAmount>
            <cac:Price><cbc:PriceAmount currencyID="EUR">6.90</cbc:PriceAmount>
              <cbc:BaseQuantity unitCode="EA">100</cbc:BaseQuantity></cac:Price>
            <cac:Item><cbc:Name>Chipboard screw 4 x 40 mm</cbc:Name>
              <cac:SellersItemIdentification><cbc:ID>SCR-4X40-TX</cbc:ID></cac:SellersItemIdentification></cac:Item>
          </cac:LineItem></cac:OrderLine>
        </Order>
        """.formatted(cartId, number);
  }

  private HttpResponse<String> postOrder(String document) throws Exception {
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(PunchInBuyer.ROUTE))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "demo-peppol:demo-peppol-pass".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString(document)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> ping(String cartId, String number) throws Exception {
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/orders/ping"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "demo-peppol:demo-peppol-pass".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("cartId=" + URLEncoder.encode(cartId, StandardCharsets.UTF_8)
            + "&orderNumber=" + number)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String responseCode(HttpResponse<String> answer) {
    Matcher m = Pattern.compile("<cbc:OrderResponseCode[^>]*>([^<]+)</cbc:OrderResponseCode>").matcher(answer.body());
    assertTrue(m.find(), answer.body());
    return m.group(1);
  }

  @Test
  void roundTripOrderFirstThenPingMakesExactlyOneOrder() throws Exception {
    String cartId = punchOutAndTransfer();
    String number = orderNumber("KN-RT");

    var order = postOrder(orderFor(cartId, number));
    assertEquals(200, order.statusCode(), order.body());
    assertEquals("AP", responseCode(order));
    var ping = ping(cartId, number);
    assertEquals(200, ping.statusCode(), ping.body());
    assertEquals(OrderId.forCart(cartId).value(), Json.parse(ping.body()).get("orderId").asText(),
        "the ping finds the order the document made");

    JsonNode message = oneMessage(OrderId.forCart(cartId));
    assertEquals(cartId, message.get("punchout").get("cartId").asText(), "the order completes the cart");
    assertEquals(number, message.get("externalOrderNumber").asText());
  }

  @Test
  void roundTripPingFirstThenOrderMakesExactlyOneOrder() throws Exception {
    String cartId = punchOutAndTransfer();
    String number = orderNumber("KN-RT");

    var ping = ping(cartId, number);
    assertEquals(200, ping.statusCode(), ping.body());
    assertEquals(OrderId.forCart(cartId).value(), Json.parse(ping.body()).get("orderId").asText());
    var order = postOrder(orderFor(cartId, number));
    assertEquals(200, order.statusCode(), order.body());
    assertTrue(List.of("AP", "CA").contains(responseCode(order)), "the order is taken, not refused: " + order.body());

    JsonNode message = oneMessage(OrderId.forCart(cartId));
    assertEquals("punchout-ping", message.get("source").asText(), "the ping's order, not a second one");
  }
}
