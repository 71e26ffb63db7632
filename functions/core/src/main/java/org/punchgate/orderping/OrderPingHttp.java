package org.punchgate.orderping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.json.Json;
import org.punchgate.order.OrderReceipt;
import org.punchgate.order.OrderStatus;

/**
 * The order ping over HTTP ({@code POST /orders/ping} with a form or JSON body, {@code GET /orders/ping}
 * with a query): reads the fields and Basic credentials, calls {@link OrderPing}, and gives each result its
 * status and JSON problem document, in one place.
 */
public final class OrderPingHttp {

  private final OrderPing service;

  public OrderPingHttp(OrderPing service) {
    this.service = service;
  }

  public HttpResponse ping(HttpRequest request) {
    OrderPingResult result = switch (OrderPingRequest.parse(request)) {
      case OrderPingRequest.Parsed.Invalid invalid -> new OrderPingResult.Invalid(invalid.violations());
      case OrderPingRequest.Parsed.Valid valid ->
          service.ping(valid.request(), BasicCredentials.from(request.header("authorization")));
    };
    return switch (result) {
      case OrderPingResult.Ordered o -> HttpResponse.json(200, Json.write(json(o.receipt())));
      case OrderPingResult.Invalid i -> Problem.response(400, "Invalid ping",
          "The ping has " + i.violations().size() + " problem(s); nothing was ordered.", i.violations());
      case OrderPingResult.Unauthorized u -> Problem.response(401, "Unauthorized",
          "HTTP Basic credentials of the cart's connection are required.")
          .withHeader("www-authenticate", "Basic realm=\"punchgate\", charset=\"UTF-8\"");
      case OrderPingResult.UnknownCart u -> Problem.response(404, "Unknown cart",
          "There is no transferred cart with this id for these credentials.");
      case OrderPingResult.NotTransferred t -> Problem.response(409, "Cart not transferred",
          "The punchout session is " + t.status().name().toLowerCase(Locale.ROOT)
              + "; only a transferred cart becomes an order.");
      case OrderPingResult.OtherOrderNumber o -> Problem.response(409, "Cart already ordered",
          "The cart became order " + o.existing().orderId() + " under another order number; nothing was changed.");
      case OrderPingResult.PastRetention p -> Problem.response(410, "Cart no longer kept",
          "The punchout session is past its retention; its cart can no longer become an order.");
      case OrderPingResult.NotOrderable n -> Problem.response(422, "Cart cannot be ordered", n.detail());
    };
  }

  static ObjectNode json(OrderReceipt receipt) {
    ObjectNode n = Json.object();
    n.put("orderId", receipt.orderId().value());
    n.put("status", OrderStatus.NEW.name());
    n.put("cartId", receipt.cartId());
    n.put("orderNumber", receipt.orderNumber());
    n.put("connectionId", receipt.connectionId());
    n.put("createdAt", receipt.createdAt().toString());
    return n;
  }
}
