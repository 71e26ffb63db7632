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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.oci.OciHtmlForms;

/**
 * One buyer's punchout through the runner, the way the browser goes: the buyer simulator launches an
 * OCI 5.0 punchout in ISO-8859-1, the demo shop fills a cart with a kit, screws priced per 100 and an
 * item with umlauts, transfers it, and the gateway's page posts the cart back to the simulator's hook.
 */
@ExtendWith(LocalRunnerExtension.class)
class PunchoutRoundTripIT {

  private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void cartFromTheDemoShopArrivesAtTheBuyerAsOciItems(LocalRunner runner) throws Exception {
    // the buyer simulator's launch page: an auto-submitting form to the gateway's OCI login
    var launch = post(runner.baseUrl().resolve("/buyer/launch"), "connection=demo-oci5&username=demo-oci5"
        + "&password=demo-oci5-pass&function=&charset=ISO-8859-1&method=POST", StandardCharsets.UTF_8);
    assertEquals(200, launch.statusCode());
    var loginForm = OciHtmlForms.extract(launch.body()).getFirst();
    assertEquals("/punchout/oci/demo-oci5", loginForm.action());
    assertTrue(loginForm.fields().first("HOOK_URL").startsWith(runner.baseUrl() + "/buyer/hook?sim="));

    var login = post(runner.baseUrl().resolve(loginForm.action()), encode(loginForm.fields(), StandardCharsets.UTF_8),
        StandardCharsets.UTF_8);
    assertEquals(302, login.statusCode(), login.body());
    var landing = http.send(HttpRequest.newBuilder(URI.create(login.headers().firstValue("location").orElseThrow()))
        .build(), HttpResponse.BodyHandlers.ofString());
    String catalog = landing.headers().firstValue("location").orElseThrow();
    String key = catalog.substring(catalog.indexOf("k=") + 2);

    for (String item : new String[] {"sku=DRL-18V-KIT&quantity=1", "sku=SCR-4X40-TX&quantity=500",
        "sku=PPE-GOGGLE-OTG&quantity=2"}) {
      assertEquals(303, post(runner.baseUrl().resolve("/shop/cart/add"), "k=" + key + "&" + item,
          StandardCharsets.UTF_8).statusCode());
    }
    var transfer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/shop/transfer"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("k=" + key)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, transfer.statusCode());
    assertTrue(transfer.headers().firstValue("content-type").orElseThrow().contains("iso-8859-1"));
    String page = new String(transfer.body(), StandardCharsets.ISO_8859_1);

    // what the browser does with the gateway's page: post its hidden fields to the action, in its charset
    Matcher action = Pattern.compile("action=\"([^\"]*)\"").matcher(page);
    assertTrue(action.find(), page);
    assertTrue(action.group(1).startsWith(runner.baseUrl() + "/buyer/hook"), action.group(1));
    StringBuilder fields = new StringBuilder();
    Matcher hidden = HIDDEN.matcher(page);
    while (hidden.find()) {
      fields.append(fields.isEmpty() ? "" : "&").append(URLEncoder.encode(unescape(hidden.group(1)), StandardCharsets.ISO_8859_1))
          .append('=').append(URLEncoder.encode(unescape(hidden.group(2)), StandardCharsets.ISO_8859_1));
    }
    var received = post(URI.create(action.group(1)), fields.toString(), StandardCharsets.ISO_8859_1);
    assertEquals(200, received.statusCode());
    String buyerPage = received.body();
    assertTrue(buyerPage.contains("from <b>demo-oci5</b>"), "the hook knew its launch");
    assertEquals(4, buyerPage.split("<tr class=\"item\"", -1).length - 1, "kit, its battery as child, screws, goggles");
    assertTrue(buyerPage.contains("<td data-field=\"PARENT_ID\">1</td>"), buyerPage);
    assertTrue(buyerPage.contains("<td data-field=\"PRICEUNIT\">100</td>"), buyerPage);
    assertTrue(buyerPage.contains("Schutzbrille mit Seitenschutz für Brille"), buyerPage);
  }

  private HttpResponse<String> post(URI uri, String form, Charset charset) throws Exception {
    return http.send(HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form, charset)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(org.punchgate.http.FormParameters form, Charset charset) {
    return form.all().stream()
        .map(p -> URLEncoder.encode(p.name(), charset) + "=" + URLEncoder.encode(p.value(), charset))
        .collect(Collectors.joining("&"));
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
