package org.punchgate.local;

import static org.punchgate.http.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.punchgate.http.FormParameters;
import org.punchgate.json.Json;
import org.punchgate.security.RandomIds;

/**
 * A small webshop as a supplier would run it, to show the shop's side of a punchout: it receives the
 * buyer's browser with {@code punchout_token}, asks the gateway's shop API who the buyer is (over HTTP,
 * like any shop), shows that customer's prices, and on "Transfer cart" posts the cart to the gateway and
 * hands the gateway's page to the browser, which posts the cart on to the buyer's system.
 *
 * <p>Punchout shops often run in an iframe where cookies are blocked, so the shop keeps no cookie: the
 * shop session lives in memory under a random key carried in every link and form ({@code k}).
 */
final class DemoShop {

  static final String BASE = "/shop";

  /**
   * What the gateway says about a punchout session (tolerant of fields it may add). {@code initialCart} is a
   * cart the buyer's system reopened (cXML edit and inspect: SKU → quantity); {@code readOnly} an inspect.
   */
  record SessionInfo(String sessionId, String user, String userGroup, String connectionId, String format,
      String function, Map<String, String> parameters, Map<String, BigDecimal> initialCart, boolean readOnly) {

    SessionInfo(String sessionId, String user, String userGroup, String connectionId, String format,
        String function, Map<String, String> parameters) {
      this(sessionId, user, userGroup, connectionId, format, function, parameters, Map.of(), false);
    }
  }

  /** One buyer's visit: the token for the shop API, who they are, and the cart (SKU → quantity). */
  static final class Visit {
    final String key;
    final String token;
    final SessionInfo session;
    final Map<String, BigDecimal> cart = new LinkedHashMap<>();

    Visit(String key, String token, SessionInfo session) {
      this.key = key;
      this.token = token;
      this.session = session;
    }
  }

  private final DemoCatalog catalog;
  private final URI gateway;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
  private final RandomIds ids = new RandomIds();
  private final Map<String, Visit> visits = new ConcurrentHashMap<>();

  DemoShop(DemoCatalog catalog, URI gateway) {
    this.catalog = catalog;
    this.gateway = gateway;
  }

