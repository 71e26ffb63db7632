package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.cart.CartJson;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.security.SecretHash;

class DemoDataTest {

  private final DemoCatalog catalog = DemoCatalog.load();

  @Test
  void demoConnectionsCoverTheThreeOciVersionsWithHashedPasswordsAndTheRunnersOrigins() {
    var store = new InMemoryConnectionStore();
    var loaded = DemoData.loadDemo(store, 3123);
    assertEquals(List.of("demo-oci3", "demo-oci4", "demo-oci5", "demo-peppol", "demo-cxml", "demo-cxml-coupa", "demo-punchin"),
        loaded.stream().map(c -> c.connection().id()).toList());
    var oci4 = store.find("demo-oci4").orElseThrow();
    assertEquals(ConnectionFormat.OCI_4_0, oci4.format());
    assertEquals("globex-buyers", oci4.userGroup());
    assertEquals("demo-oci4", oci4.username());
    assertTrue(SecretHash.verify("demo-oci4-pass", oci4.secretHash()));
    assertEquals(List.of("demo-oci4", "demo-oci4-erika"), oci4.users().stream().map(u -> u.username()).toList(),
        "a second user in the same user group");
    assertTrue(SecretHash.verify("demo-oci4-erika-pass", oci4.users().get(1).secretHash()));
    assertEquals("http://localhost:3123/shop/", oci4.shopStartUrl());
    for (var demo : loaded) { // a buyer tool on another local port may take the cart back: a demo convenience
      for (String hook : List.of("http://localhost:3123/buyer/hook", "http://localhost:4711/hook", "http://127.0.0.1:9/x")) {
        assertEquals(java.util.Optional.empty(),
            org.punchgate.connection.ReturnUrlPolicy.refusal(demo.connection(), hook), demo.connection().id() + " " + hook);
      }
      assertTrue(org.punchgate.connection.ReturnUrlPolicy.refusal(demo.connection(), "http://example.com:3123/").isPresent());
    }
    assertEquals("UNSPSC", oci4.defaultClassification().scheme());
  }

  @Test
  void demoCxmlConnectionsPlayAribaWithBase64AndCoupaWithUrlencoded() {
    var store = new InMemoryConnectionStore();
    var loaded = DemoData.loadDemo(store, 3123);
    var ariba = store.findByAlias(ConnectionAlias.cxmlSender("networkid", "AN-DEMO-BUYER")).orElseThrow();
    assertEquals("demo-cxml", ariba.id());
    assertEquals(ConnectionFormat.CXML, ariba.format());
    assertEquals("acme-buyers", ariba.userGroup());
    assertTrue(SecretHash.verify("demo-cxml-secret", ariba.secretHash()));
    assertEquals(List.of(new CxmlCredential("NetworkID", "AN-DEMO-BUYER")), ariba.cxml().from());
    assertEquals(new CxmlCredential("DUNS", "123456789"), ariba.cxml().to());
    assertEquals(CxmlSettings.BASE64, ariba.cxml().returnEncoding());
    assertEquals(List.of("http://localhost:*", "http://127.0.0.1:*"), ariba.allowedReturnOrigins());
    assertEquals("demo-cxml-secret", loaded.stream().filter(c -> c.connection().id().equals("demo-cxml"))
        .findFirst().orElseThrow().password(), "the simulator knows the shared secret");
    var coupa = store.findByAlias(ConnectionAlias.cxmlSender("DUNS", "987654321")).orElseThrow();
    assertEquals(CxmlSettings.URLENCODED, coupa.cxml().returnEncoding());
    assertEquals("globex-buyers", coupa.userGroup());
  }

  @Test
  void seedFileAddsConnectionsAndNamesTheBadOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    var store = new InMemoryConnectionStore();
    var seed = dir.resolve("seed.json");
    java.nio.file.Files.writeString(seed, """
        {"connections":[{"id":"acme-prod","format":"OCI_4_0","userGroup":"acme-buyers","username":"srm",
          "password":"s3cret-enough","allowedReturnOrigins":["https://srm.acme.example"],
          "shopStartUrl":"https://shop.example/punchout"}]}""");
    var loaded = DemoData.loadSeed(store, seed);
    assertEquals("s3cret-enough", loaded.getFirst().password());
    assertTrue(SecretHash.verify("s3cret-enough", store.find("acme-prod").orElseThrow().secretHash()));

