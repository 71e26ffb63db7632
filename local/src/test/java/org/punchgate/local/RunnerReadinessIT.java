package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.punchgate.aws.TableKeys;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The runner as a user starts it ({@code java -jar local/target/punchgate-local.jar}), in a JVM of its own:
 * it opens its port only when everything is ready, so the instant the port accepts a connection the tables
 * and demo data are in the DynamoDB engine and a login succeeds; and its engine process does not outlive it,
 * even when the JVM is killed.
 */
class RunnerReadinessIT {

  private static final Path JAR = Path.of("target", "punchgate-local.jar");
  private static final Duration START_LIMIT = Duration.ofSeconds(120);

  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void answersALoginTheInstantItsPortOpensAndTakesItsEngineDownWhenKilled() throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "the runner jar is built in the package phase, before this test");
    int port = LocalEngines.freePort();
    int dynamoDbPort = LocalEngines.freePort();
    while (dynamoDbPort == port) {
      dynamoDbPort = LocalEngines.freePort();
    }
    String javaCommand = ProcessHandle.current().info().command().orElse("java");
    Process runner = new ProcessBuilder(javaCommand, "-jar", JAR.toString(), "--port", Integer.toString(port),
        "--dynamodb-port", Integer.toString(dynamoDbPort), "--sqs-port", "0",
        "--template", LocalEnginesExtension.TEMPLATE.toString())
        .redirectErrorStream(true).start();
    StringBuffer output = new StringBuffer();
    Thread reader = Thread.ofVirtual().start(() -> copy(runner.getInputStream(), output));
    List<ProcessHandle> engines = List.of();
    try {
      long deadline = System.nanoTime() + START_LIMIT.toNanos();
      while (!accepts(port)) {
        if (!runner.isAlive() || System.nanoTime() > deadline) {
          fail("the runner did not open port " + port + ":\n" + output);
        }
        Thread.sleep(5);
      }

      // what a script waiting for the port would do next: look at the tables, then log in
      try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
          .endpointOverride(URI.create("http://127.0.0.1:" + dynamoDbPort)).region(Region.of(LocalEngines.REGION))
          .credentialsProvider(StaticCredentialsProvider.create(
              AwsBasicCredentials.create(LocalEngines.ACCESS_KEY_ID, LocalEngines.SECRET_ACCESS_KEY)))
          .httpClient(UrlConnectionHttpClient.create()).build()) {
        assertEquals(List.of("SessionsTable", "MappingsTable"), dynamoDb.listTables().tableNames().stream()
            .sorted(java.util.Comparator.reverseOrder()).toList());
        assertTrue(dynamoDb.getItem(b -> b.tableName("MappingsTable").consistentRead(true)
            .key(TableKeys.key("CONNECTION#demo-oci4", "CONNECTION"))).hasItem(), "the demo data is there");
      }
      String hook = "http://localhost:" + port + "/buyer/return";
      var login = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/punchout/oci/demo-oci4"
          + "?USERNAME=demo-oci4&PASSWORD=demo-oci4-pass&HOOK_URL=" + URLEncoder.encode(hook, StandardCharsets.UTF_8)))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(302, login.statusCode(), "the first request after the port opened: " + login.body() + output);
      assertTrue(login.headers().firstValue("Location").orElseThrow().contains("punchout_token="));

      var health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + LocalRunner.HEALTH)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      Matcher dynamoDb = Pattern.compile("\"dynamoDb\":\\{\"engine\":\"moto\",\"port\":(\\d+)").matcher(health.body());
      assertTrue(dynamoDb.find(), health.body());
      assertTrue(health.body().contains("\"SessionsTable\"") && health.body().contains("OrdersQueue.fifo"), health.body());
      assertTrue(accepts(Integer.parseInt(dynamoDb.group(1))), "moto answers on the port /health names");
      waitFor(() -> output.toString().contains(LocalRunner.READY_LINE), "the banner");

      engines = runner.descendants().toList();
      assertFalse(engines.isEmpty(), "moto runs as a child process of the runner");
    } finally {
      runner.destroyForcibly(); // SIGKILL: no shutdown hook runs, the child must notice on its own
      runner.waitFor(30, TimeUnit.SECONDS);
      reader.join(Duration.ofSeconds(5));
    }
    for (ProcessHandle engine : engines) {
      engine.onExit().get(30, TimeUnit.SECONDS);
      assertFalse(engine.isAlive(), "an engine process outlived the runner: " + engine.info());
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("no " + what + " within 10 s");
      }
      Thread.sleep(20);
    }
  }

  private static void copy(InputStream in, StringBuffer into) {
    try (in) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) != -1; ) {
        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
