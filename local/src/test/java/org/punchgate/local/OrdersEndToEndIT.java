package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.json.Json;
import org.punchgate.order.ErpOrderSchema;
import org.punchgate.order.OrderId;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The order story end to end through the local runner, for every protocol it serves: login → cart (the
 * answer names the cart id) → the procurement system's ping → exactly one message on the runner's orders
 * queue (ElasticMQ), whose body passes the ERP message schema; the same ping again answers the same order
 * and sends nothing new; refusals write nothing.
 */
@ExtendWith(LocalRunnerExtension.class)
class OrdersEndToEndIT {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private LocalRunner runner;

  @BeforeEach
  void runner(LocalRunner runner) {
    this.runner = runner;
  }

  private static String cartJson() throws Exception {
    return Json.parse(Files.readAllBytes(Path.of("../events/shop-cart-transfer.json"))).get("body").asText();
  }

  private record Session(String id, String token) {}

  private Session ociLogin(String connection) throws Exception {
    String body = "USERNAME=" + connection + "&PASSWORD=" + connection + "-pass&HOOK_URL="
        + URLEncoder.encode(runner.baseUrl() + "/buyer/hook", StandardCharsets.UTF_8);
    var login = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/oci/" + connection))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, login.statusCode(), login.body());
    return fromShopStart(login.headers().firstValue("location").orElseThrow());
  }

  private Session peppolLogin() throws Exception {
    String body = "USERNAME=demo-peppol&PASSWORD=demo-peppol-pass&RETURN_URL="
        + URLEncoder.encode("http://127.0.0.1:" + runner.port() + "/buyer/peppol/return", StandardCharsets.UTF_8);
    var login = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/peppol/demo-peppol"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, login.statusCode(), login.body());
    return fromShopStart(login.headers().firstValue("location").orElseThrow());
  }

  private Session cxmlLogin() throws Exception {
    String setup = Json.parse(Files.readAllBytes(Path.of("../events/cxml-setup-create.json"))).get("body").asText()
        .replace("http://localhost:3000/buyer/cxml/return", runner.baseUrl() + CxmlBuyer.RETURN_PATH);
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/cxml"))
        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(setup)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode());
    String text = answer.body();
    int url = text.indexOf("<URL>");
    URI startPage = URI.create(text.substring(url + 5, text.indexOf("</URL>", url)).replace("&amp;", "&"));
    var redirect = http.send(HttpRequest.newBuilder(startPage).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(302, redirect.statusCode(), redirect.body());
    return fromShopStart(redirect.headers().firstValue("location").orElseThrow());
  }

