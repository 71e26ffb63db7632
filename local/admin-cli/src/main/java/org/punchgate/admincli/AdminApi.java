package org.punchgate.admincli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.json.Json;

/**
 * The admin API of one stack ({@code <api-url>/admin/...}) over the JDK's HTTP client, every request authorized by
 * {@link AdminAuth}. Answers come back as they are; commands decide what a status means.
 */
final class AdminApi {

  static final String JSON = "application/json";

  /** One answer of the admin API. */
  record Reply(int status, String contentType, byte[] body) {

    boolean is(int expected) {
      return status == expected;
    }

    JsonNode json() {
      return Json.parse(body);
    }

    /**
     * The answer as a supplier reads it: status and title, the detail, and each validation problem on its own line
     * ({@code $.format: format must be one of ...}).
     */
    String describe() {
      JsonNode problem;
      try {
        problem = json();
      } catch (RuntimeException e) {
        return "HTTP " + status + (body.length == 0 ? "" : ": " + new String(body, StandardCharsets.UTF_8).strip());
      }
      List<String> lines = new ArrayList<>();
      String title = Json.text(problem, "title");
      String detail = Json.text(problem, "detail");
      lines.add("HTTP " + status + (title == null ? "" : " " + title) + (detail == null ? "" : ": " + detail));
      if (problem.has("currentVersion")) {
        lines.add("  the connection's current version is " + problem.get("currentVersion").asText());
      }
      for (JsonNode p : problem.path("problems")) {
        lines.add("  " + p.path("path").asText() + ": " + p.path("message").asText());
      }
      return String.join("\n", lines);
    }
  }

  private final URI base;
  private final AdminAuth auth;
  private final HttpClient http;

  AdminApi(URI base, AdminAuth auth) {
    this.base = base;
    this.auth = auth;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The API's base URL (with the stage path of a deployed stack, e.g. {@code .../dev}), without a trailing slash. */
  static URI baseUrl(String apiUrl) throws CommandLine.UsageException {
    String trimmed = apiUrl.endsWith("/") ? apiUrl.substring(0, apiUrl.length() - 1) : apiUrl;
    try {
      URI uri = new URI(trimmed);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new CommandLine.UsageException("--api-url must be an http(s) URL such as "
        + "https://abc123.execute-api.eu-central-1.amazonaws.com/dev or http://localhost:3000, not " + apiUrl);
  }

  URI base() {
    return base;
  }

  /** One path segment, percent-encoded (ids and user names come from the command line). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  Reply get(String pathAndQuery) throws IOException {
    return send("GET", pathAndQuery, null);
  }

  Reply post(String pathAndQuery, JsonNode body) throws IOException {
    return send("POST", pathAndQuery, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  Reply put(String pathAndQuery, JsonNode body) throws IOException {
    return send("PUT", pathAndQuery, Json.write(body).getBytes(StandardCharsets.UTF_8));
  }

  Reply delete(String pathAndQuery) throws IOException {
    return send("DELETE", pathAndQuery, null);
  }

  /** @param pathAndQuery starts with {@code /admin/} */
  Reply send(String method, String pathAndQuery, byte[] body) throws IOException {
    URI uri = URI.create(base + pathAndQuery);
    byte[] payload = body == null ? new byte[0] : body;
    String contentType = body == null ? null : JSON;
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", JSON)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(payload));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    auth.headers(method, uri, contentType, payload).forEach(request::header);
    try {
      HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Reply(answer.statusCode(), answer.headers().firstValue("content-type").orElse(""), answer.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