    java.nio.file.Files.writeString(seed, "{\"connections\":[{\"id\":\"x\",\"format\":\"OCI_4_0\"}]}");
    var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DemoData.loadSeed(store, seed));
    assertTrue(e.getMessage().contains("connections[0]"), e.getMessage());
  }

  @Test
  void catalogHasTheCasesTheDemoShows() {
    assertTrue(catalog.all().size() >= 12);
    assertTrue(catalog.all().stream().anyMatch(p -> p.name().length() > 40 && p.name().matches(".*[äöüÄÖÜß].*")),
        "a long name with umlauts");
    assertTrue(catalog.all().stream().anyMatch(p -> p.priceUnit().compareTo(new BigDecimal("100")) == 0),
        "a price per 100");
    var kit = catalog.find("DRL-18V-KIT").orElseThrow();
    assertFalse(kit.components().isEmpty());
    kit.components().forEach(c -> assertTrue(catalog.find(c.sku()).isPresent(), c.sku()));
    for (var p : catalog.all()) {
      assertNotNull(p.prices().get("acme-buyers"), p.sku());
      assertNotNull(p.prices().get("globex-buyers"), p.sku());
      assertTrue(p.price("acme-buyers").compareTo(p.listPrice()) < 0, p.sku());
      assertTrue(p.unspsc().matches("\\d{8}"), p.sku());
    }
  }

  @Test
  void searchMatchesEveryWord() {
    assertEquals(List.of("PPE-NITRILE-L"), catalog.search("nitrile gloves").stream().map(DemoCatalog.Product::sku).toList());
    assertTrue(catalog.search("no such thing").isEmpty());
  }

  @Test
  void shopCartIsAValidShopApiCartWithTheKitsPartsAsChildLinesForOci5() {
    var session = new DemoShop.SessionInfo("s1", "demo-oci5", "acme-buyers", "demo-oci5", "OCI_5_0", null, Map.of());
    var visit = new DemoShop.Visit("k", "token", session);
    visit.cart.put("DRL-18V-KIT", BigDecimal.ONE);
    visit.cart.put("SCR-4X40-TX", new BigDecimal("500"));
    var json = new DemoShop(catalog, java.net.URI.create("http://127.0.0.1:1")).cartJson(visit, false);

    var submission = CartJson.read(json);
    assertTrue(submission.valid(), submission.violations()::toString);
    var lines = submission.cart().lines();
    assertEquals(3, lines.size());
    assertEquals("1", lines.get(1).parentLineId());
    assertEquals("BAT-18V-40", lines.get(1).sku());
    assertEquals(new BigDecimal("100"), lines.get(2).priceUnit());
    assertEquals(new BigDecimal("5.40"), lines.get(2).unitPrice());
  }

  @Test
  void sessionInfoOfACxmlInspectReopensTheTopLevelLinesReadOnly() {
    var info = org.punchgate.json.Json.parse("""
        {"sessionId":"s2","userGroup":"acme-buyers","user":"j@acme.example","format":"CXML","function":null,
         "operation":"inspect","readOnly":true,"initialCart":{"currency":"EUR","lines":[
           {"lineId":"1","sku":"DRL-18V-KIT","quantity":2},
           {"lineId":"2","parentLineId":"1","sku":"BAT-18V-40","quantity":4},
           {"lineId":"3","sku":"SCR-4X40-TX","quantity":"500"}]}}""");
    var session = DemoShop.readSessionInfo(info, "s2", "not.a.token");
    assertTrue(session.readOnly());
    assertEquals(Map.of("DRL-18V-KIT", new BigDecimal("2"), "SCR-4X40-TX", new BigDecimal("500")), session.initialCart(),
        "the kit stands for its parts");
  }

  @Test
  void sessionInfoGivesFunctionAndParametersFromTheShopApi() {
    var info = org.punchgate.json.Json.parse("""
        {"sessionId":"s1","userGroup":"globex-buyers","user":"demo-oci4","format":"OCI_4_0",
         "function":"DETAIL","functionParameters":{"PRODUCTID":"BRG-6205-2RS"}}""");
    var session = DemoShop.readSessionInfo(info, "s1", "not.a.token");
    assertEquals("DETAIL", session.function());
    assertEquals("BRG-6205-2RS", session.parameters().get("PRODUCTID"));
    assertEquals("globex-buyers", session.userGroup());
  }
}
