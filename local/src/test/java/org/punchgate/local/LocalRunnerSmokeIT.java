package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalRunnerExtension.class)
class LocalRunnerSmokeIT {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void servesTheBuyerSimulatorWithTheDemoConnections(LocalRunner runner) throws Exception {
    var page = get(runner, "/buyer/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"launch\""));
    assertTrue(page.body().contains("demo-oci3") && page.body().contains("demo-oci4") && page.body().contains("demo-oci5"));
  }

  @Test
  void shopWithoutTokenExplainsHowToGetThere(LocalRunner runner) throws Exception {
    var page = get(runner, "/shop/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("id=\"no-token\""));
    assertTrue(page.body().contains("/buyer/"));
  }

  @Test
  void unknownRouteIsApiGatewaysNotFound(LocalRunner runner) throws Exception {
    var answer = get(runner, "/punchout/nothing");
    assertEquals(404, answer.statusCode());
    assertEquals("{\"message\":\"Not Found\"}", answer.body());
  }

  @Test
  void bodyOverTenMegabytesIsRefusedLikeApiGateway(LocalRunner runner) throws Exception {
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/cxml"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024 + 1])).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(413, answer.statusCode());
    assertTrue(answer.headers().firstValue("content-type").orElseThrow().startsWith("application/problem+json"));
    assertEquals(413, org.punchgate.json.Json.parse(answer.body()).get("status").asInt(), answer.body());
  }

  @Test
  void aClientThatNeverFinishesItsRequestIsCutOff(LocalRunner runner) throws Exception {
    long start = System.nanoTime();
    try (var socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), runner.baseUrl().getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write("POST /punchout/cxml HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc"
          .getBytes(StandardCharsets.US_ASCII));
      byte[] answer = socket.getInputStream().readAllBytes(); // returns when the runner closes the connection
      long seconds = (System.nanoTime() - start) / 1_000_000_000L;
      assertTrue(seconds <= LocalRunner.REQUEST_TIMEOUT_SECONDS + 5, seconds + " s, " + answer.length + " bytes");
    }
  }

  @Test
  void ociLoginThroughTheTemplateRouteSendsTheBuyerToTheDemoShopWhichLogsThemIn(LocalRunner runner) throws Exception {
    String form = "USERNAME=demo-oci4&PASSWORD=demo-oci4-pass&HOOK_URL="
        + URLEncoder.encode(runner.baseUrl() + "/buyer/hook?sim=x", StandardCharsets.UTF_8);
    var login = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/oci/demo-oci4"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, login.statusCode(), login.body());
    String location = login.headers().firstValue("location").orElseThrow();
    assertTrue(location.startsWith(runner.baseUrl() + "/shop/?punchout_token="), location);

    var landing = http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(303, landing.statusCode(), landing.body());
    String catalog = landing.headers().firstValue("location").orElseThrow();
    assertTrue(catalog.startsWith("/shop/catalog?k="), catalog);

    var page = get(runner, catalog);
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("globex-buyers"));
    assertTrue(page.body().contains("165.50 EUR"), "the group's price of the drill kit");
  }

  @Test
  void buyerHookGroupsTheReturnedItemsInTheLaunchCharset(LocalRunner runner) throws Exception {
    Charset latin1 = StandardCharsets.ISO_8859_1;
    String body = "NEW_ITEM-DESCRIPTION%5B1%5D=" + URLEncoder.encode("Schutzbrille für Brillenträger", latin1)
        + "&NEW_ITEM-QUANTITY%5B1%5D=2&NEW_ITEM-DESCRIPTION%5B2%5D=Screw&NEW_ITEM-QUANTITY%5B2%5D=500"
        + "&NEW_ITEM-LONGTEXT_2%3A132%5B%5D=Priced+per+100";
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/buyer/hook?sim=unknown"))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode());
    String page = answer.body();
    assertTrue(page.contains("id=\"received-items\""));
    assertEquals(2, page.split("<tr class=\"item\"", -1).length - 1);
    assertTrue(page.contains("Schutzbrille für Brillenträger"), page);
    assertTrue(page.contains("<td data-field=\"LONGTEXT\" class=\"text\">Priced per 100</td>"), page);
  }

  @Test
  void ociFunctionsOpenTheRightShopPage(LocalRunner runner) throws Exception {
    assertTrue(punchoutLanding(runner, "&FUNCTION=DETAIL&PRODUCTID=BRG-6205-2RS").startsWith("/shop/product?"));
    String validate = punchoutLanding(runner, "&FUNCTION=VALIDATE&PRODUCTID=TAPE-5M-MAG&QUANTITY=3");
    assertTrue(validate.startsWith("/shop/cart?"), validate);
    var cart = get(runner, validate);
    assertTrue(cart.body().contains("data-sku=\"TAPE-5M-MAG\""), cart.body());
    assertTrue(cart.body().contains("value=\"3\""), cart.body());
    String search = punchoutLanding(runner, "&FUNCTION=BACKGROUND_SEARCH&SEARCHSTRING=bearing");
    var hits = get(runner, search);
    assertEquals(1, hits.body().split("<tr class=\"product\"", -1).length - 1, hits.body());
  }

  @Test
  void checkoutIsRefusedInAPunchoutShop(LocalRunner runner) throws Exception {
    var page = get(runner, "/shop/checkout");
    assertEquals(403, page.statusCode());
    assertTrue(page.body().contains("Transfer cart"));
  }

  /** Logs in through demo-oci4 (OCI 4.0) with extra call-up parameters; returns where the shop sends the buyer. */
  private String punchoutLanding(LocalRunner runner, String parameters) throws Exception {
    String query = "USERNAME=demo-oci4&PASSWORD=demo-oci4-pass&HOOK_URL="
        + URLEncoder.encode(runner.baseUrl() + "/buyer/hook", StandardCharsets.UTF_8) + parameters;
    var login = get(runner, "/punchout/oci/demo-oci4?" + query);
    assertEquals(302, login.statusCode(), login.body());
    var landing = http.send(HttpRequest.newBuilder(URI.create(login.headers().firstValue("location").orElseThrow())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(303, landing.statusCode(), landing.body());
    return landing.headers().firstValue("location").orElseThrow();
  }

  private HttpResponse<String> get(LocalRunner runner, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