  private static Session fromShopStart(String location) {
    String token = URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + 15),
        StandardCharsets.US_ASCII);
    String sid = Json.parse(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get("sid").asText();
    return new Session(sid, token);
  }

  /** Transfers the sample cart and answers the cart id of the shop's JSON answer. */
  private String transferCart(Session session) throws Exception {
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/sessions/" + session.id() + "/cart"))
        .header("Authorization", "Bearer " + session.token()).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(cartJson())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    String cartId = Json.parse(answer.body()).get("cartId").asText();
    var info = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/sessions/" + session.id()))
        .header("Authorization", "Bearer " + session.token()).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(cartId, Json.parse(info.body()).get("cartId").asText(), "the session info names the same cart");
    assertEquals("TRANSFERRED", Json.parse(info.body()).get("status").asText());
    return cartId;
  }

  private HttpResponse<String> ping(String user, String secret, String cartId, String orderNumber) throws Exception {
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/orders/ping"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (user + ":" + secret).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("cartId=" + URLEncoder.encode(cartId, StandardCharsets.UTF_8)
            + "&orderNumber=" + orderNumber)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Every message on the orders queue for this order id (others' messages go back to the queue untouched). */
  private List<Message> messagesFor(OrderId orderId) {
    return QueuedOrders.take(runner, orderId);
  }

  private void completesWithOneMessage(Session session, String user, String secret, String connectionId)
      throws Exception {
    String cartId = transferCart(session);
    var first = ping(user, secret, cartId, "4500012345");
    assertEquals(200, first.statusCode(), first.body());
    JsonNode order = Json.parse(first.body());
    assertEquals(connectionId, order.get("connectionId").asText());
    assertEquals(cartId, order.get("cartId").asText());
    assertEquals(first.body(), ping(user, secret, cartId, "4500012345").body(), "the same ping, the same order");
    assertEquals(409, ping(user, secret, cartId, "4500099999").statusCode(), "another order number");

    List<Message> messages = messagesFor(new OrderId(order.get("orderId").asText()));
    assertEquals(1, messages.size(), "exactly one message for the order");
    Message message = messages.get(0);
    assertEquals(connectionId, message.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID));
    assertEquals(List.of(), ErpOrderSchema.errors(message.body().getBytes(StandardCharsets.UTF_8)));
    JsonNode body = Json.parse(message.body());
    assertEquals("punchout-ping", body.get("source").asText());
    assertEquals("4500012345", body.get("externalOrderNumber").asText());
    assertEquals(2, body.get("lines").size());
  }

  @Test
  void ociLoginCartPingAndOneMessage() throws Exception {
    completesWithOneMessage(ociLogin("demo-oci4"), "demo-oci4", "demo-oci4-pass", "demo-oci4");
  }

  @Test
  void cxmlSetupCartPingAndOneMessage() throws Exception {
    completesWithOneMessage(cxmlLogin(), "demo-cxml", "demo-cxml-secret", "demo-cxml");
  }

  @Test
  void peppolLoginCartPingAndOneMessage() throws Exception {
    completesWithOneMessage(peppolLogin(), "demo-peppol", "demo-peppol-pass", "demo-peppol");
  }

  @Test
  void theBuyerSimulatorApprovesThePurchaseOrderAndTheErpPageShowsIt() throws Exception {
    String cartId = transferCart(ociLogin("demo-oci3"));
    String form = "connection=demo-oci3&cartId=" + URLEncoder.encode(cartId, StandardCharsets.UTF_8)
        + "&orderNumber=PO-SIM-1";
    String orderId = OrderId.forCart(cartId).value();
    for (String attempt : List.of("approve", "send ping again")) {
      var page = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/buyer/approve"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode(), attempt);
      assertTrue(page.body().contains("<code id=\"order-id\">" + orderId + "</code>"), attempt + ": " + page.body());
      assertTrue(page.body().contains("Send ping again"), attempt);
    }
    var erp = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/erp/")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, erp.statusCode());
    assertTrue(erp.body().contains("data-order-id=\"" + orderId + "\""), erp.body());
    assertTrue(erp.body().contains("PO-SIM-1"));
    assertTrue(erp.body().contains("SCR-4X40-500"), "with its lines");
    assertEquals(1, messagesFor(new OrderId(orderId)).size(), "the page consumed nothing");
  }

  @Test
  void aHundredConcurrentPingsOnTheEnginesMakeOneOrderAndOneMessage() throws Exception {
    String cartId = transferCart(ociLogin("demo-oci4"));
    List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(20)) {
      for (int i = 0; i < 100; i++) {
        answers.add(pool.submit(() -> ping("demo-oci4", "demo-oci4-pass", cartId, "4500077777")));
      }
      java.util.Set<String> bodies = new java.util.HashSet<>();
      for (var answer : answers) {
        assertEquals(200, answer.get().statusCode(), answer.get().body());
        bodies.add(answer.get().body());
      }
      assertEquals(1, bodies.size(), "every ping answers the same order");
    }
    assertEquals(1, messagesFor(OrderId.forCart(cartId)).size());
    assertEquals(1, runner.engines().dynamoDb().scan(b -> b.tableName(runner.engines().tableName("SessionsTable"))
        .filterExpression("pk = :pk").expressionAttributeValues(java.util.Map.of(":pk",
            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("ORDER#" + OrderId.forCart(cartId)))))
        .count(), "one order item");
  }

  @Test
  void refusalsWriteNothing() throws Exception {
    Session session = ociLogin("demo-oci5");
    String cartId = transferCart(session);
    int items = itemCount();

    assertEquals(401, ping("demo-oci5", "wrong", cartId, "PO-1").statusCode());
    assertEquals(404, ping("demo-oci4", "demo-oci4-pass", cartId, "PO-1").statusCode(), "another connection's cart");
    assertEquals(404, ping("demo-oci5", "demo-oci5-pass", "no-such-cart", "PO-1").statusCode());
    Session open = ociLogin("demo-oci5");
    int withOpen = itemCount();
    assertEquals(409, ping("demo-oci5", "demo-oci5-pass", open.id(), "PO-1").statusCode(), "never transferred");

    assertEquals(items + 1, withOpen, "only the second login wrote");
    assertEquals(withOpen, itemCount(), "no refusal wrote anything");
    assertEquals(List.of(), messagesFor(OrderId.forCart(cartId)));
  }

  private int itemCount() {
    return runner.engines().dynamoDb().scan(b -> b.tableName(runner.engines().tableName("SessionsTable"))).count();
  }
}
