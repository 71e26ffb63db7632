package org.punchgate.admincli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.punchgate.json.Json;

/**
 * {@code smoke}: one OCI punchout against a deployed stack or the local runner, the way SAP and a shop do it. The OCI
 * login, the shop's start page (the shop must accept the token), the shop API's session info, one cart line
 * transferred through the shop API, the OCI form fields the buyer's system would receive, and the session closed.
 * Each step is printed with its time; the first failure ends the check.
 */
final class SmokeCheck {

  /** The smoke check's one cart line: nothing the supplier's shop needs to know. */
  static final String SKU = "PUNCHGATE-SMOKE";
  static final String DESCRIPTION = "Punchgate smoke check";
  static final BigDecimal PRICE = new BigDecimal("1.00");
  static final String CURRENCY = "EUR";
  private static final Pattern TOKEN = Pattern.compile("[?&#]punchout_token=([^&#]+)");

  /** What the check needs to know about the connection; from the admin API or the command line. */
  record Target(String connectionId, String username, String password, String hookUrl, Map<String, String> loginNames) {}

  /** A step failed: its reason is printed and the check ends. */
  private static final class Failed extends Exception {
    Failed(String message) {
      super(message);
    }
  }

  private final URI apiUrl;
  private final Console console;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final long started = System.nanoTime();

  SmokeCheck(URI apiUrl, Console console) {
    this.apiUrl = apiUrl;
    this.console = console;
  }

  /** The hook URL to use when none is given: the connection's first allowed return origin. */
  static String defaultHook(JsonNode connection) {
    String origin = connection.path("allowedReturnOrigins").path(0).asText("");
    // "http://localhost:*" (a local demo origin) allows that host at any port: the default port is one of them
    return origin.isEmpty() ? null : origin.replaceFirst(":\\*$", "") + "/punchgate-smoke-hook";
  }

