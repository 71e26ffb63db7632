package org.punchgate.admincli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.punchgate.local.LocalRunner;
import org.punchgate.local.LocalRunnerExtension;

/**
 * Every command of punchgate-admin against the local runner over HTTP with its admin key, the way a supplier uses
 * them: a connection put through the CLI logs in at once (no restart), secrets rotate with their overlap, a seed file
 * imports, login links come and go, and the smoke check runs one OCI punchout.
 */
@ExtendWith(LocalRunnerExtension.class)
class AdminCliIT {

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private LocalRunner runner;
  private List<String> api;

  @BeforeEach
  void runner(LocalRunner runner) {
    this.runner = runner;
    this.api = List.of("--api-url", runner.baseUrl().toString(), "--admin-key", runner.adminKey());
  }

  private CliRun cli(String... args) {
    return CliRun.of("", Map.of(), CliRun.join(List.of(args), api.toArray(String[]::new)));
  }

  private CliRun cliWithInput(String stdin, String... args) {
    return CliRun.of(stdin, Map.of(), CliRun.join(List.of(args), api.toArray(String[]::new)));
  }

  private int ociLogin(String connection, String username, String password) throws Exception {
    String form = "USERNAME=" + enc(username) + "&PASSWORD=" + enc(password) + "&HOOK_URL="
        + enc(runner.baseUrl() + "/buyer/hook");
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/oci/" + connection))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The sample setup request of {@code events/} (the runner's working directory is {@code local/}), as one Sender. */
  private String cxmlSetup(String identity, String secret) throws Exception {
    String body = org.punchgate.json.Json.parse(Files.readAllBytes(Path.of("..", "events", "cxml-setup-create.json")))
        .get("body").asText().replace("AN-DEMO-BUYER", identity)
        .replace("<SharedSecret>demo-cxml-secret</SharedSecret>", "<SharedSecret>" + secret + "</SharedSecret>");
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/cxml"))
        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), "a cXML status travels in HTTP 200");
    return answer.body();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private String connectionJson(String id, String name, String secretField) {
    return """
        {"id": "%s", "name": "%s", "active": true, "format": "OCI_4_0", "userGroup": "globex-buyers",
         "username": "%s", %s,
         "allowedReturnOrigins": ["http://localhost:*", "http://127.0.0.1:*"],
         "shopStartUrl": "%s/shop/", "sessionLifetimeMinutes": 30}
        """.formatted(id, name, id, secretField, runner.baseUrl());
  }

  @Test
  void listConnectionsShowsTheDemoConnections() {
    CliRun list = cli("list-connections");
    assertEquals(0, list.exit(), list.toString());
    assertTrue(list.out().startsWith("ID "), list.toString());
    assertTrue(list.out().contains("demo-oci4") && list.out().contains("OCI_4_0"), list.toString());
    CliRun json = cli("list-connections", "--json");
    assertTrue(json.out().contains("\"connections\""), json.toString());
  }

