package org.punchgate.local;

import static org.punchgate.http.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.http.FormParameters;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.punchin.OrderFormat;
import org.punchgate.punchin.PunchInOrder;
import org.punchgate.punchin.PunchInOrders;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.security.RandomIds;

/**
 * The buyer simulator's PunchIn mode: plays a procurement system (or its PEPPOL access point) that sends a purchase
 * order on its own. A person picks a demo order ({@link DemoOrders}), changes a quantity, a price, the order number
 * or the buyer, and sends it to {@code POST /punchin/orders}: UBL orders with the connection's HTTP Basic
 * credentials, cXML OrderRequests authenticated by the Sender's SharedSecret in the document. The page shows the
 * answer as the buyer's system reads it ({@link PunchInAnswer}: header and line codes, the reasons), and the order
 * the ERP received with the findings the checks flagged, each with its rule id.
 */
final class PunchInBuyer {

  static final String BASE = BuyerSimulator.BASE + "/punchin";
  static final String ROUTE = "/punchin/orders";
  private static final String UNKNOWN_BUYER = "unknown";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** Finds an order the ERP queue got, by id (the runner reads it from the sessions table, as the ERP page does). */
  @FunctionalInterface
  interface OrderLookup {
    Optional<Order> find(OrderId id);
  }

  /** A buyer the simulator can send as: a demo customer's identifier on a connection. */
  private record BuyerChoice(String key, String label, DemoOrders.Credential credential) {}

  private final URI gateway;
  private final List<DemoData.LoadedConnection> connections;
  private final List<ShopCustomer> customers;
  private final OrderLookup orders;
  private final List<DemoOrders.Template> templates = DemoOrders.load();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final RandomIds ids = new RandomIds();

  PunchInBuyer(URI gateway, List<DemoData.LoadedConnection> connections, List<ShopCustomer> customers,
               OrderLookup orders) {
    this.gateway = gateway;
    this.connections = List.copyOf(connections);
    this.customers = List.copyOf(customers);
    this.orders = orders;
  }

  int handle(HttpExchange exchange, String path, byte[] body) throws IOException {
    if (path.equals(BASE) || path.equals(BASE + "/")) {
      String file = Exchanges.query(exchange).first("order");
      return send(exchange, 200, "Buyer simulator: PunchIn", startPage(template(file)));
    }
    if (path.equals(BASE + "/send") && exchange.getRequestMethod().equals("POST")) {
      return sendOrder(exchange, Exchanges.form(exchange, body, StandardCharsets.UTF_8));
    }
    return send(exchange, 404, "Not found", "<p class=\"error\">No such page in the buyer simulator.</p>");
  }

  private DemoOrders.Template template(String file) {
    return templates.stream().filter(t -> t.file().equals(file)).findFirst().orElse(templates.getFirst());
  }

  private static boolean cxml(DemoOrders.Template template) {
    return template.format() == OrderFormat.CXML;
  }

  /** UBL orders come with HTTP Basic (a connection with a user name); cXML with a connection's Sender credential. */
  private List<DemoData.LoadedConnection> connectionsFor(DemoOrders.Template template) {
    return connections.stream().filter(c -> cxml(template)
        ? c.connection().format() == ConnectionFormat.CXML && c.connection().cxml() != null
        && !c.connection().cxml().sender().isEmpty()
        : c.connection().format() != ConnectionFormat.CXML && c.connection().username() != null).toList();
  }

  private List<BuyerChoice> buyersFor(DemoOrders.Template template) {
    List<BuyerChoice> choices = new ArrayList<>();
    for (ShopCustomer customer : customers) {
      for (ShopCustomer.BuyerParty party : customer.parties()) {
        boolean fits = cxml(template) ? party.kind() == ShopCustomer.BuyerParty.Kind.CXML_FROM
            : party.kind() != ShopCustomer.BuyerParty.Kind.CXML_FROM;
        if (fits) {
          choices.add(new BuyerChoice(party.key(), customer.name() + " (" + party.scheme() + " " + party.value()
              + ", mapped on " + party.connectionId() + ")", new DemoOrders.Credential(party.scheme(), party.value())));
        }
      }
    }
    choices.add(new BuyerChoice(UNKNOWN_BUYER, "a buyer the shop does not know", cxml(template)
        ? new DemoOrders.Credential("NetworkID", "AN-UNKNOWN-BUYER")
        : new DemoOrders.Credential("0088", "7300010099999")));
    return choices;
  }

  private String defaultConnection(DemoOrders.Template template) {
    return cxml(template) ? "demo-cxml" : "demo-punchin";
  }

