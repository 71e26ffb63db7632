package org.punchgate.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

/** JSON problem details (RFC 9457) for the JSON APIs, with one entry per violation where there are any. */
public final class Problem {

  private Problem() {}

  /** Our own fault: a 500 that names only the correlation id, never what went wrong. */
  public static HttpResponse internalError(String correlationId) {
    return response(500, "Internal error", "correlation id " + correlationId);
  }

  public static HttpResponse response(int status, String title, String detail) {
    return response(status, title, detail, List.of());
  }

  public static HttpResponse response(int status, String title, String detail, List<Violation> violations) {
    ObjectNode body = body(status, title, detail);
    if (!violations.isEmpty()) {
      ArrayNode errors = body.putArray("errors");
      for (Violation v : violations) {
        ObjectNode e = errors.addObject();
        e.put("location", v.location());
        e.put("message", v.message());
      }
    }
    return response(body);
  }

  /**
   * A 400 for a document with problems (the admin API's shape): every problem at once, each with its JSON path
   * ({@code $.cxml.sender[0].identity}) under {@code problems}.
   */
  public static HttpResponse invalid(String title, List<Violation> violations) {
    ObjectNode body = body(400, title, violations.size() + (violations.size() == 1 ? " problem" : " problems"));
    ArrayNode problems = body.putArray("problems");
    for (Violation v : violations) {
      problems.addObject().put("path", v.location()).put("message", v.message());
    }
    return response(body);
  }

  /** The members every problem has; callers add their own (such as {@code currentVersion}) before answering. */
  public static ObjectNode body(int status, String title, String detail) {
    ObjectNode body = Json.object();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    Json.putIfPresent(body, "detail", detail);
    return body;
  }

  /** The answer for a problem body made with {@link #body}. */
  public static HttpResponse response(ObjectNode body) {
    HttpResponse r = HttpResponse.json(body.path("status").asInt(500), Json.write(body));
    return r.withHeader("content-type", "application/problem+json; charset=utf-8");
  }
}