  @Test
  void aConnectionPutThroughTheCliLogsInAtOnceAndUpdatesWithItsVersion(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cli-put.json");
    Files.writeString(file, connectionJson("cli-put", "CLI put", "\"password\": \"cli-put-pass-1\""));
    assertEquals(404, ociLogin("cli-put", "cli-put", "cli-put-pass-1"));

    CliRun created = cli("put-connection", "--file", file.toString());
    assertEquals(0, created.exit(), created.toString());
    assertTrue(created.out().contains("created connection cli-put (version 1)"), created.toString());
    assertEquals(302, ociLogin("cli-put", "cli-put", "cli-put-pass-1"), "logs in with no restart");

    Files.writeString(file, connectionJson("cli-put", "CLI put, renamed", "\"password\": \"another\""));
    CliRun updated = cli("put-connection", "--file", file.toString());
    assertEquals(0, updated.exit(), updated.toString());
    assertTrue(updated.out().contains("updated connection cli-put (version 1 -> 2)"), updated.toString());
    assertTrue(updated.out().contains("secrets and users left as they are (the file's password: on create only)"),
        updated.toString());
    assertEquals(302, ociLogin("cli-put", "cli-put", "cli-put-pass-1"), "the secret stays as it was");

    CliRun got = cli("get-connection", "cli-put");
    assertEquals(0, got.exit(), got.toString());
    assertTrue(got.out().contains("\"version\" : 2") && got.out().contains("CLI put, renamed"), got.toString());
    assertFalse(got.out().contains("cli-put-pass-1"), "no secret in answers");

    Files.writeString(file, connectionJson("cli-put", "stale", "\"version\": 1"));
    CliRun stale = cli("put-connection", "--file", file.toString());
    assertEquals(1, stale.exit(), stale.toString());
    assertTrue(stale.err().contains("409") && stale.err().contains("current version is 2"), stale.toString());

    Files.writeString(file, connectionJson("cli-bad", "bad", "\"password\": \"x\"").replace("OCI_4_0", "OCI_9"));
    CliRun invalid = cli("put-connection", "--file", file.toString());
    assertEquals(1, invalid.exit(), invalid.toString());
    assertTrue(invalid.err().contains("$.format: format must be one of"), invalid.toString());

    // what get-connection prints goes back as it is, edited: the version it carries guards the change
    for (String id : List.of("cli-put", "demo-cxml", "demo-peppol")) {
      CliRun read = cli("get-connection", id);
      Path edited = dir.resolve(id + "-edited.json");
      Files.writeString(edited, read.out().replaceFirst("\"name\" : \"([^\"]*)\"", "\"name\" : \"$1 (edited)\""));
      CliRun back = cli("put-connection", "--file", edited.toString());
      assertEquals(0, back.exit(), id + ": " + back);
      assertTrue(back.out().startsWith("updated connection " + id), back.toString());
      assertTrue(cli("get-connection", id).out().contains("(edited)"), id);
    }

    CliRun missing = cli("get-connection", "no-such-connection");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("404"), missing.toString());
  }

  @Test
  void secretsRotateGeneratedOrChosenWithTheirOverlap(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cli-rotate.json");
    Files.writeString(file, connectionJson("cli-rotate", "CLI rotate", "\"generateSecret\": true"));
    CliRun created = cli("put-connection", "--file", file.toString());
    assertEquals(0, created.exit(), created.toString());
    String first = created.generatedSecret();
    assertEquals(302, ociLogin("cli-rotate", "cli-rotate", first));

    CliRun rotated = cli("rotate-secret", "cli-rotate", "--overlap-minutes", "30");
    assertEquals(0, rotated.exit(), rotated.toString());
    String second = rotated.generatedSecret();
    assertTrue(rotated.out().startsWith("new secret for connection cli-rotate (user cli-rotate, version 2)"),
        rotated.toString());
    assertTrue(rotated.out().contains("the previous secret works until 20"), rotated.toString());
    assertEquals(302, ociLogin("cli-rotate", "cli-rotate", second));
    assertEquals(302, ociLogin("cli-rotate", "cli-rotate", first), "within the overlap the old one works too");

    CliRun chosen = cliWithInput("a-chosen-secret-of-some-length\n", "rotate-secret", "cli-rotate", "--secret-stdin",
        "--overlap-minutes", "0");
    assertEquals(0, chosen.exit(), chosen.toString());
    assertFalse(chosen.out().contains("a-chosen-secret"), "a chosen secret is never printed");
    assertTrue(chosen.out().contains("the previous secret no longer works"), chosen.toString());
    assertEquals(302, ociLogin("cli-rotate", "cli-rotate", "a-chosen-secret-of-some-length"));
    assertEquals(401, ociLogin("cli-rotate", "cli-rotate", second), "overlap 0: the old secret stops now");

    CliRun user = cli("rotate-secret", "cli-rotate", "--user", "second-buyer");
    assertEquals(0, user.exit(), user.toString());
    assertTrue(user.out().contains("added user second-buyer of connection cli-rotate"), user.toString());
    assertEquals(302, ociLogin("cli-rotate", "second-buyer", user.generatedSecret()));
  }

  @Test
  void aSeedFileImportsAndImportsAgainAsUpdates(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    String cxml = """
        {"id": "cli-seed-cxml", "name": "Seed cXML", "active": true, "format": "CXML", "userGroup": "acme-buyers",
         "allowedReturnOrigins": ["http://localhost:*"], "shopStartUrl": "%s/shop/",
         "cxml": {"sender": [{"domain": "NetworkID", "identity": "AN-CLI-SEED"}], "to": {"domain": "DUNS", "identity": "1"},
                  "sharedSecret": "cli-seed-cxml-secret"}}
        """.formatted(runner.baseUrl());
    Files.writeString(seed, "{\"connections\": [" + connectionJson("cli-seed-1", "Seed 1",
        "\"password\": \"seed-1-pass\", \"users\": [{\"username\": \"seed-1-b\", \"password\": \"seed-1-b-pass\"}]")
        + "," + connectionJson("cli-seed-2", "Seed 2", "\"password\": \"seed-2-pass\"") + "," + cxml + "]}");
    CliRun first = cli("import", "--seed", seed.toString());
    assertEquals(0, first.exit(), first.toString());
    assertTrue(first.out().contains("created connection cli-seed-1") && first.out().contains("created connection cli-seed-2")
        && first.out().contains("created connection cli-seed-cxml"), first.toString());
    assertTrue(first.out().contains("3 of 3 connections imported"), first.toString());
    assertEquals(302, ociLogin("cli-seed-2", "cli-seed-2", "seed-2-pass"));
    assertEquals(302, ociLogin("cli-seed-1", "seed-1-b", "seed-1-b-pass"), "a second user of the seed logs in");
    assertTrue(cxmlSetup("AN-CLI-SEED", "cli-seed-cxml-secret").contains("<StartPage>"), "cXML logs in, no restart");
    assertTrue(cxmlSetup("AN-CLI-SEED", "wrong-secret").contains("code=\"401\""));

    CliRun again = cli("import", "--seed", seed.toString());
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.out().contains("updated connection cli-seed-1 (version 1 -> 2)\n  secrets and users left as they are"
        + " (the file's password, users: on create only)"), again.toString());
    assertTrue(again.out().contains("updated connection cli-seed-cxml (version 1 -> 2)\n  secrets and users left as they"
        + " are (the file's cxml.sharedSecret: on create only)"), again.toString());

    Files.writeString(seed, "{\"connections\": [], \"customers\": [{\"customerId\": \"C1\"}]}");
    CliRun punchIn = cli("import", "--seed", seed.toString());
    assertEquals(1, punchIn.exit(), punchIn.toString());
    assertTrue(punchIn.err().contains("NOT imported: 1 customers"), punchIn.toString());
  }

  @Test
  void loginLinksAreMadeListedAndRevoked() {
    CliRun made = cli("links", "demo-peppol", "--create", "--return-url", runner.baseUrl() + "/buyer/peppol/return",
        "--buyer-reference", "cli-it");
    assertEquals(0, made.exit(), made.toString());
    assertTrue(made.out().contains("login link (shown this once, give it to the buyer): http"), made.toString());
    String linkId = made.out().replaceAll("(?s)^created link (\\S+).*", "$1");

    CliRun list = cli("links", "demo-peppol");
    assertEquals(0, list.exit(), list.toString());
    assertTrue(list.out().contains(linkId) && list.out().contains("ACTIVE"), list.toString());

    CliRun revoked = cli("links", "demo-peppol", "--revoke", linkId);
    assertEquals(0, revoked.exit(), revoked.toString());
    assertTrue(cli("links", "demo-peppol").out().matches("(?s).*" + linkId + "\\s+REVOKED.*"));
  }

  @Test
  void theSmokeCheckRunsOneOciPunchoutAndFailsLoudly() {
    CliRun givenHook = cliWithInput("demo-oci3-pass\n", "smoke", "--connection", "demo-oci3", "--username", "demo-oci3",
        "--password-stdin", "--hook-url", runner.baseUrl() + "/buyer/hook");
    assertEquals(0, givenHook.exit(), givenHook.toString());

    CliRun smoke = cliWithInput("demo-oci4-pass\n", "smoke", "--connection", "demo-oci4", "--username", "demo-oci4",
        "--password-stdin");
    assertEquals(0, smoke.exit(), smoke.toString());
    for (String step : List.of("OCI login", "shop start page", "session info", "cart transfer", "OCI form fields",
        "session closed")) {
      assertTrue(smoke.out().matches("(?s).*  ok    " + step + " +\\d+ ms .*"), step + ":\n" + smoke);
    }
    assertTrue(smoke.out().contains("smoke check passed in "), smoke.toString());


    CliRun refused = cliWithInput("wrong\n", "smoke", "--connection", "demo-oci4", "--username", "demo-oci4",
        "--password-stdin", "--hook-url", "http://localhost/hook");
    assertEquals(1, refused.exit(), refused.toString());
    assertTrue(refused.out().contains("  FAIL  OCI login") && refused.out().contains("HTTP 401"), refused.toString());
    assertTrue(refused.out().contains("The user name or password is wrong."), "the page's text: " + refused);
    assertFalse(refused.out().contains("<p>"), "not its markup: " + refused);
  }

  @Test
  void theAdminPageForwardsThroughTheCliWithItsKeyAndTheBrowserNeverSeesIt() throws Exception {
    var api = new AdminApi(runner.baseUrl(), new AdminAuth.AdminKey(runner.adminKey()));
    var ui = UiCommand.start(api, 0);
    try {
      var signIn = http.send(HttpRequest.newBuilder(ui.url()).GET().build(), HttpResponse.BodyHandlers.discarding());
      assertEquals(303, signIn.statusCode());
      String cookie = signIn.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
      var page = http.send(HttpRequest.newBuilder(ui.url().resolve("/")).header("Cookie", cookie).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertFalse(page.body().contains(runner.adminKey()), "the page never holds the key");
      var links = http.send(HttpRequest.newBuilder(ui.url().resolve("/api/admin/connections/demo-peppol/links"))
          .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, links.statusCode(), links.body());
      assertTrue(links.body().contains("\"links\""), links.body());
      var list = http.send(HttpRequest.newBuilder(ui.url().resolve("/api/admin/connections"))
          .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, list.statusCode(), list.body());
      assertTrue(list.body().contains("demo-oci4"), list.body());
    } finally {
      ui.stop();
    }
  }

  @Test
  void withoutTheAdminKeyTheRunnerRefusesAndTheKeyMayComeFromTheEnvironment() {
    CliRun wrong = CliRun.of("list-connections", "--api-url", runner.baseUrl().toString(), "--admin-key", "wrong");
    assertEquals(1, wrong.exit());
    assertTrue(wrong.err().contains("401"), wrong.toString());
    CliRun fromEnv = CliRun.of("", Map.of("PUNCHGATE_ADMIN_KEY", runner.adminKey()),
        List.of("list-connections", "--api-url", runner.baseUrl().toString()));
    assertEquals(0, fromEnv.exit(), fromEnv.toString());
  }
}
