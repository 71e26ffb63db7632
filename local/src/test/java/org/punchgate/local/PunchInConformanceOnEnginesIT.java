package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.aws.DynamoDbPunchInMappings;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.cxml.CxmlHeader;
import org.punchgate.json.Json;
import org.punchgate.punchin.CxmlOrderRequestReader;
import org.punchgate.punchin.OrderReading;
import org.punchgate.punchin.OrderSniffer;
import org.punchgate.punchin.PunchInOrder;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.ShopPrice;
import org.punchgate.punchin.ShopProduct;
import org.punchgate.punchin.UblOrderReader;
import org.punchgate.punchinimport.PunchInImportFunction;

/**
 * Every order sample of the shared conformance folders ({@code peppol-order}, and the cXML OrderRequests of
 * {@code cxml}) through the import function on the local engines, for a shop that knows the sample's buyer and
 * items at the sample's own prices: each is imported, or refused with the rule its content breaks. Without the
 * samples the tests are skipped with one printed {@code [conformance]} line.
 */
@ExtendWith(LocalRunnerExtension.class)
class PunchInConformanceOnEnginesIT {

  /**
   * Samples the publisher marks invalid, with the rule they break: T01-0003 orders a negative quantity at a negative
   * price (its header lists the rules it breaks). Besides, a sample with a free-text line (no seller's, standard
   * or buyer's item id: the use cases "free text items") names no product a shop can know, and is refused with
   * PUNCHIN-PRODUCT.
   */
  private static final Map<String, String> INVALID = Map.of(
      "peppol-bis28a-v1-order-T01-0003-invalid.xml", "PEPPOL-T01-R004");

  private LocalEngines engines;
  private DynamoDbConnectionStore connections;
  private DynamoDbPunchInMappings mappings;
  private PunchInImportFunction handler;

  @BeforeEach
  void wire(LocalRunner runner) {
    engines = runner.engines();
    connections = new DynamoDbConnectionStore(engines.dynamoDb(), engines.tableName("MappingsTable"));
    mappings = new DynamoDbPunchInMappings(engines.dynamoDb(), engines.tableName("MappingsTable"));
    handler = new PunchInImportFunction();
  }

