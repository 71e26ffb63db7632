package org.punchgate.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.punchgate.http.FormParameters;
import org.punchgate.http.HttpRequest;

/** Small helpers around the JDK server's {@link HttpExchange}: bounded bodies, forms, answers. */
final class Exchanges {

  /** API Gateway's payload limit for HTTP APIs. */
  static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  /** A body over {@link #MAX_BODY_BYTES}: answered 413 like API Gateway. */
  static final class BodyTooLargeException extends IOException {
    BodyTooLargeException() {
      super("request body over " + MAX_BODY_BYTES + " bytes");
    }
  }

  private Exchanges() {}

  static byte[] readBody(HttpExchange exchange) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null) {
      try {
        if (Long.parseLong(declared.strip()) > MAX_BODY_BYTES) {
          throw new BodyTooLargeException();
        }
      } catch (NumberFormatException ignored) {
        // the stream decides below
      }
    }
    try (InputStream in = exchange.getRequestBody()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[16384];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + n > MAX_BODY_BYTES) {
          throw new BodyTooLargeException();
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  /** The query parameters, decoded as UTF-8. */
  static FormParameters query(HttpExchange exchange) {
    return FormParameters.parse(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
  }

  /** Query plus, for a form POST, the body parameters decoded in the given charset. */
  static FormParameters form(HttpExchange exchange, byte[] body, Charset charset) {
    FormParameters query = query(exchange);
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return query.plus(FormParameters.parse(new String(body, StandardCharsets.ISO_8859_1), charset));
    }
    return query;
  }

  /** The charset of the request's Content-Type, or the fallback. */
  static Charset requestCharset(HttpExchange exchange, Charset fallback) {
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    return new HttpRequest("POST", "/", Map.of(), "", type == null ? Map.of() : Map.of("content-type", type), null)
        .charset(fallback);
  }

  static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean empty = body.length == 0 || "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    exchange.close();
  }

  static void html(HttpExchange exchange, int status, String html) throws IOException {
    send(exchange, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    send(exchange, 303, "text/plain; charset=utf-8", new byte[0]);
  }
}
