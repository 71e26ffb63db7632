package org.punchgate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;

/** The admin API's routes and its login link routes through the Lambda handler, over in-memory stores. */
class AdminFunctionTest {

  private final InMemoryWiring memory = new InMemoryWiring();
  private final AdminFunction function = new AdminFunction(memory.wiring);

  private APIGatewayV2HTTPResponse call(String routeKey, String path, Map<String, String> pathParameters, String body) {
    return function.handleRequest(AdminEvents.event(routeKey, path, pathParameters, null, body), null);
  }

  private APIGatewayV2HTTPResponse create(String connectionId, String body) {
    return call("POST /admin/connections/{connectionId}/links", "/admin/connections/" + connectionId + "/links",
        Map.of("connectionId", connectionId), body);
  }

  @Test
  void theRouterKnowsTheLinkRoutesAndRefusesARouteRegisteredTwice() {
    assertEquals(Set.of("GET /admin/connections", "POST /admin/connections", "GET /admin/connections/{connectionId}",
        "PUT /admin/connections/{connectionId}", "DELETE /admin/connections/{connectionId}",
        "POST /admin/connections/{connectionId}/links", "GET /admin/connections/{connectionId}/links",
        "DELETE /admin/links/{linkId}", "POST /admin/connections/{connectionId}/secret",
        "PUT /admin/connections/{connectionId}/users/{username}",
        "DELETE /admin/connections/{connectionId}/users/{username}", "GET /admin/formats", "POST /admin/preview"),
        function.router().routeKeys());
    assertThrows(IllegalStateException.class, () -> AdminRouter.of(r -> r.route("GET /x", q -> null),
        r -> r.route("GET /x", q -> null)));
  }

  @Test
  void createListRevoke() {
    memory.connections.put(Fixtures.peppolConnection("demo-peppol"));
    var created = create("demo-peppol", "{\"returnUrl\":\"http://localhost:3000/buyer/peppol/return\","
        + "\"buyerReference\":\"erik\"}");
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode link = Json.parse(created.getBody());
    String linkId = Json.text(link, "linkId");
    assertTrue(Json.text(link, "url").startsWith("https://gateway.example.com/punchout/link/"));
    assertTrue(link.get("expiresAt").isNull());

    var listed = call("GET /admin/connections/{connectionId}/links", "/admin/connections/demo-peppol/links",
        Map.of("connectionId", "demo-peppol"), null);
    assertEquals(200, listed.getStatusCode());
    JsonNode first = Json.parse(listed.getBody()).get("links").get(0);
    assertEquals(linkId, Json.text(first, "linkId"));
    assertEquals("ACTIVE", Json.text(first, "status"));
    assertFalse(listed.getBody().contains(Json.text(link, "url")), "the plain link is shown once");

    var revoked = call("DELETE /admin/links/{linkId}", "/admin/links/" + linkId, Map.of("linkId", linkId), null);
    assertEquals(200, revoked.getStatusCode());
    assertEquals("REVOKED", Json.text(Json.parse(revoked.getBody()), "status"));
    assertEquals(404, call("DELETE /admin/links/{linkId}", "/admin/links/nope", Map.of("linkId", "nope"), null)
        .getStatusCode());
  }

  @Test
  void refusesUnknownConnectionsUnlistedReturnUrlsAndPastExpiries() {
    memory.connections.put(Fixtures.peppolConnection("demo-peppol"));
    memory.connections.put(Fixtures.ociConnection("demo-oci4", org.punchgate.connection.ConnectionFormat.OCI_4_0));
    assertEquals(404, create("nope", "{\"returnUrl\":\"http://localhost:3000/r\"}").getStatusCode());
    assertEquals(404, create("demo-oci4", "{\"returnUrl\":\"http://localhost:3000/r\"}").getStatusCode());
    assertEquals(400, create("demo-peppol", "{\"returnUrl\":\"https://evil.example/r\"}").getStatusCode());
    assertEquals(400, create("demo-peppol", "{\"returnUrl\":\"http://localhost:3000/r\",\"expiresAt\":\"2000-01-01T00:00:00Z\"}")
        .getStatusCode());
    assertEquals(400, create("demo-peppol", "{\"returnUrl\":\"http://localhost:3000/r\",\"expiresAt\":\"tomorrow\"}")
        .getStatusCode());
    assertEquals(400, create("demo-peppol", "{not json").getStatusCode());
  }
}
