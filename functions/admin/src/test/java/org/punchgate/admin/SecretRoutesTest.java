package org.punchgate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.connection.PasswordCheck;
import org.punchgate.json.Json;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;

/** The secret and user routes of the admin API through the Lambda handler, over in-memory stores. */
class SecretRoutesTest {

  private final InMemoryWiring memory = new InMemoryWiring();
  private final AdminFunction function = new AdminFunction(memory.wiring);

  private APIGatewayV2HTTPResponse call(String method, String connectionId, String username, String body) {
    String routeKey = method + (username == null ? " /admin/connections/{connectionId}/secret"
        : " /admin/connections/{connectionId}/users/{username}");
    String path = "/admin/connections/" + connectionId + (username == null ? "/secret" : "/users/" + username);
    Map<String, String> parameters = new HashMap<>(Map.of("connectionId", connectionId));
    if (username != null) {
      parameters.put("username", username);
    }
    return function.handleRequest(AdminEvents.event(routeKey, path, parameters, null, body), null);
  }

  private boolean logsIn(String connectionId, String username, String secret) {
    return PasswordCheck.user(memory.connections.find(connectionId).orElseThrow(), username, secret,
        memory.wiring.secrets()).isPresent();
  }

  @Test
  void aGeneratedSecretIsInItsCreationAnswerOnlyAndTheOldOneWorksThroughTheOverlap() {
    memory.connections.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    var answer = call("POST", "oci", null, "{\"generate\": true, \"overlapMinutes\": 30}");

    assertEquals(200, answer.getStatusCode(), answer.getBody());
    assertEquals("no-store", answer.getHeaders().get("cache-control"));
    JsonNode n = Json.parse(answer.getBody());
    assertEquals(2, n.get("version").asLong());
    assertEquals("oci", Json.text(n, "username"));
    assertEquals(Fixtures.NOW.plus(Duration.ofMinutes(30)).toString(), Json.text(n, "previousValidUntil"));
    String secret = Json.text(n, "generatedSecret");
    assertTrue(logsIn("oci", "oci", secret));
    assertTrue(logsIn("oci", "oci", "oci-pass"));
    memory.clock.advance(Duration.ofMinutes(30));
    assertFalse(logsIn("oci", "oci", "oci-pass"));
  }

  @Test
  void usersAreAddedRotatedAndRemoved() {
    memory.connections.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    var added = call("PUT", "oci", "anna", "{\"secret\": \"anna's chosen secret\"}");
    assertEquals(201, added.getStatusCode(), added.getBody());
    assertFalse(added.getBody().contains("anna's chosen secret"), "a chosen secret is never handed back");
    assertFalse(Json.parse(added.getBody()).has("generatedSecret"));
    assertTrue(logsIn("oci", "anna", "anna's chosen secret"));

    var rotated = call("PUT", "oci", "anna", "{\"generate\": true, \"overlapMinutes\": 0}");
    assertEquals(200, rotated.getStatusCode(), rotated.getBody());
    assertTrue(Json.parse(rotated.getBody()).get("previousValidUntil").isNull());
    assertFalse(logsIn("oci", "anna", "anna's chosen secret"), "overlap 0: the old secret stops now");
    assertTrue(logsIn("oci", "anna", Json.text(Json.parse(rotated.getBody()), "generatedSecret")));

    assertEquals(204, call("DELETE", "oci", "anna", null).getStatusCode());
    assertEquals(404, call("DELETE", "oci", "anna", null).getStatusCode());
    var last = call("DELETE", "oci", "oci", null);
    assertEquals(409, last.getStatusCode());
    assertEquals("Last user", Json.text(Json.parse(last.getBody()), "title"));
  }

  @Test
  void refusalsNameTheFieldAndChangeNothing() {
    memory.connections.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    memory.connections.put(Fixtures.cxmlConnection("cx", CxmlSettings.BASE64));
    long version = memory.connections.read("oci").orElseThrow().version();

    var invalid = call("POST", "oci", null, "{\"secret\": \"short\", \"overlapMinutes\": -1, \"rotate\": true}");
    assertEquals(400, invalid.getStatusCode());
    JsonNode problem = Json.parse(invalid.getBody());
    assertEquals("Invalid secret", Json.text(problem, "title"));
    assertEquals("3 problems", Json.text(problem, "detail"));
    assertEquals("$.rotate", Json.text(problem.get("problems").get(0), "path"));
    assertEquals(400, call("PUT", "cx", "anna", "{\"generate\": true}").getStatusCode(), "cXML has no users");
    assertEquals(404, call("POST", "nope", null, "{\"generate\": true}").getStatusCode());
    assertEquals(400, call("POST", "oci", null, "{not json").getStatusCode());
    assertEquals(version, memory.connections.read("oci").orElseThrow().version());
  }
}
