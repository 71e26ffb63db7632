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
    ObjectNode body = Json.object();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    Json.putIfPresent(body, "detail", detail);
    if (!violations.isEmpty()) {
      ArrayNode errors = body.putArray("errors");
      for (Violation v : violations) {
        ObjectNode e = errors.addObject();
        e.put("location", v.location());
        e.put("message", v.message());
      }
    }
    HttpResponse r = HttpResponse.json(status, Json.write(body));
    return r.withHeader("content-type", "application/problem+json; charset=utf-8");
  }
}
