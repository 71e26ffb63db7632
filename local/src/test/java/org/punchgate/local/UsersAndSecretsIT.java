package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionUser;
import org.punchgate.json.Json;
import org.punchgate.security.RandomIds;

/**
 * Users and secrets through the local runner, as a supplier's administrator and the buyer's SAP system meet them:
 * the demo connection's two users log in; a rotated secret and the previous one both work during the overlap and
 * the previous one stops when a rotation ends it; a user added through the admin API logs in with no restart, and a
 * removed one is refused.
 */
@ExtendWith(LocalRunnerExtension.class)
class UsersAndSecretsIT {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private LocalRunner runner;

  @BeforeEach
  void runner(LocalRunner runner) {
    this.runner = runner;
  }

  /** A connection of this test alone (a copy of demo-oci4 with one user, "it-user" / "demo-oci4-pass"). */
  private String ownConnection() {
    var store = new DynamoDbConnectionStore(runner.engines().dynamoDb(), runner.engines().tableName("MappingsTable"));
    Connection demo = store.find("demo-oci4").orElseThrow();
    String id = "it-secrets-" + new RandomIds().newId(8);
    store.put(new Connection(id, "users and secrets", true, demo.format(), demo.userGroup(), demo.loginParameters(),
        null, null, demo.allowedReturnOrigins(), demo.shopStartUrl(), demo.sessionLifetime(), demo.fieldMapping(),
        demo.unitMap(), demo.defaultClassification(), null)
        .withUsers(List.of(new ConnectionUser("it-user", demo.secretHash()))));
    return id;
  }

  private HttpResponse<String> login(String connectionId, String username, String password) throws Exception {
    String form = "USERNAME=" + encode(username) + "&PASSWORD=" + encode(password) + "&HOOK_URL="
        + encode(runner.baseUrl() + "/buyer/hook");
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/oci/" + connectionId))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String method, String path, String body, String key) throws Exception {
    var request = HttpRequest.newBuilder(runner.baseUrl().resolve(path)).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    return admin(method, path, body, runner.adminKey());
  }

  private String generate(String path, int overlapMinutes, int status) throws Exception {
    var answer = admin(path.endsWith("/secret") ? "POST" : "PUT", path,
        "{\"generate\": true, \"overlapMinutes\": " + overlapMinutes + "}");
    assertEquals(status, answer.statusCode(), answer.body());
    return Json.text(Json.parse(answer.body()), "generatedSecret");
  }

  /** The token's claims and the session info the shop reads, for a login that went through. */
  private JsonNode[] tokenAndSession(HttpResponse<String> login) throws Exception {
    assertEquals(302, login.statusCode(), login.body());
    Matcher m = Pattern.compile("punchout_token=([^&#]+)").matcher(login.headers().firstValue("location").orElseThrow());
    assertTrue(m.find());
    String token = URLDecoder.decode(m.group(1), StandardCharsets.US_ASCII);
    JsonNode claims = Json.parse(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    var info = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/sessions/" + claims.get("sid").asText()))
        .header("Authorization", "Bearer " + token).header("Accept", "application/json").build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, info.statusCode(), info.body());
    return new JsonNode[] {claims, Json.parse(info.body())};
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  @Test
  void bothUsersOfTheDemoConnectionLogInToItsUserGroupAndTheSessionNamesWhoDid() throws Exception {
    for (String user : List.of("demo-oci4", "demo-oci4-erika")) {
      JsonNode[] both = tokenAndSession(login("demo-oci4", user, user + "-pass"));
      assertEquals(user, both[0].get("sub").asText());
      assertEquals("globex-buyers", both[0].get("grp").asText());
      assertEquals(user, both[1].get("user").asText());
    }
    assertEquals(401, login("demo-oci4", "demo-oci4-erika", "demo-oci4-pass").statusCode(), "each user its own secret");
  }

  @Test
  void duringTheOverlapOldAndNewSecretsBothLogInAndARotationWithoutOverlapEndsTheOldAtOnce() throws Exception {
    String id = ownConnection();
    String first = generate("/admin/connections/" + id + "/secret", 60, 200);
    assertEquals(302, login(id, "it-user", first).statusCode(), "the new secret works at once");
    assertEquals(302, login(id, "it-user", "demo-oci4-pass").statusCode(), "and the old one during the overlap");

    String second = generate("/admin/connections/" + id + "/secret", 0, 200);
    assertEquals(302, login(id, "it-user", second).statusCode());
    assertEquals(401, login(id, "it-user", first).statusCode(), "overlap 0: the previous secret stops now");
    assertEquals(401, login(id, "it-user", "demo-oci4-pass").statusCode(), "and the one before it too");
  }

  @Test
  void anAddedUserLogsInWithNoRestartAndARemovedOneIsRefused() throws Exception {
    String id = ownConnection();
    String secret = generate("/admin/connections/" + id + "/users/anna", 60, 201);
    JsonNode[] both = tokenAndSession(login(id, "anna", secret));
    assertEquals("anna", both[0].get("sub").asText());
    assertEquals("anna", both[1].get("user").asText());
    assertEquals(302, login(id, "it-user", "demo-oci4-pass").statusCode(), "the other user is untouched");
    var document = admin("GET", "/admin/connections/" + id, null);
    assertEquals(200, document.statusCode(), document.body());
    JsonNode anna = Json.parse(document.body()).get("users").get(0);
    assertEquals("anna", Json.text(anna, "username"));
    assertEquals("generated", Json.text(anna.get("secret"), "kind"), "the document tells of the secret, not the hash");
    assertFalse(document.body().contains("hmac-sha256") || document.body().contains("pbkdf2"), document.body());

    assertEquals(204, admin("DELETE", "/admin/connections/" + id + "/users/anna", null).statusCode());
    assertEquals(401, login(id, "anna", secret).statusCode());
    assertEquals(404, admin("DELETE", "/admin/connections/" + id + "/users/anna", null).statusCode());
  }

  @Test
  void theSecretRoutesNeedTheAdminKeyAndNeverAnswerAStoredSecret() throws Exception {
    String id = ownConnection();
    var refused = admin("POST", "/admin/connections/" + id + "/secret", "{\"generate\": true}", "not-the-key-at-all");
    assertEquals(401, refused.statusCode());
    assertEquals(302, login(id, "it-user", "demo-oci4-pass").statusCode(), "nothing changed");

    var chosen = admin("PUT", "/admin/connections/" + id + "/users/bo", "{\"secret\": \"bo's chosen secret\"}");
    assertEquals(201, chosen.statusCode(), chosen.body());
    assertFalse(chosen.body().contains("bo's chosen secret") || chosen.body().contains("pbkdf2"), chosen.body());
    assertEquals(302, login(id, "bo", "bo's chosen secret").statusCode());
    URI unknown = runner.baseUrl().resolve("/admin/connections/no-such-connection/secret");
    assertEquals(404, admin("POST", unknown.getPath(), "{\"generate\": true}").statusCode());
  }
}
