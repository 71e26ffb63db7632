package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.connection.Connection;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.json.Json;
import org.punchgate.security.SecretHash;
import org.punchgate.session.SessionStatus;

/**
 * Many buyers at once, through the runner on the local engines (moto): complete OCI flows in parallel lose no cart
 * and never answer 5xx; identical retries of one transfer all get the same page; of different carts for one
 * session exactly one is taken; a StartPage ticket opened by many browsers at once redirects exactly once.
 * Each case prints its counts.
 */
@ExtendWith(LocalRunnerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyIT {

  private static final int THREADS = 32;
  /** A connection of its own with a cheap password hash: the suite measures races, not PBKDF2. */
  private static final String CONNECTION = "concurrency-oci4";
  private static final String PASSWORD = "concurrency-pass";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);
  private LocalRunner runner;
  private DynamoDbSessionStore sessions;

  private record Opened(String sessionId, String token) {}

  @BeforeAll
  void connection(LocalRunner runner, LocalEngines engines) {
    this.runner = runner;
    var connections = new DynamoDbConnectionStore(engines.dynamoDb(), engines.tableName("MappingsTable"));
    Connection demo = connections.find("demo-oci4").orElseThrow();
    connections.put(new Connection(
        CONNECTION, "Concurrency test", true, demo.format(), demo.userGroup(), demo.loginParameters(), CONNECTION,
        SecretHash.hash(PASSWORD, new SecureRandom(), 1_000), demo.allowedReturnOrigins(), demo.shopStartUrl(),
        demo.sessionLifetime(), demo.fieldMapping(), demo.unitMap(), demo.defaultClassification(), null));
    sessions = new DynamoDbSessionStore(engines.dynamoDb(), engines.tableName("SessionsTable"), Duration.ofDays(1));
  }

  @AfterAll
  void stop() {
    pool.shutdownNow();
  }

  private static String cart(String sku, int quantity) {
    return "{\"currency\":\"EUR\",\"lines\":[{\"sku\":\"" + sku + "\",\"description\":\"Item " + sku
        + "\",\"quantity\":" + quantity + ",\"unit\":\"PCE\",\"unitPrice\":\"12.50\"}]}";
  }

  private Opened login() throws Exception {
    String form = "USERNAME=" + CONNECTION + "&PASSWORD=" + PASSWORD + "&HOOK_URL="
        + URLEncoder.encode(runner.baseUrl() + "/buyer/hook?sim=concurrency", StandardCharsets.UTF_8);
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/oci/" + CONNECTION))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 302) {
      throw new IllegalStateException("login answered " + answer.statusCode());
    }
    String location = answer.headers().firstValue("location").orElseThrow();
    String token = URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + 15), StandardCharsets.US_ASCII);
    JsonNode claims = Json.parse(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    return new Opened(claims.get("sid").asText(), token);
  }

  private HttpResponse<String> transfer(Opened session, String cart) throws Exception {
    return http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/sessions/" + session.sessionId() + "/cart"))
        .header("Authorization", "Bearer " + session.token()).header("Content-Type", "application/json")
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(cart)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Runs {@code count} calls on the pool, all released at once; the status codes by how often they came. */
  private Map<Integer, Integer> atOnce(int count, IntFunction<HttpResponse<String>> call, Set<String> bodiesOf200)
      throws Exception {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int n = i;
      calls.add(pool.submit(() -> {
        start.await();
        HttpResponse<String> answer = call.apply(n);
        statuses.merge(answer.statusCode(), 1, Integer::sum);
        if (answer.statusCode() == 200 && bodiesOf200 != null) {
          bodiesOf200.add(answer.body());
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : calls) {
      f.get();
    }
    return new java.util.TreeMap<>(statuses);
  }

  private IntFunction<HttpResponse<String>> unchecked(Call call) {
    return n -> {
      try {
        return call.apply(n);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  private interface Call {
    HttpResponse<String> apply(int n) throws Exception;
  }

  @Test
  void twoHundredCompleteOciFlowsOnThirtyTwoThreadsLoseNoCart() throws Exception {
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    Map<String, String> skuBySession = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    atOnce(200, unchecked(n -> {
      Opened session = login();
      String sku = "SKU-" + n;
      HttpResponse<String> answer = transfer(session, cart(sku, n + 1));
      statuses.merge(answer.statusCode(), 1, Integer::sum);
      if (answer.statusCode() == 200) {
        skuBySession.put(session.sessionId(), sku);
      }
      return answer;
    }), null);
    int lost = 0;
    for (var entry : skuBySession.entrySet()) {
      var stored = sessions.find(entry.getKey()).orElseThrow();
      if (stored.status() != SessionStatus.TRANSFERRED || stored.transferredCart() == null
          || !entry.getValue().equals(stored.transferredCart().lines().getFirst().sku())) {
        lost++;
      }
    }
    long fiveXx = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
    System.out.printf("concurrency: 200 OCI flows on %d threads in %d ms: transfers %s, carts stored %d, lost %d, 5xx %d%n",
        THREADS, (System.nanoTime() - start) / 1_000_000, new java.util.TreeMap<>(statuses), skuBySession.size() - lost,
        lost, fiveXx);
    assertEquals(Map.of(200, 200), statuses);
    assertEquals(0, lost);
  }

  @Test
  void fiveHundredIdenticalRetriesAllGetTheSamePage() throws Exception {
    Opened session = login();
    String cart = cart("RETRY-1", 3);
    Set<String> bodies = ConcurrentHashMap.newKeySet();
    var statuses = atOnce(500, unchecked(n -> transfer(session, cart)), bodies);
    System.out.printf("concurrency: 500 identical retries: %s, distinct bodies %d%n", statuses, bodies.size());
    assertEquals(Map.of(200, 500), statuses);
    assertEquals(1, bodies.size());
  }

  @Test
  void ofAHundredDifferentCartsExactlyOneIsTaken() throws Exception {
    Opened session = login();
    var statuses = atOnce(100, unchecked(n -> transfer(session, cart("DIFF-" + n, n + 1))), null);
    System.out.printf("concurrency: 100 different carts: %s%n", statuses);
    assertEquals(Map.of(200, 1, 409, 99), statuses);
  }

  @Test
  void aHundredBrowsersOpeningOneStartPageGetExactlyOneRedirect() throws Exception {
    String setup = Json.parse(Files.readAllBytes(Path.of("../events/cxml-setup-create.json"))).get("body").asText()
        .replace("http://localhost:3000/buyer/cxml/return", runner.baseUrl() + CxmlBuyer.RETURN_PATH);
    var answer = http.send(HttpRequest.newBuilder(runner.baseUrl().resolve("/punchout/cxml"))
        .header("Content-Type", "text/xml; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(setup)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(answer.body()));
    var response = assertInstanceOf(CxmlPayload.Response.class, read.document().payload());
    assertEquals(200, response.status().code(), response.status().toString());
    URI startPage = URI.create(response.startPageUrl());
    var statuses = atOnce(100, unchecked(n -> http.send(HttpRequest.newBuilder(startPage).build(),
        HttpResponse.BodyHandlers.ofString())), null);
    System.out.printf("concurrency: 100 concurrent StartPage openings: %s%n", statuses);
    assertEquals(Map.of(302, 1, 403, 99), statuses);
    assertTrue(startPage.getQuery().startsWith("ticket="));
  }
}
