package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.aws.DynamoDbPunchInMappings;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.json.Json;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.ordercompletion.OrderCompletionFunction;
import org.punchgate.punchin.PunchInJson;
import org.punchgate.punchinimport.PunchInImportFunction;
import org.punchgate.security.RandomIds;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The PunchIn import function through its production constructor (configuration as the runner sets it) on moto
 * and ElasticMQ: each policy outcome in BIS 3, BIS 28A and cXML, duplicates and replays, concurrent identical
 * posts, encodings, hostile XML, limits and credentials, RoundTrip with the order ping in both orders, and a
 * 1,000-line order through to the queue. Each test makes its own connection, customer and order numbers.
 */
@ExtendWith(LocalRunnerExtension.class)
class PunchInImportOnEnginesIT {

  private static final String ROUTE = "POST /punchin/orders";
  /** Every ERP message received from the queue in this class, by order id (several tests drain the queue). */
  private static final Map<String, List<String>> RECEIVED = new ConcurrentHashMap<>();
  private static final Set<String> SEEDED = ConcurrentHashMap.newKeySet();

  private LocalEngines engines;
  private PunchInImportFunction handler;
  private DynamoDbConnectionStore connections;
  private DynamoDbPunchInMappings mappings;
  private final RandomIds ids = new RandomIds();

  @BeforeEach
  void wire(LocalRunner runner) {
    engines = runner.engines();
    handler = new PunchInImportFunction(); // production constructor: the runner's configuration
    connections = new DynamoDbConnectionStore(engines.dynamoDb(), engines.tableName("MappingsTable"));
    mappings = new DynamoDbPunchInMappings(engines.dynamoDb(), engines.tableName("MappingsTable"));
    if (SEEDED.add("products")) {
      JsonNode shop = Json.parse("""
          {"products": [{"sku": "IT-DRILL", "units": ["EA"]}, {"sku": "IT-SCREW", "units": ["EA"]},
                        {"sku": "GLOVE-N", "gtin": "7350000000017", "units": ["EA"]}],
           "prices": [{"sku": "IT-DRILL", "currency": "EUR", "amount": "159.00"},
                      {"sku": "IT-SCREW", "currency": "EUR", "amount": "5.40", "baseQuantity": "100"},
                      {"sku": "GLOVE-N", "currency": "SEK", "amount": "100.00"},
                      {"sku": "IT-DRILL", "currency": "EUR", "amount": "99.00", "validTo": "2026-01-31"}]}
          """);
      shop.get("products").forEach(p -> mappings.putProduct(PunchInJson.product(p)));
      List<org.punchgate.punchin.ShopPrice> prices = new ArrayList<>();
      shop.get("prices").forEach(p -> prices.add(PunchInJson.price(p)));
      mappings.putPrices(prices);
    }
  }

  /** A UBL connection with its own customer (buyer EndpointID 0088:{@code buyer}), and the policy given. */
  private String ublConnection(String buyer, String punchIn) {
    String id = "it-punchin-" + ids.newId(6).toLowerCase().replace('_', 'x').replace('-', 'y');
    connections.put(ConnectionJson.read(Json.parse("""
        {"id": "%s", "format": "PEPPOL_PUNCHOUT", "userGroup": "it-buyers", "password": "%s-pass",
         "shopStartUrl": "http://localhost/shop/", "punchIn": %s}
        """.formatted(id, id, punchIn)), new SecureRandom()));
    mappings.putCustomer(PunchInJson.customer(Json.parse("""
        {"id": "C-%s", "name": "IT customer", "currencies": ["EUR", "SEK"], "buyerParties": [
          {"connectionId": "%s", "kind": "endpoint", "scheme": "0088", "value": "%s"},
          {"connectionId": "%s", "kind": "endpoint", "scheme": "GLN", "value": "%s"}]}
        """.formatted(id, id, buyer, id, buyer))));
    return id;
  }

  private static PunchInOrderText order(String number, String buyer) {
    return new PunchInOrderText(number, "0088", buyer, "EUR", null, List.of(
        new PunchInOrderText.Line("IT-DRILL", "2", "159.00", "1"),
        new PunchInOrderText.Line("IT-SCREW", "500", "5.40", "100")));
  }

