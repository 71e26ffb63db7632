package org.punchgate.local;

import static org.punchgate.http.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.punchgate.connection.Connection;
import org.punchgate.connection.PeppolSettings;
import org.punchgate.http.FormParameters;
import org.punchgate.json.Json;
import org.punchgate.security.RandomIds;
import org.punchgate.xml.XmlElement;

/**
 * Plays a PEPPOL punch-out buyer (Visma Proceedo and other SFTI-conformant systems, SPECS §3.2): posts the login
 * variables to {@code /punchout/peppol/{connectionId}}, or makes a login link through the admin API and opens it;
 * receives the Base64 cart at its own return URL, decodes it ({@link PeppolCartDecoder}), shows one row per line and
 * the raw XML, and validates it against the BIS 3 schematron ({@link PeppolCartValidator}) as SFTI's verifier does.
 */
final class PeppolBuyer {

  static final String BASE = BuyerSimulator.BASE + "/peppol";
  private static final String RETURN_PATH = BASE + "/return";
  private static final Duration TIMEOUT = Duration.ofSeconds(20);

  private final String publicBaseUrl;
  private final URI gateway;
  private final String adminKey;
  private final List<DemoData.LoadedConnection> connections;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final RandomIds ids = new RandomIds();
  /** Return address key → connection id, to know which cart field to read. */
  private final Map<String, String> launches = new ConcurrentHashMap<>();

  PeppolBuyer(String publicBaseUrl, URI gateway, String adminKey, List<DemoData.LoadedConnection> connections) {
    this.publicBaseUrl = publicBaseUrl;
    this.gateway = gateway;
    this.adminKey = adminKey;
    this.connections = connections.stream().filter(c -> c.connection().peppol() != null).toList();
  }

  int handle(HttpExchange exchange, String path, byte[] body) throws IOException {
    String method = exchange.getRequestMethod();
    if (path.equals(BASE) || path.equals(BASE + "/")) {
      return send(exchange, 200, "Buyer simulator: PEPPOL", startPage());
    }
    if (path.equals(BASE + "/login") && method.equals("POST")) {
      return postedLogin(exchange, Exchanges.form(exchange, body, StandardCharsets.UTF_8));
    }
    if (path.equals(BASE + "/link") && method.equals("POST")) {
      return makeLink(exchange, Exchanges.form(exchange, body, StandardCharsets.UTF_8));
    }
    if (path.equals(BASE + "/revoke") && method.equals("POST")) {
      return revoke(exchange, Exchanges.form(exchange, body, StandardCharsets.UTF_8));
    }
    if (path.equals(RETURN_PATH) && method.equals("POST")) {
      return received(exchange, body);
    }
    return send(exchange, 404, "Not found", "<p class=\"error\">No such page in the buyer simulator.</p>");
  }

  private String startPage() {
    StringBuilder html = new StringBuilder(BuyerSimulator.modes(BuyerSimulator.Mode.PEPPOL));
    html.append("<p>This page plays a PEPPOL punch-out buyer (Visma Proceedo). It posts the login variables to the "
        + "gateway, or makes a login link through the admin API and follows it; the cart comes back Base64-encoded "
        + "to its return URL, where it is decoded and validated against the BIS Punch Out 3 schematron.</p>");
    html.append("<form id=\"launch\" method=\"post\" action=\"").append(BASE).append("/login\">");
    connectionSelect(html);
    var first = connections.isEmpty() ? null : connections.getFirst();
    html.append("<label>USERNAME <input name=\"username\" id=\"username\" value=\"")
        .append(escape(first == null ? "" : first.connection().username())).append("\"></label>");
    html.append("<label>PASSWORD <input name=\"password\" id=\"password\" value=\"")
        .append(escape(first == null ? "" : first.password())).append("\"></label>");
    html.append("<label>BUYER_REFERENCE <input name=\"buyerReference\" id=\"buyerReference\" value=\"anna.berg@nordby.example\"></label>");
    html.append("<p><button id=\"post-login\">Post login variables</button></p></form>");
    html.append("<h2>Login link</h2><form id=\"link\" method=\"post\" action=\"").append(BASE).append("/link\">");
    connectionSelect(html);
    html.append("<label>Buyer reference <input name=\"buyerReference\" id=\"linkBuyerReference\" value=\"erik.lund@nordby.example\"></label>");
    html.append("<label>Valid for minutes (empty: no expiry) <input name=\"minutes\" id=\"minutes\" value=\"\"></label>");
    html.append("<p><button id=\"create-link\">Create login link</button></p></form>");
    return html.toString();
  }

