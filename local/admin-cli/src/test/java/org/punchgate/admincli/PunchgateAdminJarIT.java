package org.punchgate.admincli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.local.LocalRunner;
import org.punchgate.local.LocalRunnerExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * The shaded jar as a user runs it: {@code java -jar punchgate-admin.jar}. It runs on Java 25 with what it bundles
 * (the connection check, Jackson, the SDK's signer and credentials chain), refuses an older Java with one line, and
 * signs with SigV4 from credentials in the environment.
 */
@ExtendWith(LocalRunnerExtension.class)
class PunchgateAdminJarIT {

  private static final Path JAR = Path.of(System.getProperty("punchgate.admin-cli.dir", "."), "target", "punchgate-admin.jar");

  private record Result(int exit, String output) {}

  private static Result run(String java, Map<String, String> env, String... args) throws Exception {
    List<String> command = Stream.concat(Stream.of(java, "-jar", JAR.toString()), Stream.of(args)).toList();
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_") || name.equals(AdminAuth.ADMIN_KEY_VARIABLE));
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the CLI ends by itself");
    return new Result(process.exitValue(), output);
  }

  private static String thisJava() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  @Test
  void theJarRunsTheCommandsAgainstTheRunner(LocalRunner runner) throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "the jar is built in the package phase, before this test");
    Result help = run(thisJava(), Map.of(), "--help");
    assertEquals(0, help.exit(), help.output());
    assertTrue(help.output().contains("put-connection"), help.output());

    Result links = run(thisJava(), Map.of(AdminAuth.ADMIN_KEY_VARIABLE, runner.adminKey()),
        "links", "demo-peppol", "--api-url", runner.baseUrl().toString());
    assertEquals(0, links.exit(), links.output());
    assertTrue(links.output().startsWith("LINK "), links.output());

    Result list = run(thisJava(), Map.of(AdminAuth.ADMIN_KEY_VARIABLE, runner.adminKey()),
        "list-connections", "--api-url", runner.baseUrl().toString());
    assertEquals(0, list.exit(), list.output());
    assertTrue(list.output().contains("demo-oci4"), list.output());
  }

  @Test
  void anOlderJavaIsToldWhichJavaToUse() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "the jar is built in the package phase, before this test");
    Optional<Path> java17 = Stream.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java", "/usr/lib/jvm/java-21-openjdk-amd64/bin/java")
        .map(Path::of).filter(Files::isExecutable).findFirst();
    assumeTrue(java17.isPresent(), "no Java older than 25 on this machine");
    Result old = run(java17.get().toString(), Map.of(), "--help");
    assertEquals(1, old.exit(), old.output());
    assertEquals(1, old.output().strip().lines().count(), "one line: " + old.output());
    assertTrue(old.output().contains("needs Java 25") && old.output().contains("local/with-jdk25 (e.g. local/punchgate-admin)"),
        old.output());
  }

  @Test
  void withoutCredentialsItSaysWhatToConfigureInTwoLines() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "the jar is built in the package phase, before this test");
    Result none = run(thisJava(), Map.of("AWS_CONFIG_FILE", "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent",
        "AWS_EC2_METADATA_DISABLED", "true"), "list-connections", "--api-url", "https://abc123.execute-api.eu-west-1.amazonaws.com/dev");
    assertEquals(1, none.exit(), none.output());
    assertEquals("punchgate-admin list-connections: cannot sign the request: no AWS credentials found (environment, "
        + "profile, SSO, container or instance)", none.output().lines().findFirst().orElseThrow(), none.output());
    assertEquals(2, none.output().strip().lines().count(), "no logging noise, no stack trace: " + none.output());
  }

  @Test
  void withoutAnAdminKeyRequestsAreSignedWithSigV4FromTheEnvironmentsCredentials() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "the jar is built in the package phase, before this test");
    AtomicReference<String> authorization = new AtomicReference<>();
    AtomicReference<String> date = new AtomicReference<>();
    AtomicReference<URI> received = new AtomicReference<>();
    HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    api.createContext("/", exchange -> {
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      date.set(exchange.getRequestHeaders().getFirst("X-Amz-Date"));
      received.set(URI.create("http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI()));
      byte[] body = "{\"connections\":[]}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    api.start();
    try {
      Result list = run(thisJava(), Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY", "secret-example",
              "AWS_CONFIG_FILE", "/nonexistent", "AWS_SHARED_CREDENTIALS_FILE", "/nonexistent"),
          "list-connections", "--region", "eu-central-1", "--api-url", "http://127.0.0.1:" + api.getAddress().getPort() + "/dev");
      assertEquals(0, list.exit(), list.output());
      assertTrue(authorization.get().startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + date.get().substring(0, 8)
          + "/eu-central-1/execute-api/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature="),
          authorization.get());
      // the request as it arrived (Host with its port, path with the stage) carries the signature computed for it
      Instant signedAt = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
          .parse(date.get(), Instant::from);
      var expected = new SigV4Auth(() -> AwsBasicCredentials.create("AKIDEXAMPLE", "secret-example"), () -> "eu-central-1",
          Clock.fixed(signedAt, ZoneOffset.UTC)).headers("GET", received.get(), null, new byte[0]);
      assertEquals(expected.get("Authorization"), authorization.get());
      assertEquals("/dev/admin/connections", received.get().getPath());
    } catch (IOException e) {
      throw new AssertionError(e);
    } finally {
      api.stop(0);
    }
  }
}
