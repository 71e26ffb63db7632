package org.punchgate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.json.Json;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;

/** The admin API's connection routes through the Lambda handler, over in-memory stores. */
class ConnectionRoutesTest {

  private final InMemoryWiring memory = new InMemoryWiring();
  private final AdminFunction function = new AdminFunction(memory.wiring);

  private static final String OCI = """
      {"id": "acme-oci", "name": "ACME SAP", "format": "OCI_4_0", "userGroup": "acme-buyers",
       "username": "acme", "password": "correct horse battery staple",
       "allowedReturnOrigins": ["https://srm.acme.example"], "shopStartUrl": "https://shop.example.com/start"}""";

  private static final String CXML = """
      {"id": "acme-cxml", "format": "CXML", "userGroup": "acme-buyers", "generateSecret": true,
       "allowedReturnOrigins": ["https://ariba.acme.example"], "shopStartUrl": "https://shop.example.com/start",
       "cxml": {"from": [{"domain": "NetworkID", "identity": "AN-ACME"}],
                "sender": [{"domain": "NetworkID", "identity": "AN-ACME"}],
                "to": {"domain": "DUNS", "identity": "123456789"}}}""";

  private APIGatewayV2HTTPResponse call(String method, String id, String query, String body) {
    String routeKey = method + (id == null ? " /admin/connections" : " /admin/connections/{connectionId}");
    String path = "/admin/connections" + (id == null ? "" : "/" + id);
    return function.handleRequest(AdminEvents.event(routeKey, path,
        id == null ? null : Map.of("connectionId", id), query, body), null);
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    return Json.parse(response.getBody());
  }

  private static List<String> paths(APIGatewayV2HTTPResponse response) {
    List<String> paths = new ArrayList<>();
    json(response).path("problems").forEach(p -> paths.add(Json.text(p, "path")));
    return paths;
  }

  @Test
  void createReadChangeAndDeleteAConnectionAtTheVersionRead() {
    var created = call("POST", null, null, OCI);
    assertEquals(201, created.getStatusCode(), created.getBody());
    JsonNode document = json(created);
    assertEquals(1, document.get("version").asInt());
    assertEquals("{\"set\":true,\"kind\":\"chosen\",\"previousValidUntil\":null}", Json.write(document.get("secret")));
    assertFalse(created.getBody().contains("password") || created.getBody().contains("secretHash")
        || created.getBody().contains("pbkdf2"), "no secret and no hash in an answer: " + created.getBody());

    var read = call("GET", "acme-oci", null, null);
    assertEquals(200, read.getStatusCode());
    assertEquals(document, json(read));

    ObjectNode renamed = (ObjectNode) json(read); // the document read, sent back with a change
    renamed.put("name", "ACME SAP (production)");
    var updated = call("PUT", "acme-oci", null, Json.write(renamed));
    assertEquals(200, updated.getStatusCode(), updated.getBody());
    assertEquals(2, json(updated).get("version").asInt());
    assertEquals("ACME SAP (production)", Json.text(json(updated), "name"));
    assertTrue(memory.wiring.secrets().verify("correct horse battery staple",
        memory.connections.find("acme-oci").orElseThrow().secretHash()), "the secret is kept by a PUT");

    var stale = call("PUT", "acme-oci", null, Json.write(renamed.put("name", "lost update")));
    assertEquals(409, stale.getStatusCode());
    assertEquals("Version conflict", Json.text(json(stale), "title"));
    assertEquals(2, json(stale).get("currentVersion").asInt());
    assertTrue(stale.getHeaders().get("content-type").startsWith("application/problem+json"));

    assertEquals(409, call("DELETE", "acme-oci", "version=1", null).getStatusCode());
    assertEquals(204, call("DELETE", "acme-oci", "version=2", null).getStatusCode());
    assertEquals(404, call("GET", "acme-oci", null, null).getStatusCode());
    assertEquals(404, call("DELETE", "acme-oci", "version=2", null).getStatusCode());
    assertEquals(404, call("PUT", "acme-oci", null, Json.write(renamed)).getStatusCode());
  }

