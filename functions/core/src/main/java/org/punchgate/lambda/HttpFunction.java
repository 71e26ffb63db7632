package org.punchgate.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;

/**
 * The bridge between API Gateway HTTP API (payload 2.0) events and the plain services: converts the
 * event, calls the service, converts the answer, and writes one JSON log line per request (route, status,
 * latency, session id; never bodies, headers, passwords or tokens). Anything thrown, an {@link Error} such
 * as an exhausted heap included, becomes a 500 in the caller's protocol that names only a correlation id;
 * the container lives on for the next request.
 */
public final class HttpFunction {

  private HttpFunction() {}

  /** A JSON API: its internal error is a problem document. */
  public static APIGatewayV2HTTPResponse handle(
      APIGatewayV2HTTPEvent event, Context context, Function<HttpRequest, HttpResponse> service) {
    return handle(event, context, service, Problem::internalError);
  }

  /**
   * As above; {@code internalError} writes the 500 in the protocol's own form (a cXML Response) from the
   * correlation id, which is the Lambda request id.
   */
  public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context,
      Function<HttpRequest, HttpResponse> service, Function<String, HttpResponse> internalError) {
    long start = System.nanoTime();
    String route = event.getRouteKey() == null ? "?" : event.getRouteKey();
    HttpResponse response;
    try {
      response = service.apply(toRequest(event));
    } catch (Throwable e) { // an Error too: one request failed, the container has not
      String correlationId = context != null && context.getAwsRequestId() != null
          ? context.getAwsRequestId() : UUID.randomUUID().toString();
      JsonLog.line().put("route", route).put("correlationId", correlationId).error(e).problem("ERROR");
      response = internalError.apply(correlationId);
    }
    long micros = (System.nanoTime() - start) / 1000;
    JsonLog.line().put("route", route).put("status", response.status()).put("latencyMs", micros / 1000.0)
        .put("sessionId", response.sessionId()).info();
    return toResponse(response);
  }

  public static HttpRequest toRequest(APIGatewayV2HTTPEvent event) {
    Map<String, String> headers = new HashMap<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
    }
    if (event.getCookies() != null && !event.getCookies().isEmpty()) {
      headers.put("cookie", String.join("; ", event.getCookies()));
    }
    byte[] body;
    if (event.getBody() == null) {
      body = new byte[0];
    } else if (event.getIsBase64Encoded()) {
      body = Base64.getMimeDecoder().decode(event.getBody());
    } else {
      body = event.getBody().getBytes(StandardCharsets.UTF_8);
    }
    var http = event.getRequestContext() == null ? null : event.getRequestContext().getHttp();
    String method = http != null && http.getMethod() != null ? http.getMethod() : "GET";
    String path = event.getRawPath() != null ? event.getRawPath() : http != null ? http.getPath() : "/";
    if (event.getRequestContext() != null && event.getRequestContext().getDomainName() != null) {
      headers.putIfAbsent("host", event.getRequestContext().getDomainName());
    }
    return new HttpRequest(method.toUpperCase(Locale.ROOT), path, event.getPathParameters(),
        event.getRawQueryString(), headers, body, stagePath(event, path));
  }

  /**
   * {@code /<stage>} when the request came in under a named stage ({@code https://abc.execute-api.../dev/...}):
   * API Gateway then puts the stage in front of {@code rawPath}. Under {@code $default}, or through a custom
   * domain's mapping (no stage in the path), nothing.
   */
  static String stagePath(APIGatewayV2HTTPEvent event, String path) {
    String stage = event.getRequestContext() == null ? null : event.getRequestContext().getStage();
    if (stage == null || stage.isBlank() || stage.equals("$default")) {
      return "";
    }
    String prefix = "/" + stage;
    return path.equals(prefix) || path.startsWith(prefix + "/") ? prefix : "";
  }

  /** Text bodies in UTF-8 go out as they are; anything else (another charset) goes Base64-encoded. */
  public static APIGatewayV2HTTPResponse toResponse(HttpResponse response) {
    String type = response.contentType().toLowerCase(Locale.ROOT);
    boolean utf8Text = response.body().length == 0 || type.contains("charset=utf-8");
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(response.status())
        .withHeaders(response.headers())
        .withBody(utf8Text ? new String(response.body(), StandardCharsets.UTF_8)
            : Base64.getEncoder().encodeToString(response.body()))
        .withIsBase64Encoded(!utf8Text)
        .build();
  }
}