  private void connectionSelect(StringBuilder html) {
    html.append("<label>Connection <select name=\"connection\">");
    for (var c : connections) {
      html.append(Pages.option(c.connection().id(), c.connection().id() + " - " + c.connection().name(), false));
    }
    html.append("</select></label>");
  }

  /** Answers with a form the browser submits at once to the gateway's PEPPOL login, as Proceedo does. */
  private int postedLogin(HttpExchange exchange, FormParameters form) throws IOException {
    String connectionId = Objects.requireNonNullElse(form.first("connection"), "");
    PeppolSettings.LoginNames names = connections.stream().filter(c -> c.connection().id().equals(connectionId))
        .findFirst().map(c -> c.connection().peppol().login()).orElse(PeppolSettings.LoginNames.DEFAULT);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(names.username(), Objects.requireNonNullElse(form.first("username"), ""));
    fields.put(names.password(), Objects.requireNonNullElse(form.first("password"), ""));
    fields.put(names.returnUrl(), returnUrl(connectionId));
    String reference = form.first("buyerReference");
    if (reference != null && !reference.isBlank()) {
      fields.put(names.buyerReference(), reference);
    }
    StringBuilder html = new StringBuilder("<p>Opening the supplier catalog of <b>").append(escape(connectionId))
        .append("</b> ...</p><form id=\"punchout\" method=\"post\" action=\"/punchout/peppol/")
        .append(escape(encode(connectionId))).append("\" accept-charset=\"UTF-8\">");
    fields.forEach((name, value) -> html.append(Pages.hidden(name, value)));
    html.append("<noscript><button>Continue to the catalog</button></noscript></form>"
        + "<script>document.getElementById('punchout').submit();</script>");
    return send(exchange, 200, "Opening catalog", html.toString());
  }

