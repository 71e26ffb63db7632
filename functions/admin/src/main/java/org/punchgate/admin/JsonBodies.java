package org.punchgate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.json.Json;

/** The admin routes' request bodies: JSON within the size limit, or the answer to one that is not. */
final class JsonBodies {

  private JsonBodies() {}

  /** {@code handler}'s answer to the parsed body; 413 over {@code maxBodyBytes}, 400 when it is not JSON. */
  static HttpResponse with(HttpRequest request, int maxBodyBytes, Function<JsonNode, HttpResponse> handler) {
    if (request.body().length > maxBodyBytes) {
      return Problem.response(413, "Request too large", "The body is larger than " + maxBodyBytes + " bytes.");
    }
    JsonNode body;
    try {
      body = Json.parse(request.body());
    } catch (Json.JsonSyntaxException e) {
      return Problem.response(400, "Malformed JSON", e.getMessage());
    }
    return handler.apply(body);
  }
}