  int run(Target target) throws IOException {
    console.out().println("smoke check: OCI punchout of connection " + target.connectionId() + " at " + apiUrl);
    try {
      Login login = step("OCI login", () -> login(target));
      String token = login.token();
      String sessionId = login.sessionId();
      step("shop start page", () -> startPage(login.location()));
      step("session info", () -> sessionInfo(sessionId, token, "OPEN", target.connectionId()));
      JsonNode form = step("cart transfer", () -> transfer(sessionId, token));
      step("OCI form fields", () -> checkForm(form, target.hookUrl()));
      step("session closed", () -> sessionInfo(sessionId, token, "TRANSFERRED", target.connectionId()));
    } catch (Failed e) {
      console.out().println("smoke check FAILED after " + millis(started) + " ms");
      return AdminCli.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    console.out().println("smoke check passed in " + millis(started) + " ms");
    return AdminCli.OK;
  }

  private interface Action<T> {
    /** The step's result; its detail line is {@link Result#detail}. */
    Result<T> call() throws IOException, InterruptedException, Failed;
  }

  private record Result<T>(T value, String detail) {}

  /** Where the login sent the browser, and the punchout token and session it carries. */
  private record Login(String location, String token, String sessionId) {}

  private <T> T step(String name, Action<T> action) throws IOException, InterruptedException, Failed {
    long start = System.nanoTime();
    try {
      Result<T> result = action.call();
      console.out().printf("  ok    %-17s %6d ms  %s%n", name, millis(start), result.detail());
      return result.value();
    } catch (Failed e) {
      console.out().printf("  FAIL  %-17s %6d ms  %s%n", name, millis(start), e.getMessage());
      throw e;
    } catch (IOException e) {
      console.out().printf("  FAIL  %-17s %6d ms  %s%n", name, millis(start), "no answer: " + e);
      throw new Failed(e.toString());
    }
  }

  private Result<Login> login(Target target) throws IOException, InterruptedException, Failed {
    var form = new StringBuilder();
    Map<String, String> pairs = new LinkedHashMap<>();
    pairs.put(target.loginNames().getOrDefault("username", "USERNAME"), target.username());
    pairs.put(target.loginNames().getOrDefault("password", "PASSWORD"), target.password());
    pairs.put(target.loginNames().getOrDefault("hookUrl", "HOOK_URL"), target.hookUrl());
    pairs.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value)));
    var answer = http.send(HttpRequest.newBuilder(gateway("/punchout/oci/" + AdminApi.segment(target.connectionId())))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString(), StandardCharsets.US_ASCII)).build(),
        HttpResponse.BodyHandlers.ofString());
    String location = answer.headers().firstValue("location").orElse(null);
    if (answer.statusCode() / 100 != 3 || location == null || !TOKEN.matcher(location).find()) {
      throw new Failed("HTTP " + answer.statusCode() + " instead of a redirect into the shop with a punchout_token: "
          + shorten(answer.body()));
    }
    String token = token(location);
    return new Result<>(new Login(location, token, sessionId(token)),
        "HTTP " + answer.statusCode() + " to " + withoutQuery(location));
  }

  private Result<Void> startPage(String location) throws IOException, InterruptedException, Failed {
    var answer = http.send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    if (answer.statusCode() >= 400) {
      throw new Failed("the shop answered HTTP " + answer.statusCode() + " at " + withoutQuery(location));
    }
    return new Result<>(null, "HTTP " + answer.statusCode() + answer.headers().firstValue("location")
        .map(next -> " to " + withoutQuery(next)).orElse(""));
  }

  private Result<Void> sessionInfo(String sessionId, String token, String expected, String connectionId)
      throws IOException, InterruptedException, Failed {
    var answer = http.send(HttpRequest.newBuilder(gateway("/punchout/sessions/" + AdminApi.segment(sessionId)))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).header("Accept", AdminApi.JSON)
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new Failed("HTTP " + answer.statusCode() + ": " + shorten(answer.body()));
    }
    JsonNode info = Json.parse(answer.body());
    if (!expected.equals(Json.text(info, "status")) || !connectionId.equals(Json.text(info, "connectionId"))) {
      throw new Failed("expected status " + expected + " of connection " + connectionId + ", got " + shorten(answer.body()));
    }
    return new Result<>(null, "status " + expected + ", user group " + Json.text(info, "userGroup"));
  }

  private Result<JsonNode> transfer(String sessionId, String token) throws IOException, InterruptedException, Failed {
    ObjectNode cart = Json.object();
    cart.put("currency", CURRENCY);
    ObjectNode line = cart.putArray("lines").addObject();
    line.put("lineId", "smoke").put("sku", SKU).put("description", DESCRIPTION).put("quantity", 1).put("unit", "EA")
        .put("unitPrice", PRICE.toPlainString());
    var answer = http.send(HttpRequest.newBuilder(gateway("/punchout/sessions/" + AdminApi.segment(sessionId) + "/cart"))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).header("Accept", AdminApi.JSON)
        .header("Content-Type", AdminApi.JSON).POST(HttpRequest.BodyPublishers.ofString(Json.write(cart))).build(),
        HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new Failed("HTTP " + answer.statusCode() + ": " + shorten(answer.body()));
    }
    return new Result<>(Json.parse(answer.body()), "HTTP 200, 1 line (" + SKU + ")");
  }

  /** The form the buyer's browser would post to the hook: to the hook, by POST, with the line's OCI fields. */
  private static Result<Void> checkForm(JsonNode form, String hookUrl) throws Failed {
    Map<String, String> fields = new LinkedHashMap<>();
    form.path("fields").forEach(f -> fields.putIfAbsent(f.path("name").asText(), f.path("value").asText()));
    String expectedAction = withoutQuery(hookUrl);
    if (!expectedAction.equals(Json.text(form, "action")) || !"POST".equalsIgnoreCase(Json.text(form, "method"))) {
      throw new Failed("the form goes " + Json.text(form, "method") + " to " + Json.text(form, "action")
          + ", expected POST to " + expectedAction);
    }
    expect(fields, "NEW_ITEM-DESCRIPTION[1]", DESCRIPTION);
    expect(fields, "NEW_ITEM-CURRENCY[1]", CURRENCY);
    expectNumber(fields, "NEW_ITEM-QUANTITY[1]", BigDecimal.ONE);
    expectNumber(fields, "NEW_ITEM-PRICE[1]", PRICE);
    long items = fields.keySet().stream().filter(name -> name.startsWith("NEW_ITEM-")).count();
    return new Result<>(null, items + " NEW_ITEM fields; description, quantity, price and currency as sent");
  }

  private static void expect(Map<String, String> fields, String name, String expected) throws Failed {
    if (!expected.equals(fields.get(name))) {
      throw new Failed(name + " is " + fields.get(name) + ", expected " + expected);
    }
  }

  private static void expectNumber(Map<String, String> fields, String name, BigDecimal expected) throws Failed {
    try {
      if (new BigDecimal(fields.getOrDefault(name, "").strip()).compareTo(expected) == 0) {
        return;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new Failed(name + " is " + fields.get(name) + ", expected " + expected.toPlainString());
  }

  private URI gateway(String path) {
    return URI.create(apiUrl + path);
  }

  private static String token(String location) {
    Matcher m = TOKEN.matcher(location);
    m.find(); // the login step checked that it is there
    return URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
  }

  /** The session id is the token's {@code sid} claim; the token's signature is the shop API's to check. */
  private static String sessionId(String token) throws Failed {
    String[] parts = token.split("\\.");
    try {
      return Json.parse(Base64.getUrlDecoder().decode(parts[1])).path("sid").asText();
    } catch (RuntimeException e) {
      throw new Failed("the punchout_token is not a JWT with a session id");
    }
  }

  private static String withoutQuery(String url) {
    int cut = url.indexOf('?');
    return cut < 0 ? url : url.substring(0, cut);
  }

  /** An answer's body in one short line; an HTML page (the OCI login's refusal) as its text. */
  private static String shorten(String body) {
    String text = body == null ? "" : body.contains("<html") || body.contains("<!DOCTYPE")
        ? body.replaceAll("(?s)<title>.*?</title>", "").replaceAll("<[^>]*>", " ") : body;
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }
}
