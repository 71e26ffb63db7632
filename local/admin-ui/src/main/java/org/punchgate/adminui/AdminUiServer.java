package org.punchgate.adminui;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The admin page's own server for {@code punchgate-admin ui}: bound to 127.0.0.1, it serves the page and forwards
 * {@code /api/admin/...} to the admin API through an {@link AdminTransport}, which alone holds the credentials.
 *
 * <p>What keeps other local programs and web sites out:
 * <ul>
 *   <li>a one-time {@code ?session=} in the printed URL, swapped at first use for an HttpOnly SameSite=Strict
 *       cookie that every {@code /api/} call must carry (another browser tab of another site cannot send it);
 *   <li>the Host header must name this server (127.0.0.1 or localhost with its port), so a DNS-rebound name that
 *       resolves to 127.0.0.1 gets nothing;
 *   <li>writes carry JSON only and an Origin, when present, must be this server's: a cross-site form cannot post
 *       here, and there are no CORS headers;
 *   <li>bodies are limited to {@link #MAX_BODY_BYTES}; nothing is logged, so no secret reaches a log.
 * </ul>
 */
public final class AdminUiServer {

  /** Larger than any connection document; the admin API has its own, smaller limit. */
  static final int MAX_BODY_BYTES = 256 * 1024;
  static final String COOKIE = "punchgate_admin";
  private static final String API_PREFIX = "/api";
  private static final String ADMIN_PREFIX = "/admin/";
  private static final Set<String> API_METHODS = Set.of("GET", "POST", "PUT", "DELETE");
  private static final String PAGE_DIR = "/org/punchgate/adminui/page/";
  private static final Map<String, Asset> ASSETS = Map.of(
      "/", new Asset("index.html", "text/html; charset=utf-8"),
      "/admin.css", new Asset("admin.css", "text/css; charset=utf-8"),
      "/admin.js", new Asset("admin.js", "text/javascript; charset=utf-8"),
      // served, so that the browser's own request for an icon is no 404 in the page's console
      "/favicon.svg", new Asset("favicon.svg", "image/svg+xml"));
  /** The page loads only its own script and style; no inline code, no frames around it. */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

  private record Asset(String file, String contentType) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final AdminTransport api;
  private final Set<String> hosts;
  private final String origin;
  private final URI url;
  /** The one-time session parameter; null once it has been swapped for the cookie. */
  private final AtomicReference<String> sessionParameter;
  private final String cookieValue;

  private AdminUiServer(HttpServer server, ExecutorService executor, AdminTransport api, String sessionParameter,
      String cookieValue) {
    this.server = server;
    this.executor = executor;
    this.api = api;
    int port = server.getAddress().getPort();
    this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
    this.origin = "http://127.0.0.1:" + port;
    this.url = URI.create(origin + "/?session=" + sessionParameter);
    this.sessionParameter = new AtomicReference<>(sessionParameter);
    this.cookieValue = cookieValue;
  }

  /**
   * Starts the server on 127.0.0.1.
   *
   * @param port the port; 0 for any free one
   */
  public static AdminUiServer start(AdminTransport api, int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    var random = new SecureRandom();
    AdminUiServer ui = new AdminUiServer(server, executor, api, randomToken(random), randomToken(random));
    server.createContext("/", ui::handle);
    server.setExecutor(executor);
    server.start();
    return ui;
  }

  /** The address to open once, with its one-time session parameter. */
  public URI url() {
    return url;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!hosts.contains(String.valueOf(exchange.getRequestHeaders().getFirst("Host")))) {
        text(exchange, 403, "This page answers only to 127.0.0.1 and localhost.");
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      if (path.startsWith(API_PREFIX + "/")) {
        forward(exchange, path.substring(API_PREFIX.length()));
      } else if (ASSETS.containsKey(path) && exchange.getRequestMethod().equals("GET")) {
        page(exchange, path);
      } else {
        text(exchange, 404, "Not found.");
      }
    }
  }

  private void page(HttpExchange exchange, String path) throws IOException {
    if (path.equals("/")) {
      String offered = queryParameter(exchange.getRequestURI().getRawQuery(), "session");
      if (offered != null) {
        swapSession(exchange, offered);
        return;
      }
      if (!hasSession(exchange)) {
        text(exchange, 401, "Open the address that punchgate-admin ui printed (it signs you in once), "
            + "or start punchgate-admin ui again.");
        return;
      }
    }
    Asset asset = ASSETS.get(path);
    byte[] body;
    try (InputStream in = AdminUiServer.class.getResourceAsStream(PAGE_DIR + asset.file())) {
      body = in.readAllBytes();
    }
    Headers headers = exchange.getResponseHeaders();
    securityHeaders(headers);
    headers.set("Content-Type", asset.contentType());
    headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    send(exchange, 200, body);
  }

  /** The printed URL works once: its parameter becomes the cookie, and the address bar loses the parameter. */
  private void swapSession(HttpExchange exchange, String offered) throws IOException {
    String expected = sessionParameter.get();
    if (expected == null || !constantTimeEquals(offered, expected) || !sessionParameter.compareAndSet(expected, null)) {
      text(exchange, 403, "This sign-in address has been used already. Start punchgate-admin ui again for a new one.");
      return;
    }
    Headers headers = exchange.getResponseHeaders();
    securityHeaders(headers);
    headers.set("Set-Cookie", COOKIE + "=" + cookieValue + "; Path=/; HttpOnly; SameSite=Strict");
    headers.set("Location", "/");
    send(exchange, 303, new byte[0]);
  }

  private void forward(HttpExchange exchange, String adminPath) throws IOException {
    String method = exchange.getRequestMethod();
    if (!hasSession(exchange)) {
      problem(exchange, 401, "No session", "Open the address that punchgate-admin ui printed.");
    } else if (!API_METHODS.contains(method)) {
      problem(exchange, 405, "Method not allowed", "The admin API takes GET, POST, PUT and DELETE.");
    } else if (!adminPath.startsWith(ADMIN_PREFIX) || hasDotSegment(adminPath)) {
      problem(exchange, 404, "Not found", "Only the admin API is reachable here.");
    } else if (!sameOrigin(exchange.getRequestHeaders().getFirst("Origin"))) {
      problem(exchange, 403, "Foreign origin", "Calls come from the admin page only.");
    } else if (!method.equals("GET") && !method.equals("DELETE") && !isJson(exchange)) {
      problem(exchange, 415, "JSON only", "Writes carry Content-Type: application/json.");
    } else {
      byte[] body = readLimited(exchange.getRequestBody());
      if (body == null) {
        problem(exchange, 413, "Request too large", "The body is larger than " + MAX_BODY_BYTES + " bytes.");
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      AdminReply reply;
      try {
        reply = api.send(method, query == null ? adminPath : adminPath + "?" + query, body);
      } catch (IOException e) {
        // the message may name the endpoint but never a credential; the page only needs to know it failed
        problem(exchange, 502, "Admin API unreachable", "The admin API did not answer. Check --api-url and the network.");
        return;
      }
      Headers headers = exchange.getResponseHeaders();
      securityHeaders(headers);
      if (reply.contentType() != null) {
        headers.set("Content-Type", reply.contentType());
      }
      send(exchange, reply.status(), reply.body());
    }
  }

  private boolean hasSession(HttpExchange exchange) {
    for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).strip().equals(COOKIE)
            && constantTimeEquals(pair.substring(eq + 1).strip(), cookieValue)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean sameOrigin(String requestOrigin) {
    return requestOrigin == null || requestOrigin.equals(origin)
        || requestOrigin.equals(origin.replace("127.0.0.1", "localhost"));
  }

  private static boolean isJson(HttpExchange exchange) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** A path like {@code /admin/../punchout} would leave the admin API; encoded dots and slashes too. */
  private static boolean hasDotSegment(String rawPath) {
    String lower = rawPath.toLowerCase(Locale.ROOT);
    if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")) {
      return true;
    }
    for (String segment : rawPath.split("/")) {
      if (segment.equals(".") || segment.equals("..")) {
        return true;
      }
    }
    return false;
  }

  /** The body, or null when it is larger than the limit. */
  private static byte[] readLimited(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
    return body.length > MAX_BODY_BYTES ? null : body;
  }

  private static String queryParameter(String rawQuery, String name) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  private static void text(HttpExchange exchange, int status, String message) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    securityHeaders(headers);
    headers.set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, message.getBytes(StandardCharsets.UTF_8));
  }

  /** The project's problem shape (http/Problem), written here because this module depends on the JDK only. */
  private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    securityHeaders(headers);
    headers.set("Content-Type", "application/problem+json");
    String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
        + detail + "\"}"; // constant texts only: nothing here needs escaping
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  private static void securityHeaders(Headers headers) {
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean empty = body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String randomToken(SecureRandom random) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