  /** Serves a request under {@code /shop}; returns the status sent. */
  int handle(HttpExchange exchange, String path, byte[] body) throws IOException {
    FormParameters form = Exchanges.form(exchange, body, StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    if (path.equals(BASE) || path.equals(BASE + "/")) {
      return landing(exchange, form.first("punchout_token"));
    }
    if (path.equals(BASE + "/checkout")) {
      Visit shopping = visits.get(String.valueOf(form.first("k")));
      if (shopping != null) {
        // a buyer in a punchout session goes back to the shop's start page, told which button ends the visit
        Exchanges.redirect(exchange, BASE + "/catalog?k=" + shopping.key + "&notice=" + encode("There is no checkout "
            + "in a punchout: use " + transferLabel(shopping.session) + " to send the cart to your procurement system."));
        return 303;
      }
      return send(exchange, 403, "Checkout is not available in a punchout session",
          "<p class=\"error\" id=\"checkout-refused\">You came here from your procurement system, so this shop does not "
              + "place an order. Use <b>" + checkoutWord(form.first("k")) + "</b> to send the cart back to your "
              + "procurement system, where it is approved and ordered.</p>" + backLink(form.first("k")));
    }
    Visit visit = visits.get(String.valueOf(form.first("k")));
    if (visit == null) {
      return send(exchange, 404, "Shop session not found", "<p class=\"error\" id=\"no-session\">This shop session "
          + "is unknown or already finished (the cart was transferred or cancelled). Start a new punchout from your "
          + "procurement system, or from the <a href=\"/buyer/\">buyer simulator</a>.</p>");
    }
    String action = method + " " + path.substring(BASE.length());
    if (visit.session.readOnly() && Set.of("POST /cart/add", "POST /cart/update", "POST /transfer").contains(action)) {
      return send(exchange, 409, "Read-only cart", visit, "<p class=\"error\" id=\"read-only-refused\">Your "
          + "procurement system opened this cart to look at it; it cannot be changed or transferred.</p>"
          + backLink(visit.key));
    }
    return switch (action) {
      case "GET /catalog" -> catalogPage(exchange, visit, form.first("q"), form.first("notice"));
      case "GET /product" -> productPage(exchange, visit, form.first("sku"));
      case "GET /cart" -> cartPage(exchange, visit, form.first("notice"));
      case "POST /cart/add" -> addToCart(exchange, visit, form.first("sku"), form.first("quantity"));
      case "POST /cart/update" -> updateCart(exchange, visit, form.first("sku"), form.first("quantity"));
      case "POST /transfer" -> transfer(exchange, visit, false);
      case "POST /cancel" -> transfer(exchange, visit, true);
      default -> send(exchange, 404, "Not found", "<p class=\"error\">No such page in the demo shop.</p>");
    };
  }

  private int landing(HttpExchange exchange, String token) throws IOException {
    if (token == null || token.isBlank()) {
      return send(exchange, 200, "Demo shop", "<div id=\"no-token\"><p>This is the demo webshop. Buyers arrive here "
          + "from their procurement system through a punchout, with a <code>punchout_token</code>.</p>"
          + "<p>Start a punchout from the <a href=\"/buyer/\">buyer simulator</a> (it plays SAP SRM, Ariba or Coupa).</p></div>");
    }
    String sessionId = sessionIdOf(token);
    if (sessionId == null) {
      return send(exchange, 400, "Invalid punchout token", "<p class=\"error\">The punchout token is malformed.</p>");
    }
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(HttpRequest.newBuilder(gateway.resolve("/punchout/sessions/" + encode(sessionId)))
          .header("Authorization", "Bearer " + token).header("Accept", "application/json")
          .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (answer.statusCode() != 200) {
      return send(exchange, answer.statusCode() == 404 ? 404 : 401, "Punchout login refused",
          "<p class=\"error\" id=\"login-refused\">The gateway did not accept this punchout session ("
              + answer.statusCode() + "): " + escape(problemText(answer.body()))
              + "</p><p>Start a new punchout from your procurement system.</p>");
    }
    SessionInfo session = readSessionInfo(Json.parse(answer.body()), sessionId, token);
    Visit visit = new Visit(ids.newId(), token, session);
    visits.put(visit.key, visit);
    session.initialCart().forEach((sku, quantity) -> {
      if (catalog.find(sku).isPresent()) {
        visit.cart.merge(sku, quantity, BigDecimal::add);
      }
    });
    String function = session.function() == null ? "" : session.function().toUpperCase(Locale.ROOT);
    String productId = session.parameters().get("PRODUCTID");
    String search = session.parameters().get("SEARCHSTRING");
    // the token stays out of the address bar from here on: the next page is reached by a redirect
    String next = switch (function) {
      case "DETAIL" -> BASE + "/product?k=" + visit.key + "&sku=" + encode(productId);
      case "VALIDATE" -> validate(visit, productId, session.parameters().get("QUANTITY"));
      case "BACKGROUND_SEARCH", "SOURCING" -> BASE + "/catalog?k=" + visit.key + "&q=" + encode(search);
      default -> session.initialCart().isEmpty() ? BASE + "/catalog?k=" + visit.key
          : BASE + "/cart?k=" + visit.key + "&notice=" + encode(session.readOnly()
              ? "Your procurement system opened this cart to look at it: it cannot be changed here."
              : "Your procurement system reopened this cart: change it and transfer it again.");
    };
    Exchanges.redirect(exchange, next);
    return 303;
  }

  /** OCI VALIDATE: the buyer asks the shop to check an item; it lands in the cart, ready to transfer back. */
  private String validate(Visit visit, String productId, String quantity) {
    var product = catalog.find(productId);
    if (product.isEmpty()) {
      return BASE + "/catalog?k=" + visit.key + "&notice=" + encode("Product " + productId + " is not in the catalog.");
    }
    visit.cart.put(product.get().sku(), positiveOr(quantity, BigDecimal.ONE));
    return BASE + "/cart?k=" + visit.key + "&notice=" + encode("Validated " + product.get().sku() + ": price and availability are current.");
  }

  private int catalogPage(HttpExchange exchange, Visit visit, String query, String notice) throws IOException {
    StringBuilder html = new StringBuilder();
    html.append(notice(notice));
    html.append("<form method=\"get\" action=\"").append(BASE).append("/catalog\" id=\"search\">")
        .append(Pages.hidden("k", visit.key))
        .append("<input type=\"search\" name=\"q\" value=\"").append(escape(query)).append("\" placeholder=\"Search\"> ")
        .append("<button>Search</button></form>");
    var products = catalog.search(query);
    if (products.isEmpty()) {
      html.append("<p id=\"no-results\">No products match <b>").append(escape(query)).append("</b>.</p>");
    }
    html.append("<table id=\"catalog\"><tr><th>SKU</th><th>Product</th><th>Manufacturer</th><th>Unit</th>"
        + "<th>Your price</th><th>Lead time</th><th></th></tr>");
    for (var p : products) {
      html.append("<tr class=\"product\" data-sku=\"").append(escape(p.sku())).append("\"><td class=\"nowrap\">").append(escape(p.sku()))
          .append("</td><td><a href=\"").append(BASE).append("/product?k=").append(visit.key).append("&amp;sku=")
          .append(escape(encode(p.sku()))).append("\">").append(escape(p.name())).append("</a></td><td>")
          .append(escape(p.manufacturer())).append("</td><td>").append(escape(p.unit())).append("</td><td class=\"num\">")
          .append(escape(priceText(p, visit))).append("</td><td class=\"num\">").append(leadTimeText(p))
          .append("</td><td class=\"nowrap\">").append(addForm(visit, p.sku())).append("</td></tr>");
    }
    html.append("</table>");
    return send(exchange, 200, "Catalog", visit, html.toString());
  }

  private int productPage(HttpExchange exchange, Visit visit, String sku) throws IOException {
    var found = catalog.find(sku);
    if (found.isEmpty()) {
      return send(exchange, 404, "Product not found", visit, "<p class=\"error\" id=\"product-not-found\">The product <b>"
          + escape(sku) + "</b> is not in the catalog.</p><p><a href=\"" + BASE + "/catalog?k=" + visit.key
          + "\">Show the catalog</a></p>");
    }
    var p = found.get();
    StringBuilder html = new StringBuilder("<div id=\"product\" data-sku=\"" + escape(p.sku()) + "\"><h2>"
        + escape(p.name()) + "</h2><p>" + escape(p.longText()) + "</p><table>");
    row(html, "SKU", p.sku());
    row(html, "Manufacturer", p.manufacturer() + " " + p.manufacturerSku());
    row(html, "UNSPSC", p.unspsc());
    row(html, "Unit", p.unit());
    row(html, "Your price", priceText(p, visit));
    row(html, "List price", p.listPrice().toPlainString() + " " + catalog.currency());
    row(html, "Lead time", leadTimeText(p));
    for (var c : p.components()) {
      row(html, "Included", c.quantity().toPlainString() + " × " + c.sku()
          + catalog.find(c.sku()).map(x -> " " + x.name()).orElse(""));
    }
    html.append("</table>").append(addForm(visit, p.sku())).append("</div><p><a href=\"").append(BASE)
        .append("/catalog?k=").append(visit.key).append("\">Back to the catalog</a></p>");
    return send(exchange, 200, p.name(), visit, html.toString());
  }

  private int cartPage(HttpExchange exchange, Visit visit, String notice) throws IOException {
    StringBuilder html = new StringBuilder(notice(notice));
    BigDecimal total = BigDecimal.ZERO;
    synchronized (visit.cart) {
      if (visit.cart.isEmpty()) {
        html.append("<p id=\"empty-cart\">Your cart is empty.</p>");
      } else {
        html.append("<table id=\"cart\"><tr><th>SKU</th><th>Product</th><th>Quantity</th><th>Price</th>"
            + "<th>Amount</th></tr>");
        for (var entry : visit.cart.entrySet()) {
          var p = catalog.find(entry.getKey()).orElseThrow();
          BigDecimal amount = amount(p, visit, entry.getValue());
          total = total.add(amount);
          html.append("<tr class=\"cart-line\" data-sku=\"").append(escape(p.sku())).append("\"><td>")
              .append(escape(p.sku())).append("</td><td>").append(escape(p.name())).append("</td><td>")
              .append("<form class=\"inline\" method=\"post\" action=\"").append(BASE).append("/cart/update\">")
              .append(Pages.hidden("k", visit.key)).append(Pages.hidden("sku", p.sku()))
              .append("<input name=\"quantity\" size=\"5\" value=\"").append(escape(entry.getValue().toPlainString()))
              .append(visit.session.readOnly() ? "\" disabled>" : "\"> <button>Update</button>")
              .append("</form></td><td class=\"num\">").append(escape(priceText(p, visit)))
              .append("</td><td class=\"num\">").append(amount.toPlainString()).append(' ')
              .append(escape(catalog.currency())).append("</td></tr>");
        }
        html.append("<tr><th colspan=\"4\">Total</th><td class=\"num\" id=\"cart-total\">").append(total.toPlainString())
            .append(' ').append(escape(catalog.currency())).append("</td></tr></table>");
      }
    }
    html.append("<p class=\"muted\">You shop from your procurement system: the cart goes back there for approval "
        + "instead of a checkout.</p>");
    if (visit.session.readOnly()) {
      html.append("<p class=\"notice\" id=\"read-only\">Read only: this cart is shown as your procurement system "
          + "sent it. Close it to go back.</p>");
      html.append("<form class=\"inline\" method=\"post\" action=\"").append(BASE).append("/cancel\">")
          .append(Pages.hidden("k", visit.key)).append("<button id=\"cancel-punchout\">Close</button></form>");
      return send(exchange, 200, "Cart", visit, html.toString());
    }
    html.append("<form class=\"inline\" method=\"post\" action=\"").append(BASE).append("/transfer\">")
        .append(Pages.hidden("k", visit.key)).append("<button id=\"transfer-cart\">")
        .append(transferLabel(visit.session)).append("</button></form> ");
    html.append("<form class=\"inline\" method=\"post\" action=\"").append(BASE).append("/cancel\">")
        .append(Pages.hidden("k", visit.key)).append("<button id=\"cancel-punchout\">Cancel punchout</button></form>");
    html.append("<p><a href=\"").append(BASE).append("/catalog?k=").append(visit.key).append("\">Continue shopping</a></p>");
    return send(exchange, 200, "Cart", visit, html.toString());
  }

  /** The transfer button's words for the visit a checkout request names, if any. */
  private String checkoutWord(String key) {
    Visit visit = key == null ? null : visits.get(key);
    return visit == null ? "Transfer cart" : transferLabel(visit.session);
  }

  /** What the transfer button says: PEPPOL buyers (Proceedo) know it as "Send order". */
  static String transferLabel(SessionInfo session) {
    return "PEPPOL_PUNCHOUT".equals(session.format()) ? "Send order" : "Transfer cart";
  }

  private int addToCart(HttpExchange exchange, Visit visit, String sku, String quantity) throws IOException {
    var product = catalog.find(sku);
    if (product.isEmpty()) {
      return send(exchange, 404, "Product not found", visit, "<p class=\"error\">No product " + escape(sku) + ".</p>");
    }
    synchronized (visit.cart) {
      visit.cart.merge(product.get().sku(), positiveOr(quantity, BigDecimal.ONE), BigDecimal::add);
    }
    Exchanges.redirect(exchange, BASE + "/catalog?k=" + visit.key + "&notice="
        + encode("Added " + product.get().name() + " to the cart."));
    return 303;
  }

  private int updateCart(HttpExchange exchange, Visit visit, String sku, String quantity) throws IOException {
    synchronized (visit.cart) {
      BigDecimal q = positiveOr(quantity, BigDecimal.ZERO);
      if (q.signum() == 0) {
        visit.cart.remove(sku);
      } else if (visit.cart.containsKey(sku)) {
        visit.cart.put(sku, q);
      }
    }
    Exchanges.redirect(exchange, BASE + "/cart?k=" + visit.key);
    return 303;
  }

  /** Posts the cart (or the cancellation) to the gateway and passes its page to the browser unchanged. */
  private int transfer(HttpExchange exchange, Visit visit, boolean cancel) throws IOException {
    String cart = Json.write(cartJson(visit, cancel));
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(HttpRequest.newBuilder(gateway.resolve("/punchout/sessions/" + encode(visit.session.sessionId()) + "/cart"))
          .header("Authorization", "Bearer " + visit.token)
          .header("Content-Type", "application/json; charset=utf-8")
          .header("Accept", "text/html")
          .timeout(Duration.ofSeconds(20))
          .POST(HttpRequest.BodyPublishers.ofString(cart, StandardCharsets.UTF_8)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (answer.statusCode() / 100 != 2) {
      return send(exchange, 502, "Transfer failed", visit, "<p class=\"error\" id=\"transfer-failed\">The gateway refused "
          + "the cart (" + answer.statusCode() + "): " + escape(problemText(answer.body())) + "</p>"
          + backLink(visit.key));
    }
    visits.remove(visit.key);
    Set<String> skip = Set.of("content-length", "transfer-encoding", "connection", "date", ":status");
    answer.headers().map().forEach((name, values) -> {
      if (!skip.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> exchange.getResponseHeaders().add(name, v));
      }
    });
    exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
    try (var out = exchange.getResponseBody()) {
      out.write(answer.body());
    }
    exchange.close();
    return answer.statusCode();
  }

  /**
   * The cart in the shop API's JSON; a kit's parts become child lines where the buyer's format has them
   * (OCI 5.0 item hierarchy, cXML composite items, PEPPOL PartOf).
   */
  ObjectNode cartJson(Visit visit, boolean cancel) {
    ObjectNode root = Json.object();
    root.put("currency", catalog.currency());
    if (cancel) {
      root.put("cancel", true);
    }
    ArrayNode lines = root.putArray("lines");
    boolean hierarchy = "OCI_5_0".equals(visit.session.format()) || "CXML".equals(visit.session.format())
        || "PEPPOL_PUNCHOUT".equals(visit.session.format());
    int next = 1;
    synchronized (visit.cart) {
      if (cancel) {
        return root;
      }
      for (var entry : visit.cart.entrySet()) {
        var p = catalog.find(entry.getKey()).orElseThrow();
        String lineId = Integer.toString(next++);
        line(lines.addObject(), lineId, null, p, entry.getValue(), p.price(visit.session.userGroup()));
        if (hierarchy) {
          for (var c : p.components()) {
            var part = catalog.find(c.sku()).orElseThrow();
            // included in the kit's price
            line(lines.addObject(), Integer.toString(next++), lineId, part, c.quantity().multiply(entry.getValue()),
                BigDecimal.ZERO);
          }
        }
      }
    }
    return root;
  }

  private void line(ObjectNode n, String lineId, String parentLineId, DemoCatalog.Product p, BigDecimal quantity,
      BigDecimal price) {
    n.put("lineId", lineId);
    Json.putIfPresent(n, "parentLineId", parentLineId);
    n.put("sku", p.sku());
    n.put("description", p.name());
    n.put("longText", p.longText());
    n.put("quantity", quantity);
    n.put("unit", p.unit());
    n.put("unitPrice", price);
    n.put("priceUnit", p.priceUnit());
    n.put("currency", catalog.currency());
    n.put("leadTimeDays", p.leadTimeDays());
    n.put("manufacturer", p.manufacturer());
    n.put("manufacturerSku", p.manufacturerSku());
    ObjectNode classification = n.putObject("classification");
    classification.put("scheme", "UNSPSC");
    classification.put("code", p.unspsc());
  }

  /** Reads the shop API's session info; fields the gateway leaves out are taken from the token's claims. */
  static SessionInfo readSessionInfo(JsonNode info, String sessionId, String token) {
    JsonNode claims = claimsOf(token);
    Map<String, String> parameters = new LinkedHashMap<>();
    collectParameters(info, parameters);
    JsonNode function = info.get("function");
    String functionName = function == null || function.isNull() ? Json.text(claims, "fn")
        : function.isObject() ? Json.text(function, "name") : function.asText();
    Map<String, BigDecimal> initialCart = new LinkedHashMap<>();
    for (JsonNode line : info.path("initialCart").path("lines")) {
      String sku = Json.text(line, "sku");
      // a reopened kit comes back with its parts as child lines: the kit alone stands for them here
      if (sku != null && Json.text(line, "parentLineId") == null && line.path("quantity").isValueNode()) {
        try {
          initialCart.merge(sku, new BigDecimal(line.get("quantity").asText()), BigDecimal::add);
        } catch (NumberFormatException ignored) {
          // the gateway sends numbers; anything else is not reopened
        }
      }
    }
    return new SessionInfo(sessionId,
        first(info, claims, "user", "username", "sub"),
        first(info, claims, "userGroup", "grp"),
        first(info, claims, "connectionId", "cid"),
        first(info, claims, "format", "format"),
        functionName == null || functionName.isBlank() ? null : functionName,
        parameters, initialCart, info.path("readOnly").asBoolean(false));
  }

  /** The OCI function parameters wherever the session info nests them (names in upper case). */
  private static void collectParameters(JsonNode node, Map<String, String> parameters) {
    node.properties().forEach(e -> {
      String name = e.getKey().toUpperCase(Locale.ROOT);
      if (e.getValue().isValueNode() && Set.of("PRODUCTID", "QUANTITY", "SEARCHSTRING", "VENDOR").contains(name)) {
        parameters.putIfAbsent(name, e.getValue().asText());
      } else if (e.getValue().isObject()) {
        collectParameters(e.getValue(), parameters);
      }
    });
  }

  private static String first(JsonNode info, JsonNode claims, String field, String alternative, String claim) {
    String value = Json.text(info, field);
    if (value == null) {
      value = Json.text(info, alternative);
    }
    return value != null ? value : Json.text(claims, claim);
  }

  private static String first(JsonNode info, JsonNode claims, String field, String claim) {
    return first(info, claims, field, field, claim);
  }

  /** The token's payload, unverified: only to find the session id; the gateway verifies the token. */
  static JsonNode claimsOf(String token) {
    String[] parts = token.split("\\.");
    if (parts.length != 3) {
      return Json.object();
    }
    try {
      return Json.parse(Base64.getUrlDecoder().decode(parts[1]));
    } catch (RuntimeException e) {
      return Json.object();
    }
  }

  private static String sessionIdOf(String token) {
    String sid = Json.text(claimsOf(token), "sid");
    return sid == null || sid.isBlank() ? null : sid;
  }

  private static String problemText(byte[] body) {
    try {
      JsonNode problem = Json.parse(body);
      String title = Json.text(problem, "title");
      String detail = Json.text(problem, "detail");
      return title == null ? "no details" : detail == null ? title : title + " - " + detail;
    } catch (RuntimeException e) {
      return "no details";
    }
  }

  private BigDecimal amount(DemoCatalog.Product p, Visit visit, BigDecimal quantity) {
    return p.price(visit.session.userGroup()).multiply(quantity).divide(p.priceUnit(), 2, RoundingMode.HALF_UP);
  }

  private String priceText(DemoCatalog.Product p, Visit visit) {
    String per = p.priceUnit().compareTo(BigDecimal.ONE) == 0 ? "" : " per " + p.priceUnit().toPlainString();
    return p.price(visit.session.userGroup()).toPlainString() + " " + catalog.currency() + per + " / " + p.unit();
  }

  private static String leadTimeText(DemoCatalog.Product p) {
    return p.leadTimeDays() + (p.leadTimeDays() == 1 ? " day" : " days");
  }

  private static String addForm(Visit visit, String sku) {
    return "<form class=\"inline add-to-cart\" method=\"post\" action=\"" + BASE + "/cart/add\">" + Pages.hidden("k", visit.key)
        + Pages.hidden("sku", sku) + "<input name=\"quantity\" size=\"4\" value=\"1\"> <button>Add to cart</button></form>";
  }

  private static void row(StringBuilder html, String label, String value) {
    html.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value)).append("</td></tr>");
  }

  private static String notice(String notice) {
    return notice == null || notice.isBlank() ? "" : "<p class=\"notice\" id=\"notice\">" + escape(notice) + "</p>";
  }

  private static String backLink(String key) {
    return key == null ? "" : "<p><a href=\"" + BASE + "/cart?k=" + escape(encode(key)) + "\">Back to the cart</a></p>";
  }

  private static BigDecimal positiveOr(String text, BigDecimal fallback) {
    try {
      BigDecimal value = new BigDecimal(text.strip().replace(',', '.')).stripTrailingZeros();
      if (value.signum() < 0) {
        return fallback;
      }
      return value.scale() < 0 ? value.setScale(0) : value;
    } catch (RuntimeException e) {
      return fallback;
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
  }

  private int send(HttpExchange exchange, int status, String title, String body) throws IOException {
    Exchanges.html(exchange, status, Pages.page(title, "<b>Demo shop</b>", "<h1>" + escape(title) + "</h1>" + body));
    return status;
  }

  private int send(HttpExchange exchange, int status, String title, Visit visit, String body) throws IOException {
    int items;
    synchronized (visit.cart) {
      items = visit.cart.size();
    }
    SessionInfo s = visit.session;
    String header = "<b>Demo shop</b> &middot; <a href=\"" + BASE + "/catalog?k=" + visit.key + "\">Catalog</a> &middot; "
        + "<a id=\"cart-link\" href=\"" + BASE + "/cart?k=" + visit.key + "\">Cart (" + items + ")</a>"
        + " <span style=\"float:right\" id=\"buyer\">" + escape(s.user()) + " &middot; " + escape(s.userGroup())
        + " &middot; " + escape(s.format()) + (s.function() == null ? "" : " &middot; " + escape(s.function())) + "</span>";
    Exchanges.html(exchange, status, Pages.page(title + " - Demo shop", header, "<h1>" + escape(title) + "</h1>" + body));
    return status;
  }
}