  private String startPage(DemoOrders.Template template) {
    StringBuilder html = new StringBuilder(BuyerSimulator.modes(BuyerSimulator.Mode.PUNCHIN));
    html.append("<p>This page plays a buyer's system that sends a purchase order on its own (PunchIn): a PEPPOL "
        + "access point relaying a BIS 3 or SveOrder BIS 28A order over HTTP Basic, or Ariba/Coupa sending a cXML "
        + "OrderRequest with the SharedSecret in its Sender. Pick a demo order, change what you like, and send it to "
        + "<code>POST ").append(ROUTE).append("</code>.</p>");
    html.append("<p id=\"demo-orders\">Demo orders: ");
    for (DemoOrders.Template t : templates) {
      html.append(t == template ? "<b>" + escape(t.label()) + "</b>"
          : "<a class=\"demo-order\" href=\"" + BASE + "/?order=" + escape(URLEncoder.encode(t.file(),
              StandardCharsets.UTF_8)) + "\">" + escape(t.label()) + "</a>").append(" &middot; ");
    }
    html.setLength(html.length() - " &middot; ".length());
    html.append("</p>");
    PunchInOrder order = template.order();
    html.append("<form id=\"punchin\" method=\"post\" action=\"").append(BASE).append("/send\">")
        .append(Pages.hidden("order", template.file()));
    html.append("<label>Connection <select name=\"connection\" id=\"connection\">");
    for (var c : connectionsFor(template)) {
      html.append(Pages.option(c.connection().id(), c.connection().id() + " - " + c.connection().name(),
          c.connection().id().equals(defaultConnection(template))));
    }
    html.append("</select></label>");
    html.append("<label>Order number <input name=\"orderNumber\" id=\"orderNumber\" value=\"")
        .append(escape(order.id() + "-" + ids.newId(5))).append("\"></label>");
    if (cxml(template)) { // cXML's duplicate key: one payloadID per document; "send again" keeps it
      html.append(Pages.hidden("payloadId", ids.newId(16) + "@buyer-simulator.punchgate.local"));
    }
    html.append("<label>Buyer <select name=\"buyer\" id=\"buyer\">")
        .append(Pages.option("", "as in the document (" + describe(order.buyer()) + ")", true));
    for (BuyerChoice b : buyersFor(template)) {
      html.append(Pages.option(b.key(), b.label(), false));
    }
    html.append("</select></label>");
    html.append("<table id=\"order-lines\"><tr><th>Line</th><th>Item</th><th>Name</th><th>Quantity</th><th>Unit</th>"
        + "<th>Unit price (").append(escape(order.currency())).append(")</th><th>per</th></tr>");
    for (PunchInOrder.Line line : order.lines()) {
      html.append("<tr class=\"order-line\" data-line=\"").append(escape(line.id())).append("\"><td>")
          .append(escape(line.id())).append("</td><td>").append(escape(itemName(line))).append("</td><td>")
          .append(escape(Objects.requireNonNullElse(line.name(), ""))).append("</td><td>")
          .append("<input name=\"quantity." + escape(line.id()) + "\" size=\"6\" value=\"")
          .append(escape(plain(line.quantity()))).append("\"></td><td>")
          .append(escape(Objects.requireNonNullElse(line.unitCode(), ""))).append("</td><td>")
          .append("<input name=\"price." + escape(line.id()) + "\" size=\"8\" value=\"")
          .append(escape(plain(line.priceAmount()))).append("\"></td><td>")
          .append(escape(line.baseQuantity() == null ? "1" : plain(line.baseQuantity()))).append("</td></tr>");
    }
    html.append("</table><p class=\"muted\">Line amounts and the order total follow your changes, so the document "
        + "stays consistent and the gateway judges the prices and quantities themselves.</p>");
    html.append("<p><button id=\"send-order\">Send order</button></p></form>");
    return html.toString();
  }

  private static String itemName(PunchInOrder.Line line) {
    if (line.sellersItemId() != null) {
      return line.sellersItemId();
    }
    if (line.standardItemId() != null) {
      return "GTIN " + line.standardItemId().value();
    }
    return line.buyersItemId() == null ? "" : "buyer's " + line.buyersItemId();
  }

