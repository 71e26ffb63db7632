package org.punchgate.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.punchgate.http.FormParameters;

/**
 * Translates between the JDK HTTP server and API Gateway HTTP API events (payload format 2.0): what a
 * function receives here is what it receives behind API Gateway, and its response is written back the way
 * API Gateway writes it.
 */
final class ApiGatewayBridge {

  private static final DateTimeFormatter REQUEST_TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private ApiGatewayBridge() {}

  static APIGatewayV2HTTPEvent toEvent(HttpExchange exchange, TemplateRoutes.Match match, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<String> cookies = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("cookie")) {
        // payload 2.0 moves cookies out of the headers into their own list
        values.forEach(v -> {
          for (String cookie : v.split(";")) {
            if (!cookie.isBlank()) {
              cookies.add(cookie.strip());
            }
          }
        });
      } else {
        headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
      }
    });
    String sourceIp = exchange.getRemoteAddress().getAddress().getHostAddress();
    headers.put("x-forwarded-for", sourceIp);
    headers.put("x-forwarded-proto", "http");
    headers.put("x-forwarded-port", Integer.toString(exchange.getLocalAddress().getPort()));

    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Instant now = Instant.now();
    String requestId = UUID.randomUUID().toString();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);

    var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
        .withMethod(method)
        .withPath(rawPath)
        .withProtocol(exchange.getProtocol())
        .withSourceIp(sourceIp)
        .withUserAgent(headers.getOrDefault("user-agent", ""))
        .build();
    String host = headers.getOrDefault("host", "localhost");
    var context = APIGatewayV2HTTPEvent.RequestContext.builder()
        .withAccountId("000000000000")
        .withApiId("local")
        .withDomainName(host)
        .withDomainPrefix(host.contains(".") ? host.substring(0, host.indexOf('.')) : host)
        .withHttp(http)
        .withRequestId(requestId)
        .withRouteKey(match.route().routeKey())
        .withStage("$default")
        .withTime(REQUEST_TIME.format(now))
        .withTimeEpoch(now.toEpochMilli())
        .build();

    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setVersion("2.0");
    event.setRouteKey(match.route().routeKey());
    event.setRawPath(rawPath);
    event.setRawQueryString(rawQuery == null ? "" : rawQuery);
    event.setCookies(cookies.isEmpty() ? null : cookies);
    event.setHeaders(headers);
    event.setQueryStringParameters(queryParameters(rawQuery));
    event.setPathParameters(decodePathParameters(match.pathParameters()));
    event.setRequestContext(context);
    if (body.length == 0) {
      event.setIsBase64Encoded(false);
    } else {
      String text = utf8Text(body, headers.get("content-type"));
      event.setBody(text != null ? text : Base64.getEncoder().encodeToString(body));
      event.setIsBase64Encoded(text == null);
    }
    return event;
  }

  /** Writes a function's response; a missing response (the function failed) is API Gateway's 500. */
  static int write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
    if (response == null) {
      Exchanges.send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}"
          .getBytes(StandardCharsets.UTF_8));
      return 500;
    }
    int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
    var out = exchange.getResponseHeaders();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach(out::set);
    }
    if (response.getMultiValueHeaders() != null) {
      response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> out.add(name, v)));
    }
    if (response.getCookies() != null) {
      response.getCookies().forEach(c -> out.add("Set-Cookie", c));
    }
    byte[] body;
    if (response.getBody() == null) {
      body = new byte[0];
    } else if (response.getIsBase64Encoded()) {
      body = Base64.getMimeDecoder().decode(response.getBody());
    } else {
      body = response.getBody().getBytes(StandardCharsets.UTF_8);
    }
    boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream stream = exchange.getResponseBody()) {
        stream.write(body);
      }
    }
    exchange.close();
    return status;
  }

  /** The body as text when it is valid UTF-8 of a textual type; null means it goes Base64-encoded. */
  private static String utf8Text(byte[] body, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean textual = type.isEmpty() || type.startsWith("text/") || type.contains("json") || type.contains("xml")
        || type.startsWith("application/x-www-form-urlencoded") || type.contains("javascript");
    if (!textual) {
      return null;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Decoded query parameters; repeated names are joined with commas (payload 2.0). */
  private static Map<String, String> queryParameters(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (FormParameters.Parameter p : FormParameters.parse(rawQuery, StandardCharsets.UTF_8).all()) {
      parameters.merge(p.name(), p.value(), (a, b) -> a + "," + b);
    }
    return parameters;
  }

  private static Map<String, String> decodePathParameters(Map<String, String> raw) {
    if (raw.isEmpty()) {
      return null;
    }
    Map<String, String> decoded = new LinkedHashMap<>();
    raw.forEach((k, v) -> decoded.put(k, decodePathSegment(v)));
    return decoded;
  }

  /** A path segment is percent-decoded; unlike a query, '+' stays a plus. */
  private static String decodePathSegment(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