  private static List<Path> samples(String folder) throws IOException {
    String dir = System.getProperty("punchgate.conformance.dir");
    if (dir == null || !Files.isDirectory(Path.of(dir, folder))) {
      Assumptions.abort("PunchIn conformance samples absent"); // counted in ConformanceSummary's one line
    }
    try (Stream<Path> files = Files.list(Path.of(dir, folder))) {
      return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }

  /** The shop that knows this order's buyer (on {@code connection}) and its items at the order's prices. */
  private void shopFor(String connection, PunchInOrder order) {
    String customer = "CONF-" + connection;
    List<ShopCustomer.BuyerParty> parties = new ArrayList<>();
    PunchInOrder.Party buyer = order.buyer();
    if (buyer.endpoint() != null) {
      parties.add(new ShopCustomer.BuyerParty(connection, ShopCustomer.BuyerParty.Kind.ENDPOINT,
          buyer.endpoint().scheme(), buyer.endpoint().value()));
    }
    for (PunchInOrder.Identifier id : buyer.identifiers()) {
      parties.add(new ShopCustomer.BuyerParty(connection, order.format().isUbl()
          ? ShopCustomer.BuyerParty.Kind.PARTY_ID : ShopCustomer.BuyerParty.Kind.CXML_FROM, id.scheme(), id.value()));
    }
    mappings.putCustomer(new ShopCustomer(customer, "Conformance", null, List.of(order.currency()), parties));
    List<ShopPrice> prices = new ArrayList<>();
    for (PunchInOrder.Line line : order.lines()) {
      String gtin = line.standardItemId() == null ? null : line.standardItemId().value();
      String sku = line.sellersItemId() != null ? line.sellersItemId() : gtin != null ? "GTIN-" + gtin
          : line.buyersItemId() != null ? "BUYER-" + line.buyersItemId() : null;
      if (sku == null) {
        continue; // a free-text line names no product: the shop cannot know it
      }
      mappings.putProduct(new ShopProduct(sku, gtin, line.name(), List.of(line.unitCode()), Map.of(),
          line.buyersItemId() == null ? Map.of() : Map.of(customer, line.buyersItemId())));
      if (line.priceAmount() != null) {
        prices.add(new ShopPrice(sku, ShopPrice.Scope.CUSTOMER, customer, order.currency(), line.priceAmount(),
            line.baseQuantity() == null ? BigDecimal.ONE : line.baseQuantity(), line.unitCode(), null, null));
      }
    }
    mappings.putPrices(prices);
  }

  private void connection(String json) {
    connections.put(ConnectionJson.read(Json.parse(json), new SecureRandom()));
  }

  private APIGatewayV2HTTPResponse post(byte[] body, String basicUser) {
    Map<String, String> headers = new HashMap<>(Map.of("content-type", "application/xml"));
    if (basicUser != null) {
      headers.put("authorization", "Basic " + Base64.getEncoder().encodeToString((basicUser + ":" + basicUser
          + "-pass").getBytes(StandardCharsets.UTF_8)));
    }
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey("POST /punchin/orders");
    event.setRawPath("/punchin/orders");
    event.setHeaders(headers);
    event.setIsBase64Encoded(true);
    event.setBody(Base64.getEncoder().encodeToString(body));
    event.setRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(
        APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/punchin/orders").build())
        .build());
    return handler.handleRequest(event, null);
  }

  private static String body(APIGatewayV2HTTPResponse answer) {
    return answer.getIsBase64Encoded()
        ? new String(Base64.getDecoder().decode(answer.getBody()), StandardCharsets.UTF_8) : answer.getBody();
  }

  @Test
  void everyUblOrderSampleIsImportedOrRefusedAsItsContentSays() throws IOException {
    List<String> report = new ArrayList<>();
    int n = 0;
    for (Path file : samples("peppol-order")) {
      String name = file.getFileName().toString();
      byte[] bytes = Files.readAllBytes(file);
      if (!(OrderSniffer.sniff(bytes) instanceof OrderSniffer.Sniffed.Ubl ubl)) {
        continue; // the T01 unit-test sets, run rule by rule in PunchInConformanceTest
      }
      OrderReading reading = UblOrderReader.read(ubl.format(), ubl.document());
      String connection = "conf-ubl-" + (++n);
      connection("{\"id\": \"" + connection + "\", \"format\": \"PEPPOL_PUNCHOUT\", \"userGroup\": "
          + "\"conformance\", \"password\": \"" + connection + "-pass\", \"shopStartUrl\": \"http://localhost/\"}");
      if (!reading.refused()) {
        shopFor(connection, reading.order());
      }
      String answer = body(post(bytes, connection));
      boolean bis3 = answer.contains("<cbc:OrderResponseCode>");
      boolean accepted = bis3 ? answer.contains(">AP</cbc:OrderResponseCode>") : answer.contains(">29</cbc:OrderResponseCode>");
      boolean freeText = !reading.refused() && reading.order().lines().stream().anyMatch(l -> l.sellersItemId() == null
          && l.standardItemId() == null && l.buyersItemId() == null);
      String expectedRule = freeText ? "PUNCHIN-PRODUCT" : INVALID.get(name);
      if (expectedRule == null) {
        assertTrue(accepted, name + " should be imported: " + answer);
        report.add(name + ": imported");
      } else {
        assertTrue(!accepted && answer.contains(expectedRule), name + " should be refused by " + expectedRule + ": "
            + answer);
        report.add(name + ": refused, " + expectedRule);
      }
    }
    assertTrue(report.size() >= 10, "the order samples: " + report);
    report.forEach(line -> System.out.println("[conformance] punchin " + line));
  }

  /**
   * Every cXML OrderRequest sample is imported, except the one whose Sender carries no SharedSecret (the output
   * of a cXML builder library, meant to be completed): that is a cXML 401, as any unauthenticated sender gets.
   */
  @Test
  void everyCxmlOrderRequestSampleIsImportedOrRefusedAsUnauthenticated() throws IOException {
    int orders = 0;
    Map<String, String> senders = new HashMap<>();
    for (Path file : samples("cxml")) {
      byte[] bytes = Files.readAllBytes(file);
      if (!(OrderSniffer.sniff(bytes) instanceof OrderSniffer.Sniffed.Cxml cxml)) {
        continue; // other cXML documents: refused as no order, see PunchInConformanceTest
      }
      String name = file.getFileName().toString();
      var read = CxmlOrderRequestReader.read(cxml.document());
      CxmlHeader.SentCredential sender = read.envelope().header().sender().get(0);
      orders++;
      // one connection per Sender (a Sender finds one connection only), its secret as this sample has it
      String connection = senders.computeIfAbsent(sender.domain() + "#" + sender.identity(),
          k -> "conf-cxml-" + (senders.size() + 1));
      connection("""
          {"id": "%s", "format": "CXML", "userGroup": "conformance", "shopStartUrl": "http://localhost/",
           "cxml": {"sender": [{"domain": "%s", "identity": "%s"}], "sharedSecret": "%s"}}
          """.formatted(connection, sender.domain(), sender.identity(),
              sender.sharedSecret() == null ? "conformance-secret" : sender.sharedSecret()));
      shopFor(connection, read.reading().order());
      APIGatewayV2HTTPResponse answer = post(bytes, null);
      assertEquals(200, answer.getStatusCode());
      String expected = sender.sharedSecret() == null ? "401" : "200";
      assertTrue(body(answer).contains("<Status code=\"" + expected + "\""), name + ": " + body(answer));
      System.out.println("[conformance] punchin " + name + ": " + (expected.equals("200") ? "imported"
          : "refused, cXML 401 (the Sender has no SharedSecret)"));
    }
    assertEquals(3, orders, "the cXML OrderRequest samples");
  }
}