  /** Makes a login link through the admin API, as a supplier's administrator would, and shows it. */
  private int makeLink(HttpExchange exchange, FormParameters form) throws IOException {
    String connectionId = Objects.requireNonNullElse(form.first("connection"), "");
    var body = Json.object();
    body.put("returnUrl", returnUrl(connectionId));
    Json.putIfPresent(body, "buyerReference", form.first("buyerReference"));
    String minutes = form.first("minutes");
    if (minutes != null && minutes.strip().matches("\\d{1,6}")) {
      body.put("expiresAt", java.time.Instant.now().plusSeconds(60L * Integer.parseInt(minutes.strip())).toString());
    }
    HttpResponse<String> answer = admin(HttpRequest.newBuilder(
        gateway.resolve("/admin/connections/" + encode(connectionId) + "/links"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    if (answer.statusCode() != 201) {
      return send(exchange, 502, "Link refused", "<p class=\"error\" id=\"link-refused\">The admin API answered "
          + answer.statusCode() + ": " + escape(answer.body()) + "</p>");
    }
    JsonNode link = Json.parse(answer.body());
    String html = "<p>The admin API made this login link (shown once; the gateway keeps only its hash):</p>"
        + "<p><a id=\"login-link\" href=\"" + escape(Json.text(link, "url")) + "\">" + escape(Json.text(link, "url"))
        + "</a></p><p>Link id <code id=\"link-id\">" + escape(Json.text(link, "linkId")) + "</code>, expires "
        + escape(Objects.requireNonNullElse(Json.text(link, "expiresAt"), "never")) + ".</p>"
        + "<form method=\"post\" action=\"" + BASE + "/revoke\">" + Pages.hidden("linkId", Json.text(link, "linkId"))
        + "<button id=\"revoke-link\">Revoke this link</button></form>";
    return send(exchange, 200, "Login link", html);
  }

  private int revoke(HttpExchange exchange, FormParameters form) throws IOException {
    String linkId = Objects.requireNonNullElse(form.first("linkId"), "");
    HttpResponse<String> answer = admin(HttpRequest.newBuilder(gateway.resolve("/admin/links/" + encode(linkId))).DELETE());
    return send(exchange, answer.statusCode() == 200 ? 200 : 502, "Link revoked", "<p id=\"revoked\">The admin API "
        + "answered " + answer.statusCode() + ": <code>" + escape(answer.body()) + "</code></p><p><a id=\"again\" href=\""
        + BASE + "/\">Back</a></p>");
  }

  private HttpResponse<String> admin(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.header("Authorization", "Bearer " + adminKey).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the admin API", e);
    }
  }

  private String returnUrl(String connectionId) {
    String key = ids.newId(9);
    launches.put(key, connectionId);
    return publicBaseUrl + RETURN_PATH + "?sim=" + key;
  }

  /** The cart the gateway's page posted: the Base64 value of the connection's cart field. */
  private int received(HttpExchange exchange, byte[] body) throws IOException {
    String connectionId = launches.get(Objects.requireNonNullElse(Exchanges.query(exchange).first("sim"), ""));
    String field = connections.stream().filter(c -> c.connection().id().equals(connectionId)).findFirst()
        .map(c -> c.connection().peppol().cartField()).orElse(PeppolSettings.DEFAULT_CART_FIELD);
    FormParameters form = FormParameters.parse(new String(body, StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    String value = form.first(field);
    StringBuilder html = new StringBuilder();
    if (value == null || value.isBlank()) {
      html.append("<p id=\"no-cart\">No cart: the punchout was cancelled.</p>");
      return send(exchange, 200, "Punchout closed", html.append(again()).toString());
    }
    switch (PeppolCartDecoder.decode(value)) {
      case PeppolCartDecoder.Decoded.Cart cart -> {
        html.append("<p id=\"received-summary\">").append(children(cart.root(), "CatalogueLine").size())
            .append(" line(s) received from <b>").append(escape(Objects.requireNonNullElse(connectionId, "?")))
            .append("</b>, Catalogue ID <code id=\"catalogue-id\">").append(escape(text(cart.root(), "ID")))
            .append("</code>, decoded as ").append(escape(cart.charset().name())).append(".</p>");
        html.append(validation(PeppolCartValidator.validate(cart.bytes())));
        html.append(linesTable(cart.root()));
        if (connectionId != null) { // the cart id is the Catalogue ID (README "Cart id")
          html.append("<h2>Purchase order</h2>").append(OrderApproval.form(connectionId, text(cart.root(), "ID"),
              "PO-" + java.time.LocalDate.now(), "Approve purchase order"));
        }
        html.append("<h2>Raw XML</h2><pre id=\"raw-xml\">").append(escape(cart.text())).append("</pre>");
      }
      default -> html.append("<p class=\"error\" id=\"unreadable\">The cart field could not be read.</p>");
    }
    return send(exchange, 200, "Cart received", html.append(again()).toString());
  }

  private static String validation(PeppolCartValidator.Report report) {
    return switch (report) {
      case PeppolCartValidator.Report.Checked checked when checked.errors().isEmpty() ->
          "<p class=\"ok\" id=\"validation-valid\" style=\"color:#080;font-weight:bold\">valid</p>";
      case PeppolCartValidator.Report.Checked checked -> {
        StringBuilder html = new StringBuilder("<table id=\"validation-errors\"><tr><th>Rule</th><th>Location</th>"
            + "<th>Text</th></tr>");
        checked.errors().forEach(f -> html.append("<tr class=\"validation-error\"><td class=\"rule\">")
            .append(escape(f.rule())).append("</td><td>").append(escape(f.location())).append("</td><td>")
            .append(escape(f.text())).append("</td></tr>"));
        yield html.append("</table>").toString();
      }
      case PeppolCartValidator.Report.NoRules none -> "<p class=\"notice\" id=\"validation-none\">Not validated: "
          + escape(none.reason()) + "</p>";
      case PeppolCartValidator.Report.Unreadable unreadable -> "<p class=\"error\" id=\"validation-unreadable\">"
          + escape(unreadable.reason()) + "</p>";
    };
  }

  /** One row per CatalogueLine, in the markup of the other modes ({@code #received-items}, {@code td[data-field]}). */
  private static String linesTable(XmlElement catalogue) {
    List<BuyerSimulator.ItemRow> rows = new ArrayList<>();
    int index = 0;
    for (XmlElement line : children(catalogue, "CatalogueLine")) {
      XmlElement item = child(line, "Item");
      // Price and DeliveryUnit sit in RequiredItemLocationQuantity (UBL 2.1 Catalogue, SPECS §3.3)
      XmlElement location = child(line, "RequiredItemLocationQuantity");
      XmlElement price = child(location, "Price");
      XmlElement batch = child(child(location, "DeliveryUnit"), "BatchQuantity");
      XmlElement amount = child(price, "PriceAmount");
      XmlElement code = child(child(item, "CommodityClassification"), "ItemClassificationCode");
      XmlElement tax = child(item, "ClassifiedTaxCategory");
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("ID", text(line, "ID"));
      fields.put("Name", text(item, "Name"));
      fields.put("Quantity", batch == null ? null : batch.allText().strip());
      fields.put("Unit", batch == null ? null : batch.attribute("unitCode"));
      fields.put("Price", amount == null ? null : amount.allText().strip() + " " + amount.attribute("currencyID"));
      fields.put("BaseQuantity", text(price, "BaseQuantity"));
      fields.put("Classification", code == null ? null : code.attribute("listID") + " " + code.allText().strip());
      fields.put("Tax", tax == null ? null
          : text(tax, "ID") + (text(tax, "Percent") == null ? "" : " " + text(tax, "Percent") + " %"));
      String partOf = null;
      for (XmlElement property : children(item, "AdditionalItemProperty")) {
        if ("PartOf".equals(text(property, "Name"))) {
          partOf = text(property, "Value");
        }
      }
      fields.put("PartOf", partOf);
      rows.add(new BuyerSimulator.ItemRow(++index, fields));
    }
    return BuyerSimulator.itemsTable(rows);
  }

  /** Children by local name, whatever prefix the sender chose for the UBL namespaces. */
  private static List<XmlElement> children(XmlElement parent, String localName) {
    return parent == null ? List.of() : parent.children().stream()
        .filter(e -> e.name().equals(localName) || e.name().endsWith(":" + localName)).toList();
  }

  private static XmlElement child(XmlElement parent, String localName) {
    List<XmlElement> found = children(parent, localName);
    return found.isEmpty() ? null : found.getFirst();
  }

  private static String text(XmlElement parent, String localName) {
    XmlElement child = child(parent, localName);
    return child == null ? null : child.allText().strip();
  }

  private static String again() {
    return "<p><a href=\"" + BASE + "/\" id=\"again\">Start another punchout</a></p>";
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static int send(HttpExchange exchange, int status, String title, String body) throws IOException {
    Exchanges.html(exchange, status, Pages.page(title + " - Buyer simulator",
        "<b>Buyer simulator</b> (PEPPOL) &middot; <a href=\"" + BASE + "/\">New punchout</a>",
        "<h1>" + escape(title) + "</h1>" + body));
    return status;
  }
}
