package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Classification;
import org.punchgate.cartreturn.CartReturnHandler;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.LoginParameterNames;
import org.punchgate.http.FormParameters;
import org.punchgate.json.Json;
import org.punchgate.login.PunchoutLoginHandler;
import org.punchgate.oci.OciCartParser;
import org.punchgate.oci.OciField;
import org.punchgate.oci.OciHtmlForms;
import org.punchgate.oci.OciItem;
import org.punchgate.security.SecretHash;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real handlers, built through their production constructors (configuration from the environment),
 * fed with the sample events of {@code events/} as the Lambda runtime deserializes them, against an
 * AWS-compatible backend. Subclasses say which backend: moto + ElasticMQ, or LocalStack.
 * The events name demo connections whose return address is http://localhost:3000; the suite stores
 * connections for exactly those addresses under ids of its own and points the events at them.
 */
abstract class HandlerSuite {

  /** The sessions table, and a DynamoDB client, of the backend the handlers use. */
  abstract DynamoDbClient dynamoDb();

  abstract String sessionsTable();

  abstract String mappingsTable();

  abstract PunchoutLoginHandler loginHandler();

  abstract CartReturnHandler cartReturnHandler();

  static APIGatewayV2HTTPEvent event(String name) throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("../events", name))) {
      return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, HandlerSuite.class.getClassLoader())
          .fromJson(in);
    }
  }

  /** A connection like the demo one the events name, but allowing the events' return origin. */
  void storeConnection(String id, String username, ConnectionFormat format) {
    new DynamoDbConnectionStore(dynamoDb(), mappingsTable()).put(new Connection(id, "Suite " + id, true, format,
        "suite-buyers", LoginParameterNames.DEFAULT, username,
        SecretHash.hash(username + "-pass", new SecureRandom(), 1_000), List.of("http://localhost:3000"),
        "http://localhost:3000/shop/", Duration.ofMinutes(30), FieldMapping.EMPTY, Map.of("PCE", "ST"),
        new Classification("UNSPSC", "31000000"), null));
  }

  int sessionCount() {
    return dynamoDb().scan(b -> b.tableName(sessionsTable())).count();
  }

  static String tokenFrom(APIGatewayV2HTTPResponse login) {
    String location = login.getHeaders().get("location");
    return URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + 15), StandardCharsets.US_ASCII);
  }

  static String sessionIdOf(String token) {
    String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    return Json.parse(payload).get("sid").asText();
  }

  static APIGatewayV2HTTPEvent forSession(APIGatewayV2HTTPEvent event, String sessionId, String token) {
    event.setPathParameters(Map.of("sessionId", sessionId));
    event.setRawPath(event.getRawPath().replace("REPLACE-WITH-SESSION-ID", sessionId));
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    headers.put("authorization", "Bearer " + token);
    event.setHeaders(headers);
    return event;
  }

  static APIGatewayV2HTTPEvent withConnection(APIGatewayV2HTTPEvent event, String id) {
    event.setPathParameters(Map.of("connectionId", id));
    event.setRawPath("/punchout/oci/" + id);
    return event;
  }

  static String body(APIGatewayV2HTTPResponse response) {
    return response.getIsBase64Encoded()
        ? new String(java.util.Base64.getDecoder().decode(response.getBody()), StandardCharsets.ISO_8859_1)
        : response.getBody();
  }

  @Test
  void ociLoginSessionInfoAndCartTransferFromTheSampleEvents() throws IOException {
    storeConnection("suite-oci4", "demo-oci4", ConnectionFormat.OCI_4_0);
    var login = loginHandler().handleRequest(withConnection(event("oci-login-get.json"), "suite-oci4"), null);
    assertEquals(302, login.getStatusCode(), login.getBody());
    String token = tokenFrom(login);
    String sessionId = sessionIdOf(token);

    var info = cartReturnHandler().handleRequest(forSession(event("shop-session-info.json"), sessionId, token), null);
    assertEquals(200, info.getStatusCode(), info.getBody());
    assertEquals("suite-buyers", Json.parse(info.getBody()).get("userGroup").asText());
    assertEquals("OPEN", Json.parse(info.getBody()).get("status").asText());

    var transfer = cartReturnHandler().handleRequest(forSession(event("shop-cart-transfer.json"), sessionId, token), null);
    assertEquals(200, transfer.getStatusCode(), transfer.getBody());
    var form = OciHtmlForms.extract(body(transfer)).getFirst();
    assertEquals("http://localhost:3000/buyer/hook", form.action());
    assertEquals("events", form.fields().first("sim"), "the HOOK_URL's query comes back as a hidden field");
    List<OciItem> items = OciCartParser.parse(form.fields());
    assertEquals(2, items.size());
    assertEquals("Akku-Bohrschrauber 18 V bürstenlos, 2 Ak", items.get(0).get(OciField.DESCRIPTION), "40 characters");
    assertTrue(items.get(0).get(OciField.LONGTEXT).startsWith("Akku-Bohrschrauber 18 V bürstenlos, 2 Akkus 5,0 Ah"));
    assertEquals("ST", items.get(0).get(OciField.UNIT), "through the connection's unit map");
    assertEquals("189.90", items.get(0).get(OciField.PRICE));
    assertEquals("100", items.get(1).get(OciField.PRICEUNIT));
    assertEquals("27112700", items.get(0).get(OciField.EXT_CATEGORY_ID));

    var again = cartReturnHandler().handleRequest(forSession(event("shop-session-info.json"), sessionId, token), null);
    assertEquals("TRANSFERRED", Json.parse(again.getBody()).get("status").asText());
    var retry = cartReturnHandler().handleRequest(forSession(event("shop-cart-transfer.json"), sessionId, token), null);
    assertEquals(200, retry.getStatusCode(), "an identical retry gets the same page");
    var other = forSession(event("shop-cart-transfer.json"), sessionId, token);
    other.setBody(other.getBody().replace("\"quantity\": 2", "\"quantity\": 3"));
    assertEquals(409, cartReturnHandler().handleRequest(other, null).getStatusCode());
  }

  @Test
  void ociFormPostInIso88591FromTheSampleEvent() throws IOException {
    storeConnection("suite-oci3", "demo-oci3", ConnectionFormat.OCI_3_0);
    var login = loginHandler().handleRequest(withConnection(event("oci-login-post-form-iso-8859-1.json"), "suite-oci3"), null);
    assertEquals(302, login.getStatusCode(), login.getBody());
    String token = tokenFrom(login);
    var transfer = cartReturnHandler().handleRequest(
        forSession(event("shop-cart-transfer.json"), sessionIdOf(token), token), null);
    assertEquals(200, transfer.getStatusCode());
    assertTrue(transfer.getHeaders().get("content-type").contains("iso-8859-1"));
    var form = OciHtmlForms.extract(body(transfer)).getFirst();
    assertEquals("Jürgen", form.fields().first("user"));
    FormParameters fields = form.fields();
    assertEquals("ADDI", fields.first("~OkCode"), "OCI 3.0 echo fields");
    assertEquals("_top", fields.first("~TARGET"));
    assertEquals("CTLG", fields.first("~CALLER"));
  }

  @Test
  void refusedCallsWriteNothing() throws IOException {
    storeConnection("suite-oci5", "demo-oci5", ConnectionFormat.OCI_5_0);
    int before = sessionCount();
    var unknown = loginHandler().handleRequest(withConnection(event("oci-login-get.json"), "no-such-connection"), null);
    assertEquals(404, unknown.getStatusCode());
    var wrongUser = loginHandler().handleRequest(withConnection(event("oci-login-get.json"), "suite-oci5"), null);
    assertEquals(401, wrongUser.getStatusCode(), "demo-oci4's credentials do not open suite-oci5");
    var badToken = cartReturnHandler().handleRequest(
        forSession(event("shop-cart-transfer.json"), "s", "not-a-token"), null);
    assertEquals(401, badToken.getStatusCode());
    assertEquals(before, sessionCount());
  }
}
