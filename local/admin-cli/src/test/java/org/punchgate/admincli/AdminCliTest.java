package org.punchgate.admincli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without an API: help, usage errors (exit 2) and the local seed check (exit 1, nothing sent). */
class AdminCliTest {

  /** Nothing listens here: a command that tried to reach the API would fail with another message. */
  private static final String NOWHERE = "http://127.0.0.1:9";

  @Test
  void helpListsEveryCommandAndEachCommandHasItsOwn() {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.exit());
    for (var command : AdminCli.COMMANDS) {
      assertTrue(help.out().contains("  " + command.name()), command.name());
      CliRun own = CliRun.of(command.name(), "--help");
      assertEquals(0, own.exit(), own.toString());
      assertTrue(own.out().startsWith("usage: punchgate-admin " + command.name()), own.toString());
    }
    assertEquals(2, CliRun.of().exit(), "no command is a usage error");
  }

  @Test
  void usageErrorsExit2AndNameTheMistake() {
    CliRun unknown = CliRun.of("delete-everything");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("unknown command delete-everything"), unknown.toString());

    CliRun noUrl = CliRun.of("list-connections", "--admin-key", "k");
    assertEquals(2, noUrl.exit());
    assertTrue(noUrl.err().contains("list-connections needs --api-url"), noUrl.toString());

    CliRun badOption = CliRun.of("get-connection", "x", "--api-url", NOWHERE, "--colour");
    assertEquals(2, badOption.exit());
    assertTrue(badOption.err().contains("unknown option --colour for get-connection"), badOption.toString());

    CliRun noId = CliRun.of("get-connection", "--api-url", NOWHERE);
    assertEquals(2, noId.exit());
    assertTrue(noId.err().contains("get-connection needs a connection id"), noId.toString());

    CliRun overlap = CliRun.of("rotate-secret", "x", "--api-url", NOWHERE, "--admin-key", "k", "--overlap-minutes", "99999");
    assertEquals(2, overlap.exit());
    assertTrue(overlap.err().contains("--overlap-minutes must be a whole number from 0 to 10080"), overlap.toString());

    CliRun badUrl = CliRun.of("list-connections", "--api-url", "ftp://example.com");
    assertEquals(2, badUrl.exit());
    assertTrue(badUrl.err().contains("--api-url must be an http(s) URL"), badUrl.toString());

    CliRun noPassword = CliRun.of("smoke", "--api-url", NOWHERE, "--connection", "c", "--username", "u", "--hook-url", "http://localhost/h");
    assertEquals(2, noPassword.exit());
    assertTrue(noPassword.err().contains("--password-stdin"), noPassword.toString());
  }

  @Test
  void aBadSeedIsReportedLikeTheRunnerDoesAndNothingIsSent(@TempDir Path dir) throws Exception {
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, """
        {"connections": [
          {"id": "a", "name": "A", "active": true, "format": "OCI_4_0", "userGroup": "g", "username": "a",
           "allowedReturnOrigin": ["https://srm.example"], "shopStartUrl": "https://shop.example/start"},
          {"id": "b", "name": "B", "active": true, "format": "CXML_1_2", "userGroup": "g"}
        ]}
        """);
    CliRun run = CliRun.of("", Map.of(), List.of("import", "--seed", seed.toString(), "--api-url", NOWHERE, "--admin-key", "k"));
    assertEquals(1, run.exit(), run.toString());
    assertTrue(run.err().contains(seed + ":3:"), "file:line:column: " + run);
    assertTrue(run.err().contains("connections[0].allowedReturnOrigin: unknown field allowedReturnOrigin"), run.toString());
    assertTrue(run.err().contains("connections[1].format: format must be one of OCI_3_0, OCI_4_0"), run.toString());
    assertTrue(run.err().contains("nothing imported"), run.toString());
    assertTrue(run.out().isEmpty(), "no connection was sent: " + run);

    Files.writeString(seed, "{\"connections\": [\n  {\"id\" \"a\"}]}");
    CliRun syntax = CliRun.of("import", "--seed", seed.toString(), "--api-url", NOWHERE, "--admin-key", "k");
    assertEquals(1, syntax.exit());
    assertTrue(syntax.err().contains(seed + ":2:") && syntax.err().contains("not valid JSON"), syntax.toString());
  }

  @Test
  void aSecretOnStandardInputIsItsFirstLineInUtf8() throws Exception {
    var console = new Console(new java.io.ByteArrayInputStream("Grüße-€-secret\r\nsecond line\n".getBytes(
        java.nio.charset.StandardCharsets.UTF_8)), System.out, System.err, Map.of());
    assertEquals("Grüße-€-secret", console.readSecretLine());
    assertEquals("second line", console.readSecretLine());
    assertEquals("", console.readSecretLine(), "nothing left");
  }

  @Test
  void theSmokeChecksHookIsTheConnectionsFirstReturnOriginAnyLocalPortMadeConcrete() {
    assertEquals("https://srm.acme.example/punchgate-smoke-hook", SmokeCheck.defaultHook(org.punchgate.json.Json.parse(
        "{\"allowedReturnOrigins\": [\"https://srm.acme.example\", \"https://srm-test.acme.example:8443\"]}")));
    assertEquals("http://localhost/punchgate-smoke-hook", SmokeCheck.defaultHook(org.punchgate.json.Json.parse(
        "{\"allowedReturnOrigins\": [\"http://localhost:*\"]}")));
    assertEquals(null, SmokeCheck.defaultHook(org.punchgate.json.Json.parse("{\"allowedReturnOrigins\": []}")));
  }

  @Test
  void aMissingOrBrokenConnectionFileIsNamedAndNothingIsSent(@TempDir Path dir) throws Exception {
    CliRun missing = CliRun.of("put-connection", "--file", dir.resolve("none.json").toString(), "--api-url", NOWHERE,
        "--admin-key", "k");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no such file: " + dir.resolve("none.json")), missing.toString());
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"id\": ");
    CliRun syntax = CliRun.of("put-connection", "--file", broken.toString(), "--api-url", NOWHERE, "--admin-key", "k");
    assertEquals(1, syntax.exit());
    assertTrue(syntax.err().startsWith(broken + ": not valid JSON"), syntax.toString());
  }

  @Test
  void anUnreachableApiFailsWithExit1() {
    CliRun run = CliRun.of("list-connections", "--api-url", NOWHERE, "--admin-key", "k");
    assertEquals(1, run.exit(), run.toString());
    assertTrue(run.err().contains("the API did not answer"), run.toString());
  }
}