  private static String describe(PunchInOrder.Party buyer) {
    if (buyer == null) {
      return "none";
    }
    PunchInOrder.Identifier id = buyer.endpoint() != null ? buyer.endpoint()
        : buyer.identifiers().isEmpty() ? null : buyer.identifiers().getFirst();
    return (buyer.name() == null ? "" : buyer.name() + " ")
        + (id == null ? "" : Objects.requireNonNullElse(id.scheme(), "") + " " + id.value()).strip();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  /** The changes of the form; a value that is not a number is refused before anything is sent. */
  private DemoOrders.Changes changes(DemoOrders.Template template, FormParameters form, DemoData.LoadedConnection via,
                                     List<String> problems) {
    Map<String, BigDecimal> quantities = new HashMap<>();
    Map<String, BigDecimal> prices = new HashMap<>();
    for (PunchInOrder.Line line : template.order().lines()) {
      number(form.first("quantity." + line.id()), "line " + line.id() + " quantity", problems)
          .ifPresent(q -> quantities.put(line.id(), q));
      number(form.first("price." + line.id()), "line " + line.id() + " price", problems)
          .ifPresent(p -> prices.put(line.id(), p));
    }
    String buyerKey = form.first("buyer");
    DemoOrders.Credential buyer = buyerKey == null || buyerKey.isBlank() ? null : buyersFor(template).stream()
        .filter(b -> b.key().equals(buyerKey)).findFirst().map(BuyerChoice::credential).orElse(null);
    DemoOrders.Credential sender = null;
    String secret = null;
    if (cxml(template)) {
      var credential = via.connection().cxml().sender().getFirst();
      sender = new DemoOrders.Credential(credential.domain(), credential.identity());
      secret = via.password();
      if (buyer == null) { // the connection's own buyer: its first From credential
        var from = via.connection().cxml().from();
        buyer = from.isEmpty() ? null : new DemoOrders.Credential(from.getFirst().domain(), from.getFirst().identity());
      }
    }
    return new DemoOrders.Changes(form.first("orderNumber"), quantities, prices, buyer, sender, secret,
        form.first("payloadId"));
  }

  private static Optional<BigDecimal> number(String text, String what, List<String> problems) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      problems.add(what + ": '" + text + "' is not a number");
      return Optional.empty();
    }
  }

  /** {@code POST /buyer/punchin/send}: writes the changed order, sends it to the gateway and shows the answer. */
  private int sendOrder(HttpExchange exchange, FormParameters form) throws IOException {
    DemoOrders.Template template = template(form.first("order"));
    String connectionId = Objects.requireNonNullElse(form.first("connection"), "");
    var via = connectionsFor(template).stream().filter(c -> c.connection().id().equals(connectionId)).findFirst();
    List<String> problems = new ArrayList<>();
    if (via.isEmpty()) {
      problems.add("connection '" + connectionId + "' does not take this kind of order here");
    }
    DemoOrders.Changes changes = via.isEmpty() ? null : changes(template, form, via.get(), problems);
    if (!problems.isEmpty()) {
      StringBuilder html = new StringBuilder("<ul class=\"error\" id=\"form-problems\">");
      problems.forEach(p -> html.append("<li>").append(escape(p)).append("</li>"));
      html.append("</ul><p><a href=\"").append(BASE).append("/\">Back</a></p>");
      return send(exchange, 400, "Order not sent", html.toString());
    }
    byte[] document = DemoOrders.apply(template, changes);
    HttpResponse<byte[]> answer = post(template, via.get(), document);
    PunchInOrder sent = DemoOrders.read(template.file(), document).order();
    return send(exchange, 200, "PunchIn order sent", answerPage(template, form, via.get(), sent, document, answer));
  }

  private HttpResponse<byte[]> post(DemoOrders.Template template, DemoData.LoadedConnection via, byte[] document)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(ROUTE)).timeout(TIMEOUT)
        .header("Content-Type", cxml(template) ? "text/xml; charset=UTF-8" : "application/xml; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(document));
    if (!cxml(template)) { // the connection id as user name; cXML authenticates inside the document (Sender SharedSecret)
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (via.connection().id() + ":" + via.password()).getBytes(StandardCharsets.UTF_8)));
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the gateway", e);
    }
  }

  private String answerPage(DemoOrders.Template template, FormParameters form, DemoData.LoadedConnection via,
                            PunchInOrder sent, byte[] document, HttpResponse<byte[]> response) {
    StringBuilder html = new StringBuilder(BuyerSimulator.modes(BuyerSimulator.Mode.PUNCHIN));
    html.append("<p id=\"sent-summary\">Sent ").append(escape(template.label())).append(" as order <code>")
        .append(escape(sent.id())).append("</code> through <b>").append(escape(via.connection().id()))
        .append("</b> to <code>POST ").append(ROUTE).append("</code>: HTTP <span id=\"http-status\">")
        .append(response.statusCode()).append("</span>.</p>");
    PunchInAnswer answer = PunchInAnswer.read(response.body());
    if (answer.kind() == PunchInAnswer.Kind.UNREADABLE) {
      html.append("<p class=\"error\" id=\"answer-problem\">").append(escape(answer.problem())).append("</p>");
    } else {
      html.append("<h2>The answer</h2><p id=\"answer-code\" data-code=\"").append(escape(answer.code())).append("\">")
          .append(answer.kind() == PunchInAnswer.Kind.CXML_RESPONSE ? "cXML Response, Status " : "OrderResponse, code ")
          .append("<code>").append(escape(answer.code())).append("</code> (").append(escape(answer.codeList()))
          .append("): ").append(escape(answer.meaning())).append("</p>");
      if (!answer.notes().isEmpty()) {
        html.append("<ul id=\"answer-notes\">");
        answer.notes().forEach(n -> html.append("<li>").append(escape(n)).append("</li>"));
        html.append("</ul>");
      }
      if (!answer.lines().isEmpty()) {
        html.append("<table id=\"answer-lines\"><tr><th>Line</th><th>Code</th><th>Meaning</th><th>Reason</th>"
            + "<th>Quantity</th><th>Price</th></tr>");
        for (PunchInAnswer.Line line : answer.lines()) {
          html.append("<tr class=\"answer-line\" data-line=\"").append(escape(line.lineId())).append("\" data-code=\"")
              .append(escape(line.code())).append("\"><td>").append(escape(line.lineId())).append("</td><td><code>")
              .append(escape(line.code())).append("</code></td><td>").append(escape(line.meaning())).append("</td><td>")
              .append(escape(Objects.requireNonNullElse(line.note(), ""))).append("</td><td>")
              .append(escape(Objects.requireNonNullElse(line.quantity(), ""))).append("</td><td>")
              .append(escape(Objects.requireNonNullElse(line.price(), ""))).append("</td></tr>");
        }
        html.append("</table>");
      }
    }
    html.append(erpOrder(via.connection().id(), sent));
    html.append("<details><summary>The document sent</summary><pre id=\"sent-document\">")
        .append(escape(new String(document, StandardCharsets.UTF_8))).append("</pre></details>");
    html.append("<details><summary>The answer as received</summary><pre id=\"answer-document\">")
        .append(escape(new String(response.body(), StandardCharsets.UTF_8))).append("</pre></details>");
    // the same form again: the very same document is a replay (same answer, nothing new)
    html.append("<form method=\"post\" action=\"").append(BASE).append("/send\" id=\"send-again\">");
    form.all().forEach(p -> html.append(Pages.hidden(p.name(), p.value())));
    html.append("<button id=\"send-again-button\">Send the same document again</button></form>");
    html.append("<p><a href=\"").append(BASE).append("/?order=")
        .append(escape(URLEncoder.encode(template.file(), StandardCharsets.UTF_8)))
        .append("\" id=\"another\">Send another order</a></p>");
    return html.toString();
  }

  /** The order as the ERP queue received it, with what the checks flagged, or why none was made. */
  private String erpOrder(String connectionId, PunchInOrder sent) {
    Optional<Order> order;
    try {
      order = orders.find(PunchInOrders.buyerOrderId(connectionId, sent));
    } catch (IllegalArgumentException noBuyer) {
      order = Optional.empty();
    }
    StringBuilder html = new StringBuilder("<h2>On the ERP side</h2>");
    if (order.isEmpty()) {
      return html.append("<p id=\"no-erp-order\">No order was made from this document (a refusal makes none; "
          + "the reasons are in the answer).</p>").toString();
    }
    Order o = order.get();
    html.append("<p id=\"erp-order\">Order <code id=\"erp-order-id\">").append(escape(o.orderId().value()))
        .append("</code>, status ").append(escape(o.status().name())).append(", source <code>")
        .append(escape(o.source().code())).append("</code>, external order number <code>")
        .append(escape(o.externalOrderNumber())).append("</code>, ").append(o.lines().size())
        .append(" line(s), total ").append(o.totals().total().toPlainString()).append(' ').append(escape(o.currency()))
        .append(": see the <a href=\"").append(ErpPage.BASE).append("/\">ERP page</a>.</p>");
    html.append(ErpPage.findings(o.findings()));
    return html.toString();
  }

  private static int send(HttpExchange exchange, int status, String title, String body) throws IOException {
    return BuyerSimulator.send(exchange, status, title, body);
  }
}
