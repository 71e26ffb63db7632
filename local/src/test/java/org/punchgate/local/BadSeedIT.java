package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner jar started as a user starts it, with a broken seed file: it says where each problem is, exits 1,
 * and leaves no port open and no engine running.
 */
class BadSeedIT {

  private static final Path JAR = Path.of("target", "punchgate-local.jar");

  private static Result run(Path seed, int port) throws Exception {
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    Process runner = new ProcessBuilder(javaCommand, "-jar", JAR.toString(), "--port", Integer.toString(port),
        "--dynamodb-port", "0", "--sqs-port", "0", "--seed", seed.toString(),
        "--template", LocalEnginesExtension.TEMPLATE.toString()).redirectErrorStream(true).start();
    assertTrue(runner.waitFor(60, TimeUnit.SECONDS), "the runner stops by itself");
    String output = new String(runner.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, runner.descendants().count(), "no engine outlives the runner");
    return new Result(runner.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void aSyntaxErrorNamesLineAndColumnAndExits1WithNoPortOpen(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "the runner jar is built in the package phase, before this test");
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, "{\"connections\": [\n  {\"id\": \"a\",\n   \"format\" \"OCI_4_0\"}\n]}\n");
    int port = LocalEngines.freePort();
    Result result = run(seed, port);
    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains(seed + ":3:"), result.output());
    assertTrue(result.output().contains("not valid JSON"), result.output());
    assertFalse(result.output().contains("\tat "), "no stack trace: " + result.output());
    assertFalse(accepts(port), "no port was left open");
  }

  @Test
  void everyProblemOfEveryConnectionIsNamedWithItsPlace(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "the runner jar is built in the package phase, before this test");
    Path seed = dir.resolve("seed.json");
    Files.writeString(seed, """
        {"connections": [
          {"id": "acme", "format": "OCI_4_0", "userGroup": "g", "username": "acme",
           "allowedReturnOrigin": ["https://srm.acme.example"], "shopStartUrl": "https://shop.example/"},
          {"id": "coupa", "format": "CXML_1_2", "userGroup": "g", "shopStartUrl": "https://shop.example/"}
        ]}
        """);
    int port = LocalEngines.freePort();
    Result result = run(seed, port);
    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains(seed + ":2:3: connections[0].password: password is required"), result.output());
    assertTrue(result.output().contains(seed + ":3:4: connections[0].allowedReturnOrigin: unknown field"), result.output());
    assertTrue(result.output().contains(seed + ":4:19: connections[1].format: format must be one of OCI_3_0, OCI_4_0, "),
        result.output());
    assertFalse(accepts(port), "no port was left open");
  }
}
