package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.json.Json;

/**
 * The admin API over HTTP through the local runner, with its admin key: a connection created there logs in at once
 * through OCI and through cXML (its Sender identity and generated shared secret), with no restart; a change is seen
 * by the next login, a stale change is refused with 409, and a deleted connection logs in no more.
 */
@ExtendWith(LocalRunnerExtension.class)
class AdminConnectionsIT {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private LocalRunner runner;

  @BeforeEach
  void runner(LocalRunner runner) {
    this.runner = runner;
  }

  private HttpResponse<String> admin(String method, String path, String body, String key) throws Exception {
    var request = HttpRequest.newBuilder(runner.baseUrl().resolve(path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    return admin(method, path, body, runner.adminKey());
  }

  private HttpResponse<String> ociLogin(String connectionId, String username, String password) throws Exception {
    String form = "USERNAME=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
        + "&PASSWORD=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
        + "&HOOK_URL=" + URLEncoder.encode(runner.baseUrl() + "/buyer/hook", StandardCharsets.UTF_8);
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/oci/" + connectionId))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private String document(String id, String format) {
    return """
        {"id": "%s", "name": "Admin API test", "format": "%s", "userGroup": "acme-buyers",
         "allowedReturnOrigins": ["http://localhost:*", "http://127.0.0.1:*"], "shopStartUrl": "%s/shop/"}"""
        .formatted(id, format, runner.baseUrl());
  }

  @Test
  void aConnectionCreatedThroughTheAdminApiLogsInThroughOciChangesAndIsDeleted() throws Exception {
    String id = "it-admin-oci-" + UUID.randomUUID();
    ObjectNode doc = (ObjectNode) Json.parse(document(id, "OCI_4_0"));
    doc.put("username", "buyer").put("password", "chosen-by-a-person");
    assertEquals(401, admin("POST", "/admin/connections", Json.write(doc), null).statusCode(), "the admin key is needed");
    assertEquals(404, ociLogin(id, "buyer", "chosen-by-a-person").statusCode(), "not there before");

    var created = admin("POST", "/admin/connections", Json.write(doc));
    assertEquals(201, created.statusCode(), created.body());
    assertFalse(created.body().contains("chosen-by-a-person"));

    var login = ociLogin(id, "buyer", "chosen-by-a-person");
    assertEquals(302, login.statusCode(), login.body());
    assertTrue(login.headers().firstValue("location").orElseThrow().startsWith(runner.baseUrl() + "/shop/"));
    assertEquals(401, ociLogin(id, "buyer", "a guess").statusCode());
    JsonNode listed = listed(id);
    assertEquals(1, listed.get("openSessions").asInt(), listed.toString());
    assertFalse(listed.get("lastLoginAt").isNull());

    ObjectNode read = (ObjectNode) Json.parse(admin("GET", "/admin/connections/" + id, null).body());
    read.put("active", false);
    var updated = admin("PUT", "/admin/connections/" + id, Json.write(read));
    assertEquals(200, updated.statusCode(), updated.body());
    assertEquals(2, Json.parse(updated.body()).get("version").asInt());
    assertEquals(403, ociLogin(id, "buyer", "chosen-by-a-person").statusCode(), "the next login sees the change");

    var stale = admin("PUT", "/admin/connections/" + id, Json.write(read.put("active", true)));
    assertEquals(409, stale.statusCode());
    assertEquals(2, Json.parse(stale.body()).get("currentVersion").asInt());
    assertEquals(403, ociLogin(id, "buyer", "chosen-by-a-person").statusCode(), "the stale change changed nothing");

    assertEquals(409, admin("DELETE", "/admin/connections/" + id + "?version=1", null).statusCode());
    assertEquals(204, admin("DELETE", "/admin/connections/" + id + "?version=2", null).statusCode());
    assertEquals(404, ociLogin(id, "buyer", "chosen-by-a-person").statusCode(), "a deleted connection is unknown");
    assertEquals(404, admin("GET", "/admin/connections/" + id, null).statusCode());
  }

  @Test
  void aCxmlConnectionWithAGeneratedSecretLogsInByItsSenderUntilDeleted() throws Exception {
    String id = "it-admin-cxml-" + UUID.randomUUID();
    String identity = "AN-IT-" + UUID.randomUUID();
    ObjectNode doc = (ObjectNode) Json.parse(document(id, "CXML"));
    doc.put("generateSecret", true);
    ObjectNode cxml = doc.putObject("cxml");
    cxml.putArray("from").addObject().put("domain", "NetworkID").put("identity", identity);
    cxml.putArray("sender").addObject().put("domain", "NetworkID").put("identity", identity);
    cxml.putObject("to").put("domain", "DUNS").put("identity", "123456789");

    var created = admin("POST", "/admin/connections", Json.write(doc));
    assertEquals(201, created.statusCode(), created.body());
    String secret = Json.text(Json.parse(created.body()), "generatedSecret");

    CxmlPayload.Response answer = setup(identity, secret);
    assertEquals(200, answer.status().code(), answer.status().toString());
    var startPage = http.send(HttpRequest.newBuilder(URI.create(answer.startPageUrl())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(302, startPage.statusCode(), "the buyer's browser goes on to the shop");
    assertNotEquals(200, setup(identity, "not-the-secret").status().code());
    assertFalse(admin("GET", "/admin/connections/" + id, null).body().contains(secret), "shown once only");

    assertEquals(204, admin("DELETE", "/admin/connections/" + id + "?version=1", null).statusCode());
    assertNotEquals(200, setup(identity, secret).status().code(), "a deleted connection's sender is unknown");
  }

  @Test
  void answersEveryProblemOfADocumentAtOnce() throws Exception {
    ObjectNode doc = (ObjectNode) Json.parse(document("it-admin-bad", "OCI_9"));
    doc.put("allowedReturnOrigin", "http://localhost:*");
    doc.remove("userGroup");
    var refused = admin("POST", "/admin/connections", Json.write(doc));
    assertEquals(400, refused.statusCode());
    assertTrue(refused.headers().firstValue("content-type").orElseThrow().startsWith("application/problem+json"));
    JsonNode problems = Json.parse(refused.body()).get("problems");
    assertEquals(3, problems.size(), refused.body());
    assertEquals("3 problems", Json.text(Json.parse(refused.body()), "detail"));
    assertTrue(refused.body().contains("\"path\":\"$.format\""), refused.body());
    assertTrue(refused.body().contains("\"path\":\"$.allowedReturnOrigin\""), refused.body());
    assertTrue(refused.body().contains("\"path\":\"$.userGroup\""), refused.body());
  }

  private JsonNode listed(String id) throws Exception {
    var list = admin("GET", "/admin/connections", null);
    assertEquals(200, list.statusCode(), list.body());
    for (JsonNode entry : Json.parse(list.body()).get("connections")) {
      if (id.equals(Json.text(entry, "id"))) {
        return entry;
      }
    }
    throw new AssertionError(id + " is not listed: " + list.body());
  }

  /** The sample create request of {@code events/}, from {@code identity} with {@code secret}. */
  private CxmlPayload.Response setup(String identity, String secret) throws Exception {
    String body = Json.parse(Files.readAllBytes(Path.of("../events", "cxml-setup-create.json"))).get("body").asText()
        .replace("AN-DEMO-BUYER", identity)
        .replace("<SharedSecret>demo-cxml-secret</SharedSecret>", "<SharedSecret>" + secret + "</SharedSecret>")
        .replace("http://localhost:3000/buyer/cxml/return", runner.baseUrl() + CxmlBuyer.RETURN_PATH);
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/cxml"))
        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, answer.statusCode(), "a cXML status travels in HTTP 200");
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(answer.body()));
    return assertInstanceOf(CxmlPayload.Response.class, read.document().payload());
  }
}
