package org.punchgate.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.punchgate.aws.AwsClients;
import org.punchgate.aws.DynamoDbOrderOutbox;
import org.punchgate.aws.DynamoDbOrderStore;
import org.punchgate.aws.DynamoDbPunchInMappings;
import org.punchgate.aws.DynamoDbPunchInReplays;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.config.Config;
import org.punchgate.lambda.SampleInput;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderQueue;
import org.punchgate.punchin.InMemoryPunchInMappings;
import org.punchgate.punchin.InMemoryPunchInReplays;
import org.punchgate.punchin.PunchInFixtures;
import org.punchgate.punchin.PunchInMappings;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.ShopPrice;
import org.punchgate.punchin.ShopProduct;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.wiring.OrderWiring;
import org.punchgate.wiring.PunchInWiring;
import org.punchgate.wiring.Wiring;

/**
 * The PunchIn import in the benchmark: {@code POST /punchin/orders} with a generated PEPPOL BIS 3 order
 * ({@link PunchInFixtures#bis3Order}, every line with its ids, GTIN, classification and tax) through the real
 * handler ({@code PunchInImportFunction}), on in-memory stores or on DynamoDB (moto). Every request is a new order
 * (its own order number), at the shop's prices, so each one is read, checked against the customer's prices,
 * stored, handed off and answered {@code AP}: the whole import, never a replay. The ERP queue is in memory (the
 * benchmark runs no SQS engine); its send is counted as the one SQS call it is.
 */
final class ImportFlow {

  /** The connection the orders come through: HTTP Basic with a generated secret (HMAC), as the admin API sets it. */
  static final String CONNECTION = "bench-punchin";
  static final String HANDLER = "org.punchgate.punchinimport.PunchInImportFunction";
  /** The fixture's buyer: its EndpointID. */
  private static final ShopCustomer.BuyerParty BUYER =
      new ShopCustomer.BuyerParty(CONNECTION, ShopCustomer.BuyerParty.Kind.ENDPOINT, "0088", "7300010000001");
  private static final AtomicLong ORDER_NUMBERS = new AtomicLong();
  /** The largest order measured; the shop on DynamoDB is seeded for it once. */
  static final int SHOP_LINES = 1000;

  private ImportFlow() {}

  /** The import connection in {@code wiring}'s connection store: its user is named like it, as UBL Basic asks. */
  static void seedConnection(Wiring wiring) {
    wiring.connections().put(Flows.peppolConnection(CONNECTION, CONNECTION,
        wiring.secrets().hashGenerated(SampleInput.PASSWORD)));
  }

  /**
   * The shop of the fixture's orders of up to {@code lines} lines: the buyer as a customer, and every SKU with its
   * list price at the fixture's own price rule, so every order is accepted as ordered.
   */
  static void seedShop(PunchInMappings shop, int lines) {
    shop.putCustomer(new ShopCustomer("C-BENCH", "Klinikum Nord", null, List.of("EUR"), List.of(BUYER)));
    List<ShopPrice> prices = new ArrayList<>();
    for (int i = 1; i <= lines; i++) {
      String sku = String.format("SKU-%05d", i);
      shop.putProduct(new ShopProduct(sku, null, null, List.of("EA"), Map.of(), Map.of()));
      long cents = 100 + (i * 37L) % 9000; // PunchInFixtures.bis3Order's price rule
      prices.add(new ShopPrice(sku, ShopPrice.Scope.LIST, null, "EUR", BigDecimal.valueOf(cents, 2), null, null,
          null, null));
    }
    shop.putPrices(prices);
  }

  /** The import on in-memory stores: its CPU alone. */
  static PunchInWiring inMemory(Wiring wiring, OrderQueue queue, int lines) {
    InMemorySessionStore sessions = new InMemorySessionStore();
    InMemoryPunchInMappings shop = new InMemoryPunchInMappings();
    seedShop(shop, lines);
    OrderWiring orders = OrderWiring.of(wiring, sessions, queue, sessions.outbox(), failOnProblem());
    return PunchInWiring.of(orders, sessions, sessions, shop, new InMemoryPunchInReplays());
  }

  /** The import on DynamoDB (the shop must be seeded there already), with the ERP queue in memory. */
  static PunchInWiring dynamoDb(Config config, Wiring wiring, AwsClients clients, OrderQueue queue) {
    var dynamoDb = clients.dynamoDb();
    var sessions = new DynamoDbSessionStore(dynamoDb, config.sessionsTable(), config.sessionRetention());
    OrderWiring orders = OrderWiring.of(wiring, sessions, queue,
        new DynamoDbOrderOutbox(dynamoDb, config.sessionsTable()), failOnProblem());
    return PunchInWiring.of(orders, sessions, new DynamoDbOrderStore(dynamoDb, config.sessionsTable(),
        config.sessionRetention()), new DynamoDbPunchInMappings(dynamoDb, config.mappingsTable()),
        new DynamoDbPunchInReplays(dynamoDb, config.sessionsTable()));
  }

  static DynamoDbPunchInMappings mappings(Config config, AwsClients clients) {
    return new DynamoDbPunchInMappings(clients.dynamoDb(), config.mappingsTable());
  }

  private static OrderHandOff.Problems failOnProblem() {
    return (id, step, error) -> {
      throw new IllegalStateException("the hand-off failed at " + step, error);
    };
  }

  /** The import function through its tests' constructor, over {@code wiring}. */
  static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(PunchInWiring wiring) {
    return Flows.handler(HANDLER, PunchInWiring.class, wiring);
  }

  /**
   * BatchGetItem calls for the customer and the products of a fixture order: 1 key for its one buyer identifier
   * (EndpointID) and 2 a line (SKU, GTIN); the seller's item ids name every product, so its buyer's item ids are
   * never read.
   */
  static int customerAndProductBatches(int lines) {
    return (1 + 2 * lines + 99) / 100;
  }

  /** BatchGetItem calls for the prices of a fixture order: 2 keys a SKU (the customer's and the list price). */
  static int priceBatches(int lines) {
    return (2 * lines + 99) / 100;
  }

  static String flow(int lines) {
    return "PunchIn import (UBL BIS 3), " + lines + " lines";
  }

  /** Events for {@code lines}-line orders, each a new order: the fixture with a fresh order number. */
  static Supplier<APIGatewayV2HTTPEvent> orders(int lines) {
    String document = new String(PunchInFixtures.bis3Order(lines), StandardCharsets.UTF_8);
    String id = "<cbc:ID>PO-LARGE-" + lines + "</cbc:ID>";
    if (!document.contains(id)) {
      throw new IllegalStateException("the fixture's order number changed: " + id + " not found");
    }
    return () -> event(document.replace(id, "<cbc:ID>PO-BENCH-" + ORDER_NUMBERS.incrementAndGet() + "</cbc:ID>"));
  }

  static APIGatewayV2HTTPEvent event(String body) {
    String route = "POST /punchin/orders";
    var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath("/punchin/orders")
        .build();
    var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRouteKey(route)
        .withDomainName("punchout.example.com").withStage("$default").withRequestId("bench").build();
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(route).withRawPath("/punchin/orders")
        .withRawQueryString("").withPathParameters(Map.of())
        .withHeaders(Map.of("host", "punchout.example.com", "content-type", "application/xml",
            "authorization", "Basic " + Base64.getEncoder().encodeToString(
                (CONNECTION + ":" + SampleInput.PASSWORD).getBytes(StandardCharsets.UTF_8))))
        .withRequestContext(context).withBody(body).withIsBase64Encoded(false).build();
  }
}
