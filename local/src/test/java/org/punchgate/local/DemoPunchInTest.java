package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.punchgate.punchin.CxmlOrderRequestReader;
import org.punchgate.punchin.InMemoryPunchInMappings;
import org.punchgate.punchin.OrderDecision.Outcome;
import org.punchgate.punchin.OrderReading;
import org.punchgate.punchin.OrderSniffer;
import org.punchgate.punchin.PunchInChecks;
import org.punchgate.connection.PunchInPolicy;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.UblOrderReader;

/** The demo's PunchIn data agrees with the demo catalog: the demo orders, at the catalog's prices, pass the checks. */
class DemoPunchInTest {

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 1, 9, 0);

  private final InMemoryPunchInMappings shop = new InMemoryPunchInMappings();

  @Test
  void everyDemoConnectionHasACustomerInTheConnectionsUserGroup() {
    DemoPunchIn.loadDemo(shop, DemoCatalog.load());
    var connections = DemoData.loadDemo(new org.punchgate.connection.InMemoryConnectionStore(), 3123);
    for (var loaded : connections) {
      String id = loaded.connection().id();
      var party = switch (id) {
        case "demo-cxml" -> new ShopCustomer.BuyerParty(id, ShopCustomer.BuyerParty.Kind.CXML_FROM, "NetworkID", "AN-DEMO-BUYER");
        case "demo-cxml-coupa" -> new ShopCustomer.BuyerParty(id, ShopCustomer.BuyerParty.Kind.CXML_FROM, "DUNS", "987654321");
        case "demo-oci3" -> endpoint(id, "4012345000016");
        case "demo-oci4" -> endpoint(id, "4012345000023");
        case "demo-oci5" -> endpoint(id, "4012345000030");
        case "demo-punchin" -> endpoint(id, "7300010000001");
        case "demo-peppol" -> new ShopCustomer.BuyerParty(id, ShopCustomer.BuyerParty.Kind.ENDPOINT, "0007", "2120001231");
        default -> throw new AssertionError("a demo connection without a demo customer: " + id);
      };
      ShopCustomer customer = shop.customer(party).orElseThrow(() -> new AssertionError(id));
      assertEquals(loaded.connection().userGroup(), customer.group(), id);
    }
  }

  @Test
  void theDemoUblOrderAtTheCatalogsPricesIsAccepted() throws IOException {
    DemoPunchIn.loadDemo(shop, DemoCatalog.load());
    var sniffed = assertInstanceOf(OrderSniffer.Sniffed.Ubl.class, OrderSniffer.sniff(resource("bis3-order.xml")));
    OrderReading reading = UblOrderReader.read(sniffed.format(), sniffed.document());
    assertEquals(List.of(), reading.findings());
    var result = new PunchInChecks(shop).check("demo-punchin", reading.order(), PunchInPolicy.DEFAULTS, "R-1", NOW);
    assertEquals(Outcome.ACCEPTED, result.decision().outcome(), result.findings()::toString);
    assertEquals(List.of("DRL-18V-KIT", "SCR-4X40-TX", "PPE-NITRILE-L"),
        result.lines().stream().map(l -> l.product().sku()).toList());
  }

  @Test
  void theDemoCxmlOrderAtTheCatalogsPricesIsAccepted() throws IOException {
    DemoPunchIn.loadDemo(shop, DemoCatalog.load());
    var sniffed = assertInstanceOf(OrderSniffer.Sniffed.Cxml.class, OrderSniffer.sniff(resource("cxml-orderrequest.xml")));
    OrderReading reading = CxmlOrderRequestReader.read(sniffed.document()).reading();
    assertEquals(List.of(), reading.fatal());
    var result = new PunchInChecks(shop).check("demo-cxml", reading.order(), PunchInPolicy.DEFAULTS, "R-2", NOW);
    assertEquals(Outcome.ACCEPTED, result.decision().outcome(), result.findings()::toString);
  }

  @Test
  void aSeedFileAddsCustomersProductsAndPrices(@TempDir Path dir) throws IOException {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, """
        {"connections": [],
         "customers": [{"id": "77", "name": "Seeded", "group": "g", "currencies": ["SEK"],
                        "buyerParties": [{"connectionId": "c", "kind": "party-id", "scheme": "0007", "value": "5560001111"}]}],
         "products": [{"sku": "S-1", "gtin": "7310000000001", "units": ["EA"], "unitMap": {"PCE": "EA"},
                       "buyerItemIds": {"77": "B-1"}}],
         "prices": [{"sku": "S-1", "customer": "77", "currency": "SEK", "amount": "95.00", "baseQuantity": "10",
                     "unit": "EA", "validFrom": "2026-01-01", "validTo": "2026-12-31"},
                    {"sku": "S-1", "currency": "SEK", "amount": "12.00"}]}
        """);
    DemoPunchIn.loadSeed(shop, seed);
    ShopCustomer customer = shop.customer(new ShopCustomer.BuyerParty("c", ShopCustomer.BuyerParty.Kind.PARTY_ID,
        "0007", "5560001111")).orElseThrow();
    assertEquals(List.of("SEK"), customer.currencies());
    assertEquals(2, shop.prices(customer, List.of("S-1")).size());
    assertTrue(shop.products("77", List.of(new org.punchgate.punchin.ShopProduct.Ref(
        org.punchgate.punchin.ShopProduct.Ref.Kind.BUYER_ITEM, "B-1"))).size() == 1);
  }

  private static ShopCustomer.BuyerParty endpoint(String connection, String gln) {
    return new ShopCustomer.BuyerParty(connection, ShopCustomer.BuyerParty.Kind.ENDPOINT, "0088", gln);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DemoPunchInTest.class.getResourceAsStream("/demo/orders/" + name)) {
      return in.readAllBytes();
    }
  }
}
