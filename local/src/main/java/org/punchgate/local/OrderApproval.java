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
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.punchgate.http.FormParameters;
import org.punchgate.json.Json;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

/**
 * The buyer simulator's purchase-order approval: after a cart arrives, "Approve purchase order" sends the
 * order ping for that cart to the gateway, server to server, with the connection's own credentials, and
 * shows the order; "Send ping again" sends the same ping and shows that it is the same order.
 */
final class OrderApproval {

  static final String PATH = BuyerSimulator.BASE + "/approve";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI gateway;
  private final List<DemoData.LoadedConnection> connections;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  OrderApproval(URI gateway, List<DemoData.LoadedConnection> connections) {
    this.gateway = gateway;
    this.connections = connections;
  }

  /** The approve button for a received cart (nothing when the cart names no cart id). */
  static String form(String connectionId, String cartId, String orderNumber, String label) {
    if (connectionId == null || cartId == null || cartId.isEmpty()) {
      return "<p id=\"no-cart-id\">This cart names no cart id, so it cannot be approved here.</p>";
    }
    return "<form method=\"post\" action=\"" + PATH + "\" id=\"approve\">"
        + "<input type=\"hidden\" name=\"connection\" value=\"" + escape(connectionId) + "\">"
        + "<input type=\"hidden\" name=\"cartId\" value=\"" + escape(cartId) + "\">"
        + "<label>Purchase order number <input name=\"orderNumber\" value=\"" + escape(orderNumber) + "\"></label> "
        + "<button type=\"submit\" id=\"approve-button\">" + escape(label) + "</button></form>";
  }

  /** The cart id a cXML PunchOutOrderMessage carries in {@code SupplierOrderInfo/@orderID}. */
  static String cxmlCartId(byte[] document) {
    if (SecureXml.parse(document) instanceof SecureXml.Parsed.Document doc) {
      return find(doc.root(), "SupplierOrderInfo").map(e -> e.attribute("orderID")).orElse(null);
    }
    return null;
  }

  private static Optional<XmlElement> find(XmlElement element, String name) {
    if (element.name().equals(name)) {
      return Optional.of(element);
    }
    for (XmlElement child : element.children()) {
      Optional<XmlElement> found = find(child, name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** {@code POST /buyer/approve}: pings the gateway and shows the order, or its refusal. */
  int handle(HttpExchange exchange, byte[] body) throws IOException {
    FormParameters form = Exchanges.form(exchange, body, StandardCharsets.UTF_8);
    String connectionId = form.first("connection");
    String cartId = form.first("cartId");
    String orderNumber = form.first("orderNumber");
    var loaded = connections.stream().filter(c -> c.connection().id().equals(connectionId)).findFirst();
    if (loaded.isEmpty() || cartId == null || orderNumber == null) {
      return BuyerSimulator.send(exchange, 400, "Approve purchase order",
          "<p class=\"error\">Connection, cart id and order number are needed.</p>");
    }
    var connection = loaded.get().connection();
    String user = connection.username() != null ? connection.username() : connection.id();
    HttpResponse<String> answer;
    try {
      answer = http.send(HttpRequest.newBuilder(gateway.resolve("/orders/ping")).timeout(TIMEOUT)
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
              (user + ":" + loaded.get().password()).getBytes(StandardCharsets.UTF_8)))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("cartId=" + URLEncoder.encode(cartId, StandardCharsets.UTF_8)
              + "&orderNumber=" + URLEncoder.encode(orderNumber, StandardCharsets.UTF_8))).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the gateway", e);
    }
    JsonNode json = Json.parse(answer.body());
    StringBuilder html = new StringBuilder();
    if (answer.statusCode() == 200) {
      html.append("<p id=\"order-summary\">The gateway answered HTTP 200: order <code id=\"order-id\">")
          .append(escape(json.path("orderId").asText())).append("</code>, status <code>")
          .append(escape(json.path("status").asText())).append("</code>, created ")
          .append(escape(json.path("createdAt").asText())).append(", for purchase order <code>")
          .append(escape(json.path("orderNumber").asText())).append("</code>.</p>")
          .append("<p>It is on the orders queue: see the <a href=\"").append(ErpPage.BASE).append("/\">ERP page</a>.</p>");
    } else {
      html.append("<p class=\"error\" id=\"order-refused\">The gateway answered HTTP ").append(answer.statusCode())
          .append(": ").append(escape(json.path("title").asText())).append(" – ")
          .append(escape(json.path("detail").asText())).append("</p>");
    }
    html.append(form(connectionId, cartId, orderNumber, "Send ping again"));
    return BuyerSimulator.send(exchange, 200, "Approve purchase order", html.toString());
  }
}
