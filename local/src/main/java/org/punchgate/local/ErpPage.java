package org.punchgate.local;

import static org.punchgate.http.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Finding;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code /erp/}: the orders that reached the ERP queue, newest first, with their lines. It reads the
 * orders from the sessions table (an order whose outbox entry is gone has been sent) instead of receiving
 * from the queue: a receive would hide the messages from {@code aws sqs receive-message} and from the
 * example consumer, and each receive counts toward the dead-letter queue's limit.
 */
final class ErpPage {

  static final String BASE = "/erp";

  private final DynamoDbClient dynamoDb;
  private final String table;

  ErpPage(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  /** The order with this id as its ERP message was stored, whether sent yet or not. */
  Optional<Order> find(OrderId id) {
    var item = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
        .key(Map.of("pk", AttributeValue.fromS("ORDER#" + id.value()), "sk", AttributeValue.fromS("ORDER")))).item();
    if (item == null || !item.containsKey("body")) {
      return Optional.empty();
    }
    return ErpOrderMessage.read(item.get("body").s().getBytes(StandardCharsets.UTF_8))
        instanceof ErpOrderMessage.Reading.Readable readable ? Optional.of(readable.order()) : Optional.empty();
  }

  /**
   * An order's findings, one row each with its rule id, the line it concerns and its severity: what the PunchIn
   * checks flagged for a person (a price deviation accepted as ordered) or changed (a corrected price, a line not
   * accepted).
   */
  static String findings(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "<p class=\"no-findings\">No findings.</p>";
    }
    StringBuilder html = new StringBuilder("<table class=\"findings\"><tr><th>Rule</th><th>Line</th><th>Severity</th>"
        + "<th>Finding</th></tr>");
    for (Finding f : findings) {
      html.append("<tr class=\"finding\" data-rule=\"").append(escape(f.ruleId())).append("\" data-severity=\"")
          .append(escape(f.severity().code())).append("\"><td><code>").append(escape(f.ruleId())).append("</code></td><td>")
          .append(escape(f.lineId() == null ? "(order)" : f.lineId())).append("</td><td>")
          .append(escape(f.severity().code())).append("</td><td>").append(escape(f.text())).append("</td></tr>");
    }
    return html.append("</table>").toString();
  }

  int handle(HttpExchange exchange) throws IOException {
    List<Order> sent = new ArrayList<>();
    Set<String> pending = new HashSet<>();
    List<Map<String, AttributeValue>> orders = new ArrayList<>();
    for (var page : dynamoDb.scanPaginator(b -> b.tableName(table).consistentRead(true))) {
      for (Map<String, AttributeValue> item : page.items()) {
        String type = item.containsKey("type") ? item.get("type").s() : "";
        if (type.equals("outbox")) {
          pending.add(item.get("orderId").s());
        } else if (type.equals("order")) {
          orders.add(item);
        }
      }
    }
    for (Map<String, AttributeValue> item : orders) {
      if (!pending.contains(item.get("pk").s().substring("ORDER#".length()))
          && ErpOrderMessage.read(item.get("body").s().getBytes(StandardCharsets.UTF_8))
              instanceof ErpOrderMessage.Reading.Readable readable) {
        sent.add(readable.order());
      }
    }
    sent.sort(Comparator.comparing(Order::createdAt).reversed());
    StringBuilder html = new StringBuilder("<p>The orders that reached the orders queue, newest first ("
        + sent.size() + ", and " + pending.size() + " waiting in the outbox). The messages stay on the queue for the "
        + "ERP consumer and <code>aws sqs receive-message</code>.</p>");
    for (Order order : sent) {
      html.append("<section class=\"order\" data-order-id=\"").append(escape(order.orderId().value())).append("\">")
          .append("<h2>").append(escape(order.orderId().value())).append("</h2><p>source <code class=\"source\">")
          .append(escape(order.source().code())).append("</code> · external order number <b class=\"external-order-number\">")
          .append(escape(order.externalOrderNumber())).append("</b> · ")
          .append(escape(order.connectionId())).append(" · ").append(escape(order.createdAt().toString()))
          .append(" · total ").append(order.totals().total().toPlainString()).append(' ')
          .append(escape(order.currency())).append("</p>").append(findings(order.findings()))
          .append("<table class=\"lines\"><tr><th>Line</th><th>SKU</th>"
              + "<th>Description</th><th>Quantity</th><th>Unit</th><th>Unit price</th><th>Amount</th></tr>");
      for (OrderLine line : order.lines()) {
        html.append("<tr class=\"line\"><td>").append(escape(line.lineId())).append("</td><td>")
            .append(escape(line.sku() == null ? "" : line.sku())).append("</td><td>").append(escape(line.description()))
            .append("</td><td>").append(line.quantity().toPlainString()).append("</td><td>").append(escape(line.unit()))
            .append("</td><td>").append(line.unitPrice().toPlainString()).append("</td><td>")
            .append(line.lineAmount().toPlainString()).append("</td></tr>");
      }
      html.append("</table></section>");
    }
    if (sent.isEmpty()) {
      html.append("<p id=\"no-orders\">No order yet: approve a purchase order in the <a href=\"/buyer/\">buyer "
          + "simulator</a> after a cart arrives, or send one in its <a href=\"" + PunchInBuyer.BASE + "/\">PunchIn "
          + "mode</a>.</p>");
    }
    return BuyerSimulator.send(exchange, 200, "ERP: orders received", html.toString());
  }
}