  @Test
  void usersAreShownWithTheirSecretMetadataAndAPutOfTheDocumentReadKeepsThem() {
    ObjectNode doc = (ObjectNode) Json.parse(OCI);
    doc.putArray("users").addObject().put("username", "erika").put("password", "erika's own password");
    assertEquals(201, call("POST", null, null, Json.write(doc)).getStatusCode());

    var read = call("GET", "acme-oci", null, null);
    JsonNode erika = json(read).get("users").get(0);
    assertEquals("erika", Json.text(erika, "username"));
    assertEquals("{\"set\":true,\"kind\":\"chosen\",\"previousValidUntil\":null}", Json.write(erika.get("secret")));
    assertFalse(read.getBody().contains("secretHash") || read.getBody().contains("pbkdf2"), read.getBody());

    ObjectNode renamed = (ObjectNode) json(read);
    renamed.put("name", "renamed");
    assertEquals(200, call("PUT", "acme-oci", null, Json.write(renamed)).getStatusCode());
    var users = memory.connections.find("acme-oci").orElseThrow().users();
    assertEquals(List.of("acme", "erika"), users.stream().map(u -> u.username()).toList());
    assertTrue(memory.wiring.secrets().verify("erika's own password", users.get(1).secretHash()));
  }

  @Test
  void aGeneratedSecretIsAnsweredOnceAndOnlyItsKeyedHashIsKept() {
    var created = call("POST", null, null, CXML);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String secret = Json.text(json(created), "generatedSecret");
    assertTrue(secret.length() * 6 >= 128, "at least 128 random bits: " + secret.length() + " Base64 characters");
    assertEquals("generated", Json.text(json(created).get("secret"), "kind"));

    String stored = memory.connections.find("acme-cxml").orElseThrow().secretHash();
    assertTrue(stored.startsWith("hmac-sha256$"));
    assertTrue(memory.wiring.secrets().verify(secret, stored));
    assertEquals("acme-cxml", memory.connections.findByAlias(ConnectionAlias.cxmlSender("NetworkID", "AN-ACME"))
        .orElseThrow().id(), "found by its sender at once");
    var read = call("GET", "acme-cxml", null, null);
    assertFalse(read.getBody().contains(secret) || read.getBody().contains("generatedSecret"));
  }

  @Test
  void reportsEveryProblemAtItsJsonPathInWordsASupplierUnderstands() {
    ObjectNode doc = (ObjectNode) Json.parse(OCI);
    doc.put("format", "OCI_9_0");
    doc.remove("userGroup");
    doc.putArray("allowedReturnOrigin").add("https://srm.acme.example");
    doc.remove("password");
    var refused = call("POST", null, null, Json.write(doc));

    assertEquals(400, refused.getStatusCode());
    JsonNode problem = json(refused);
    assertEquals("Invalid connection", Json.text(problem, "title"));
    assertEquals(List.of("$.allowedReturnOrigin", "$.userGroup", "$.format"), paths(refused).subList(0, 3));
    assertEquals(paths(refused).size() + " problems", Json.text(problem, "detail"));
    assertTrue(refused.getBody().contains("format must be one of OCI_3_0, OCI_4_0, OCI_5_0, CXML, PEPPOL_PUNCHOUT"));
    assertTrue(refused.getBody().contains("unknown field allowedReturnOrigin"));
    assertTrue(memory.connections.list().isEmpty(), "nothing stored");
  }

  @Test
  void refusesAnIdThatIsNoPlainPathSegment() {
    ObjectNode doc = (ObjectNode) Json.parse(OCI);
    doc.put("id", "acme/oci");
    assertEquals(List.of("$.id"), paths(call("POST", null, null, Json.write(doc))));
  }

