package org.punchgate.adminui;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

/**
 * The page's calls to the admin API ({@code /api/admin/...}), passed on through the {@link AdminTransport}: the
 * admin API's methods only, its paths only (no dot segments, plain or encoded), writes as JSON from the page's own
 * origin only, bodies within {@link AdminUiServer#MAX_BODY_BYTES}. The answer goes back as the API gave it.
 */
final class ApiForwarder {

  private static final String ADMIN_PREFIX = "/admin/";
  private static final Set<String> API_METHODS = Set.of("GET", "POST", "PUT", "DELETE");

  private final AdminTransport api;
  private final String origin;

  /** @param origin the page's origin, {@code http://127.0.0.1:<port>} (localhost with the port is the same page) */
  ApiForwarder(AdminTransport api, String origin) {
    this.api = api;
    this.origin = origin;
  }

  /** Answers one call of the page, whose session the server has checked; {@code adminPath} starts after /api. */
  void forward(HttpExchange exchange, String adminPath) throws IOException {
    String method = exchange.getRequestMethod();
    if (!API_METHODS.contains(method)) {
      Replies.problem(exchange, 405, "Method not allowed", "The admin API takes GET, POST, PUT and DELETE.");
    } else if (!adminPath.startsWith(ADMIN_PREFIX) || hasDotSegment(adminPath)) {
      Replies.problem(exchange, 404, "Not found", "Only the admin API is reachable here.");
    } else if (!sameOrigin(exchange.getRequestHeaders().getFirst("Origin"))) {
      Replies.problem(exchange, 403, "Foreign origin", "Calls come from the admin page only.");
    } else if (!method.equals("GET") && !method.equals("DELETE") && !isJson(exchange)) {
      Replies.problem(exchange, 415, "JSON only", "Writes carry Content-Type: application/json.");
    } else {
      byte[] body = readLimited(exchange.getRequestBody());
      if (body == null) {
        Replies.problem(exchange, 413, "Request too large", "The body is larger than " + AdminUiServer.MAX_BODY_BYTES + " bytes.");
        return;
      }
      String query = exchange.getRequestURI().getRawQuery();
      AdminReply reply;
      try {
        reply = api.send(method, query == null ? adminPath : adminPath + "?" + query, body);
      } catch (IOException e) {
        // the message may name the endpoint but never a credential; the page only needs to know it failed
        Replies.problem(exchange, 502, "Admin API unreachable", "The admin API did not answer. Check --api-url and the network.");
        return;
      }
      Headers headers = exchange.getResponseHeaders();
      Replies.securityHeaders(headers);
      if (reply.contentType() != null) {
        headers.set("Content-Type", reply.contentType());
      }
      Replies.send(exchange, reply.status(), reply.body());
    }
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
    byte[] body = in.readNBytes(AdminUiServer.MAX_BODY_BYTES + 1);
    return body.length > AdminUiServer.MAX_BODY_BYTES ? null : body;
  }
}