  private APIGatewayV2HTTPResponse post(String connection, byte[] body, String contentType) {
    Map<String, String> headers = new HashMap<>();
    headers.put("content-type", contentType);
    if (connection != null) {
      headers.put("authorization", "Basic " + Base64.getEncoder().encodeToString((connection + ":" + connection
          + "-pass").getBytes(StandardCharsets.UTF_8)));
    }
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(ROUTE);
    event.setRawPath("/punchin/orders");
    event.setHeaders(headers);
    event.setIsBase64Encoded(true); // as API Gateway passes a body it does not know as text
    event.setBody(Base64.getEncoder().encodeToString(body));
    event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/punchin/orders").build())
        .build());
    return handler.handleRequest(event, null);
  }

  private APIGatewayV2HTTPResponse post(String connection, String xml) {
    return post(connection, xml.getBytes(StandardCharsets.UTF_8), "application/xml");
  }

  private static void assertCode(String code, APIGatewayV2HTTPResponse answer) {
    assertEquals(200, answer.getStatusCode(), answer.getBody());
    assertTrue(answer.getBody().contains("<cbc:OrderResponseCode>" + code + "</cbc:OrderResponseCode>"),
        answer.getBody());
  }

  /** The ERP messages the queue delivers for an order (draining it; other orders' messages are kept aside). */
  private List<String> messages(String orderId) {
    var sqs = engines.sqs();
    String queue = engines.queueUrl("OrdersQueue");
    for (int round = 0; round < 3; round++) {
      var batch = sqs.receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
      for (var m : batch) {
        assertEquals(List.of(), org.punchgate.order.ErpOrderSchema.errors(m.body().getBytes(StandardCharsets.UTF_8)),
            "every ERP message passes its schema");
        RECEIVED.computeIfAbsent(m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID),
            k -> new ArrayList<>()).add(m.body());
        sqs.deleteMessage(b -> b.queueUrl(queue).receiptHandle(m.receiptHandle()));
      }
    }
    return RECEIVED.getOrDefault(orderId, List.of());
  }

  private JsonNode onlyMessage(APIGatewayV2HTTPResponse answer) {
    String orderId = answer.getHeaders().get("x-punchgate-order-id");
    List<String> messages = messages(orderId);
    assertEquals(1, messages.size(), "one message for " + orderId);
    return Json.parse(messages.get(0));
  }

  @Test
  void anOrderAtTheCustomersPricesIsAcceptedStoredAndQueuedOnce() {
    String connection = ublConnection("7301000000001", "{}");
    var answer = post(connection, order("PO-AP-1", "7301000000001").bis3());
    assertCode("AP", answer);
    JsonNode message = onlyMessage(answer);
    assertEquals("peppol-order", message.get("source").asText());
    assertEquals("PO-AP-1", message.get("externalOrderNumber").asText());
    assertEquals("NEW", message.get("status").asText());
    assertEquals(0, message.get("findings").size());
  }

  @Test
  void anUnknownCustomerIsRejectedWithTheRuleAndNothingIsStored() {
    String connection = ublConnection("7301000000002", "{}");
    var answer = post(connection, order("PO-RE-1", "7309999999999").bis3());
    assertCode("RE", answer);
    assertTrue(answer.getBody().contains("PUNCHIN-CUSTOMER: the buyer"), "the rule id: " + answer.getBody());
    assertTrue(answer.getBody().contains("is not a customer of this shop"), answer.getBody());
    assertNull(answer.getHeaders().get("x-punchgate-order-id"));
  }

  @Test
  void aPriceDeviationIsFlaggedByDefaultAndCorrectedUnderAcceptWithChanges() {
    String flagging = ublConnection("7301000000003", "{}");
    var cheaper = order("PO-FLAG-1", "7301000000003").withLines(List.of(
        new PunchInOrderText.Line("IT-DRILL", "2", "149.00", "1")));
    var flagged = post(flagging, cheaper.bis3());
    assertCode("AP", flagged);
    JsonNode finding = onlyMessage(flagged).get("findings").get(0);
    assertEquals("PUNCHIN-PRICE", finding.get("ruleId").asText());
    assertEquals("warning", finding.get("severity").asText());

    String correcting = ublConnection("7301000000003",
        "{\"policies\": {\"PUNCHIN-PRICE\": \"accept-with-changes\"}, \"priceTolerancePercent\": 1}");
    var changed = post(correcting, cheaper.bis3());
    assertCode("CA", changed);
    assertTrue(changed.getBody().contains("<cbc:LineStatusCode>3</cbc:LineStatusCode>"), changed.getBody());
    assertTrue(changed.getBody().contains(">159<") || changed.getBody().contains(">159.00<"), changed.getBody());
    assertEquals(0, new java.math.BigDecimal("159.00").compareTo(
        new java.math.BigDecimal(onlyMessage(changed).get("lines").get(0).get("unitPrice").asText())),
        "charged at the customer's price");

    var withinTolerance = order("PO-FLAG-2", "7301000000003").withLines(List.of(
        new PunchInOrderText.Line("IT-DRILL", "2", "158.00", "1")));
    assertCode("AP", post(correcting, withinTolerance.bis3()));
  }

  @Test
  void anAcknowledgeOnlyConnectionAnswersAbAndStillQueuesTheOrder() {
    String connection = ublConnection("7301000000004", "{\"acknowledgeOnly\": true}");
    var answer = post(connection, order("PO-AB-1", "7301000000004").bis3());
    assertCode("AB", answer);
    assertEquals("PO-AB-1", onlyMessage(answer).get("externalOrderNumber").asText());
  }

  @Test
  void bis28aOrdersAreAnsweredInUncl1225() {
    String connection = ublConnection("7350000000099", "{}");
    var gloves = new PunchInOrderText("SO-28A-1", "GLN", "7350000000099", "SEK", null, List.of(
        new PunchInOrderText.Line("GLOVE-N", "3", "100.00", "1")));
    var accepted = post(connection, gloves.bis28a());
    assertEquals(200, accepted.getStatusCode());
    assertTrue(accepted.getBody().contains("listID=\"UNCL1225\">29<"), accepted.getBody());
    assertEquals("bis28a-order", onlyMessage(accepted).get("source").asText());
    var unknown = post(connection, gloves.withOrderId("SO-28A-2").withLines(List.of(
        new PunchInOrderText.Line("NO-SUCH-SKU", "3", "100.00", "1"))).bis28a());
    assertTrue(unknown.getBody().contains("listID=\"UNCL1225\">27<"), unknown.getBody());
  }

  @Test
  void theSameDocumentAgainIsReplayedAndAnotherWithTheSameNumberIsADuplicate() {
    String connection = ublConnection("7301000000005", "{}");
    var first = post(connection, order("PO-DUP-1", "7301000000005").bis3());
    var again = post(connection, order("PO-DUP-1", "7301000000005").bis3());
    assertEquals(first.getBody(), again.getBody(), "the original answer");
    var other = post(connection, order("PO-DUP-1", "7301000000005").withLines(List.of(
        new PunchInOrderText.Line("IT-DRILL", "5", "159.00", "1"))).bis3());
    assertCode("RE", other);
    assertTrue(other.getBody().contains("duplicate order number"), other.getBody());
    assertEquals(1, messages(first.getHeaders().get("x-punchgate-order-id")).size());
  }

  @Test
  void concurrentIdenticalPostsMakeOneOrder() throws Exception {
    String connection = ublConnection("7301000000006", "{}");
    String xml = order("PO-CONC-1", "7301000000006").bis3();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<APIGatewayV2HTTPResponse>> answers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(pool.submit(() -> post(connection, xml)));
    }
    Set<String> bodies = ConcurrentHashMap.newKeySet();
    for (var f : answers) {
      APIGatewayV2HTTPResponse answer = f.get();
      assertCode("AP", answer);
      bodies.add(answer.getBody());
    }
    pool.shutdown();
    assertEquals(1, bodies.size(), "every caller got the one recorded answer");
    String orderId = answers.get(0).get().getHeaders().get("x-punchgate-order-id");
    assertEquals(1, messages(orderId).size());
  }

  @Test
  void isoLatin1AndUtf16DocumentsAreReadInTheirOwnEncoding() {
    String connection = ublConnection("7301000000007", "{}");
    for (String encoding : List.of("ISO-8859-1", "UTF-16")) {
      String xml = order("PO-ENC-" + encoding, "7301000000007").bis3(encoding);
      var answer = post(connection, xml.getBytes(Charset.forName(encoding)), "text/xml");
      assertCode("AP", answer);
      assertTrue(answer.getBody().contains("Städtisches Klinikum"), "the name read right: " + answer.getBody());
    }
  }

  @Test
  void hostileXmlIsRefusedCleanly() {
    String connection = ublConnection("7301000000008", "{}");
    String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE Order [<!ENTITY a \"aaaaaaaaaa\">"
        + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>" + order("PO-XXE-1", "7301000000008").bis3()
        .substring(order("PO-XXE-1", "7301000000008").bis3().indexOf("<Order")).replace("Städtisches", "&b;");
    var answer = post(connection, billionLaughs);
    assertEquals(400, answer.getStatusCode(), answer.getBody());
    assertTrue(answer.getBody().contains("PUNCHIN-XML"), answer.getBody());
    String external = "<?xml version=\"1.0\"?><!DOCTYPE Order [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Order>&x;</Order>";
    assertEquals(400, post(connection, external).getStatusCode());
    assertEquals(401, post(null, external).getStatusCode(), "an unauthenticated caller learns nothing");
  }

  @Test
  void anOversizedBodyIs413AndWrongCredentials401() {
    String connection = ublConnection("7301000000009", "{}");
    byte[] big = new byte[4 * 1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    assertEquals(413, post(connection, big, "application/xml").getStatusCode());
    var wrong = post(connection + "-other", order("PO-AUTH-1", "7301000000009").bis3());
    assertEquals(401, wrong.getStatusCode());
    assertTrue(wrong.getHeaders().get("www-authenticate").startsWith("Basic"));
  }

  @Test
  void aThousandLineOrderGoesThroughToTheQueue() {
    String connection = ublConnection("7301000000010", "{}");
    List<PunchInOrderText.Line> lines = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      lines.add(i % 2 == 0 ? new PunchInOrderText.Line("IT-DRILL", Integer.toString(i % 7 + 1), "159.00", "1")
          : new PunchInOrderText.Line("IT-SCREW", "500", "5.40", "100"));
    }
    String xml = order("PO-BIG-1", "7301000000010").withLines(lines).bis3();
    long start = System.nanoTime();
    var answer = post(connection, xml);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertCode("AP", answer);
    String body = messages(answer.getHeaders().get("x-punchgate-order-id")).get(0);
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes > 256 * 1024, "more than the old 256 KiB: " + bytes);
    assertTrue(bytes <= ErpOrderMessage.MAX_BYTES);
    assertEquals(1000, Json.parse(body).get("lines").size());
    System.out.println("[punchin] 1,000-line order: " + xml.length() + " bytes of XML, ERP message "
        + bytes + " bytes, imported in " + millis + " ms on the local engines");
  }

  /** A transferred cart of {@code connection}, as the cart return leaves it. */
  private String transferredCart(String connection) {
    var sessions = new DynamoDbSessionStore(engines.dynamoDb(), engines.tableName("SessionsTable"),
        java.time.Duration.ofDays(30));
    var snapshot = connections.find(connection).orElseThrow().withoutSecret();
    String id = ids.newId();
    Instant now = Instant.now();
    sessions.create(new Session(id, snapshot, connection, SessionStatus.OPEN, now, now.plusSeconds(1800),
        new CallUp.Oci(Map.of()), Map.of(), null, null, null), null);
    sessions.close(id, SessionStatus.TRANSFERRED, Fixtures.cart(Fixtures.line("1", "IT-DRILL", "Drill", "2",
        "159.00")), now);
    return id;
  }

  private APIGatewayV2HTTPResponse ping(String connection, String cartId, String orderNumber) {
    return ping(connection, connection + "-pass", cartId, orderNumber);
  }

  private APIGatewayV2HTTPResponse ping(String connection, String secret, String cartId, String orderNumber) {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey("POST /orders/ping");
    event.setRawPath("/orders/ping");
    event.setHeaders(Map.of("content-type", "application/x-www-form-urlencoded", "authorization", "Basic "
        + Base64.getEncoder().encodeToString((connection + ":" + secret).getBytes(StandardCharsets.UTF_8))));
    event.setBody("cartId=" + cartId + "&orderNumber=" + orderNumber);
    event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/orders/ping").build())
        .build());
    return new OrderCompletionFunction().handleRequest(event, null);
  }

  @Test
  void roundTripTheOrderFirstThenThePingMakeOneOrder() {
    String connection = ublConnection("7301000000011", "{}");
    String cart = transferredCart(connection);
    var answer = post(connection, order("PO-RT-1", "7301000000011").withCart(cart).bis3());
    assertCode("AP", answer);
    String orderId = answer.getHeaders().get("x-punchgate-order-id");
    JsonNode message = onlyMessage(answer);
    assertEquals(cart, message.get("punchout").get("cartId").asText());
    var ping = ping(connection, cart, "PO-RT-1");
    assertEquals(200, ping.getStatusCode(), ping.getBody());
    assertEquals(orderId, Json.parse(ping.getBody()).get("orderId").asText(), "the same order");
    assertEquals(1, messages(orderId).size(), "never two");
  }

  @Test
  void roundTripThePingFirstThenTheOrderMakeOneOrder() {
    String connection = ublConnection("7301000000012", "{}");
    String cart = transferredCart(connection);
    var ping = ping(connection, cart, "PO-RT-2");
    assertEquals(200, ping.getStatusCode(), ping.getBody());
    String orderId = Json.parse(ping.getBody()).get("orderId").asText();
    var answer = post(connection, order("PO-RT-2", "7301000000012").withCart(cart).bis3());
    assertCode("AP", answer);
    assertEquals(orderId, answer.getHeaders().get("x-punchgate-order-id"), "the same order");
    List<String> messages = messages(orderId);
    assertEquals(1, messages.size(), "never two");
    assertEquals("punchout-ping", Json.parse(messages.get(0)).get("source").asText(), "the ping's order stands");
    var otherNumber = post(connection, order("PO-RT-3", "7301000000012").withCart(cart).bis3());
    assertCode("RE", otherNumber);
    assertFalse(otherNumber.getHeaders().containsKey("x-punchgate-order-id"));
  }

  /** The demo cXML OrderRequest of demo-cxml (at the demo catalog's prices), under a fresh orderID and payloadID. */
  private String cxmlOrder(String orderId, String payloadId) throws java.io.IOException {
    try (var in = getClass().getResourceAsStream("/demo/orders/cxml-orderrequest.xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("ACME-PO-1001", orderId)
          .replace("demo-order-1001@acme.example", payloadId);
    }
  }

  /** A cXML answer in HTTP 200 with this Status, valid against the DTD of its version where the DTDs are at hand. */
  private static void assertCxmlStatus(int code, APIGatewayV2HTTPResponse answer) {
    assertEquals(200, answer.getStatusCode(), "cXML answers in HTTP 200: " + answer.getBody());
    assertTrue(answer.getBody().contains("<Status code=\"" + code + "\""), answer.getBody());
    String dir = System.getProperty("punchgate.conformance.dir");
    java.nio.file.Path dtds = dir == null ? null : java.nio.file.Path.of(dir, "cxml", "dtd");
    if (dtds == null || !java.nio.file.Files.isDirectory(dtds)) {
      return; // the cXML DTDs are not shipped (their licence); the conformance tests say once that they are absent
    }
    var report = new CxmlDtdValidator(dtds).validate(answer.getBody().getBytes(StandardCharsets.UTF_8));
    assertTrue(report instanceof CxmlDtdValidator.Report.Checked checked && checked.valid(),
        "valid against its DTD: " + report);
  }

  @Test
  void cxmlOrderRequestsAreAcceptedReplayedAndRefusedInCxml() throws Exception {
    String number = "IT-CX-" + ids.newId(6);
    String payload = ids.newId(9) + "@it.example";
    var accepted = post(null, cxmlOrder(number, payload).getBytes(StandardCharsets.UTF_8), "text/xml");
    assertCxmlStatus(200, accepted);
    JsonNode message = onlyMessage(accepted);
    assertEquals("cxml-order", message.get("source").asText());
    assertEquals(number, message.get("externalOrderNumber").asText());

    var replay = post(null, cxmlOrder(number, payload).getBytes(StandardCharsets.UTF_8), "text/xml");
    assertEquals(accepted.getBody(), replay.getBody(), "the same payloadID: the original answer");
    var otherPayload = post(null, cxmlOrder(number, ids.newId(9) + "@it.example").getBytes(StandardCharsets.UTF_8),
        "text/xml");
    assertCxmlStatus(409, otherPayload);
    assertEquals(1, messages(accepted.getHeaders().get("x-punchgate-order-id")).size());

    var wrongSecret = post(null, cxmlOrder("IT-CX-" + ids.newId(6), ids.newId(9) + "@it.example")
        .replace("demo-cxml-secret", "guess").getBytes(StandardCharsets.UTF_8), "text/xml");
    assertCxmlStatus(401, wrongSecret);
    var unknownPart = post(null, cxmlOrder("IT-CX-" + ids.newId(6), ids.newId(9) + "@it.example")
        .replace("HEX-SET-9-BALL", "NO-SUCH-PART").getBytes(StandardCharsets.UTF_8), "text/xml");
    assertCxmlStatus(400, unknownPart);
    assertTrue(unknownPart.getBody().contains("NO-SUCH-PART"), unknownPart.getBody());
  }

  @Test
  void aCxmlOrderNamingItsCartInSupplierOrderInfoCompletesIt() throws Exception {
    String cart = transferredCart("demo-cxml");
    String number = "IT-CX-RT-" + ids.newId(6);
    String xml = cxmlOrder(number, ids.newId(9) + "@it.example").replace("</BillTo>",
        "</BillTo><SupplierOrderInfo orderID=\"" + cart + "\"/>");
    var accepted = post(null, xml.getBytes(StandardCharsets.UTF_8), "text/xml");
    assertCxmlStatus(200, accepted);
    assertEquals(cart, onlyMessage(accepted).get("punchout").get("cartId").asText());
    var ping = ping("demo-cxml", "demo-cxml-secret", cart, number);
    assertEquals(200, ping.getStatusCode(), ping.getBody());
    assertEquals(accepted.getHeaders().get("x-punchgate-order-id"), Json.parse(ping.getBody()).get("orderId").asText());
  }

  /** Counts the AWS calls by service and operation. */
  private static final class Calls implements software.amazon.awssdk.core.interceptor.ExecutionInterceptor {
    final Map<String, Integer> counts = new java.util.TreeMap<>();

    @Override
    public synchronized void beforeExecution(software.amazon.awssdk.core.interceptor.Context.BeforeExecution context,
        software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
      counts.merge(attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.SERVICE_NAME)
          + "." + attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkExecutionAttribute.OPERATION_NAME),
          1, Integer::sum);
    }
  }

  @Test
  void aNewOrderCostsOneReadOfEachKindOneTransactionOneSendAndTwoSmallWrites() {
    String connection = ublConnection("7301000000013", "{}");
    Calls calls = new Calls();
    var config = org.punchgate.config.Config.load();
    var clients = new org.punchgate.aws.AwsClients(config, calls);
    var http = org.punchgate.wiring.PunchInWiring.of(org.punchgate.wiring.Wiring.of(config, clients), clients,
        (id, step, error) -> { }).http();
    String basic = "Basic " + Base64.getEncoder().encodeToString((connection + ":" + connection + "-pass")
        .getBytes(StandardCharsets.UTF_8));
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      synchronized (calls) {
        calls.counts.clear();
      }
      byte[] xml = order("PO-CALLS-" + i, "7301000000013").bis3().getBytes(StandardCharsets.UTF_8);
      long start = System.nanoTime();
      var answer = http.handle(new org.punchgate.http.HttpRequest("POST", "/punchin/orders", null, null,
          Map.of("content-type", "application/xml", "authorization", basic), xml));
      micros.add((System.nanoTime() - start) / 1000);
      assertEquals(200, answer.status());
    }
    // the connection and the replay record; the customer with the products, then the prices, batched; order item +
    // outbox entry in one transaction; the send; the outbox entry's delete; the answer's record
    assertEquals(Map.of("DynamoDb.GetItem", 2, "DynamoDb.BatchGetItem", 2, "DynamoDb.TransactWriteItems", 1,
        "DynamoDb.DeleteItem", 1, "DynamoDb.PutItem", 1, "Sqs.SendMessage", 1), calls.counts);
    List<Long> warm = micros.subList(1, micros.size()).stream().sorted().toList();
    System.out.println("[punchin] AWS calls per new 2-line order: " + calls.counts + "; warm import on the local "
        + "engines (moto, ElasticMQ), 20 orders: median " + warm.get(warm.size() / 2) / 1000.0 + " ms, max "
        + warm.get(warm.size() - 1) / 1000.0 + " ms");
  }

  @Test
  void aSendThatFailsAfterTheTransactionIsLeftToTheSweeperAndTheOrderArrivesOnce() {
    String connection = ublConnection("7301000000014", "{}");
    var config = org.punchgate.config.Config.load();
    var clients = new org.punchgate.aws.AwsClients(config);
    var dynamoDb = clients.dynamoDb();
    var sessions = new DynamoDbSessionStore(dynamoDb, config.sessionsTable(), config.sessionRetention());
    var sqs = new org.punchgate.aws.SqsOrderQueue(clients.sqs(), config.ordersQueueUrl());
    java.util.concurrent.atomic.AtomicBoolean fail = new java.util.concurrent.atomic.AtomicBoolean(true);
    org.punchgate.order.OrderQueue flaky = order -> {
      if (fail.getAndSet(false)) {
        throw new IllegalStateException("injected failure: send");
      }
      return sqs.send(order);
    };
    Fixtures.MutableClock clock = Fixtures.clock();
    var common = new org.punchgate.wiring.Wiring(config, sessions, connections, Fixtures.tokens(clock), ids, clock);
    var orders = org.punchgate.wiring.OrderWiring.of(common, sessions, flaky,
        new org.punchgate.aws.DynamoDbOrderOutbox(dynamoDb, config.sessionsTable()), (id, step, error) -> { });
    var http = org.punchgate.wiring.PunchInWiring.of(orders, sessions,
        new org.punchgate.aws.DynamoDbOrderStore(dynamoDb, config.sessionsTable(), config.sessionRetention()),
        mappings, new org.punchgate.aws.DynamoDbPunchInReplays(dynamoDb, config.sessionsTable())).http();
    String basic = "Basic " + Base64.getEncoder().encodeToString((connection + ":" + connection + "-pass")
        .getBytes(StandardCharsets.UTF_8));
    var answer = http.handle(new org.punchgate.http.HttpRequest("POST", "/punchin/orders", null, null,
        Map.of("content-type", "application/xml", "authorization", basic),
        order("PO-CRASH-1", "7301000000014").bis3().getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, answer.status(), "the order stands: it is stored with its outbox entry");
    String orderId = answer.headers().get("x-punchgate-order-id");
    assertEquals(0, messages(orderId).size(), "the send failed");
    clock.advance(org.punchgate.order.OrderHandOff.SWEEP_AFTER.plusSeconds(1));
    orders.handOff().sweep();
    orders.handOff().sweep();
    assertEquals(1, messages(orderId).size(), "the sweeper sent it, once");
  }
}