  @Test
  void aPutChangesNoSecretAndKeepsItsIdAndVersion() {
    call("POST", null, null, OCI);
    ObjectNode doc = (ObjectNode) Json.parse(OCI);
    doc.put("id", "another");
    doc.putObject("cxml").put("sharedSecret", "s");
    doc.put("format", "CXML");

    var refused = call("PUT", "acme-oci", null, Json.write(doc));

    assertEquals(400, refused.getStatusCode());
    List<String> paths = paths(refused);
    assertTrue(paths.containsAll(List.of("$.version", "$.password", "$.cxml.sharedSecret", "$.id")), paths.toString());
    assertTrue(refused.getBody().contains(ConnectionDrafts.SECRET_ROUTE));
    assertEquals(1, memory.connections.read("acme-oci").orElseThrow().version());
  }

  @Test
  void refusesATakenIdATakenSenderAndAGeneratedSecretBesideAPassword() {
    assertEquals(201, call("POST", null, null, CXML).getStatusCode());
    var exists = call("POST", null, null, CXML);
    assertEquals(409, exists.getStatusCode());
    assertEquals("Connection exists", Json.text(json(exists), "title"));

    var sender = call("POST", null, null, CXML.replace("acme-cxml", "acme-cxml-2"));
    assertEquals(409, sender.getStatusCode());
    assertEquals("Sender in use", Json.text(json(sender), "title"));
    assertTrue(Json.text(json(sender), "detail").contains("acme-cxml"));

    var both = call("POST", null, null, CXML.replace("acme-cxml", "acme-cxml-3")
        .replace("\"to\":", "\"sharedSecret\": \"chosen\", \"to\":"));
    assertEquals(List.of("$.generateSecret"), paths(both));
  }

  @Test
  void refusesLargeBodiesMalformedJsonAndADeleteWithoutVersion() {
    assertEquals(413, call("POST", null, null, "{\"name\":\"" + "x".repeat(ConnectionRoutes.MAX_DOCUMENT_BYTES) + "\"}")
        .getStatusCode());
    assertEquals("Malformed JSON", Json.text(json(call("POST", null, null, "{\"id\":")), "title"));
    call("POST", null, null, OCI);
    assertEquals(List.of("version"), paths(call("DELETE", "acme-oci", null, null)));
    assertEquals(List.of("version"), paths(call("DELETE", "acme-oci", "version=one", null)));
  }

  @Test
  void listsConnectionsByIdWithTheirLastLoginAndOpenSessions() {
    call("POST", null, null, OCI);
    call("POST", null, null, CXML);
    var connection = memory.connections.find("acme-oci").orElseThrow().withoutSecret();
    memory.sessions.create(session("s1", connection, SessionStatus.OPEN, Duration.ofMinutes(-30)), null);
    memory.sessions.create(session("s2", connection, SessionStatus.OPEN, Duration.ofMinutes(-5)), null);
    memory.sessions.create(session("s3", connection, SessionStatus.OPEN, Duration.ofHours(-3)), null); // expired
    memory.sessions.create(session("s4", connection, SessionStatus.TRANSFERRED, Duration.ofMinutes(-10)), null);

    JsonNode list = json(call("GET", null, null, null)).get("connections");

    assertEquals(2, list.size());
    assertEquals("acme-cxml", Json.text(list.get(0), "id"));
    assertTrue(list.get(0).get("lastLoginAt").isNull());
    assertEquals(0, list.get(0).get("openSessions").asInt());
    JsonNode oci = list.get(1);
    assertEquals(Json.parse("""
        {"id": "acme-oci", "name": "ACME SAP", "format": "OCI_4_0", "userGroup": "acme-buyers", "active": true,
         "version": 1, "lastLoginAt": "%s", "openSessions": 2}""".formatted(Fixtures.NOW.minus(Duration.ofMinutes(5)))),
        oci);
  }

  private Session session(String id, org.punchgate.connection.Connection connection, SessionStatus status,
      Duration createdAgo) {
    var createdAt = memory.clock.instant().plus(createdAgo);
    return new Session(id, connection, connection.username(), status, createdAt, createdAt.plus(Duration.ofHours(1)),
        new CallUp.Oci(Map.of()), Map.of(), null, null, null);
  }
}
