package org.punchgate.adminui;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The page server's own answers: plain text, problem+json, and the headers every answer carries. */
final class Replies {

  private Replies() {}

  static void text(HttpExchange exchange, int status, String message) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    securityHeaders(headers);
    headers.set("Content-Type", "text/plain; charset=utf-8");
    send(exchange, status, message.getBytes(StandardCharsets.UTF_8));
  }

  /** The project's problem shape (http/Problem), written here because this module depends on the JDK only. */
  static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    securityHeaders(headers);
    headers.set("Content-Type", "application/problem+json");
    String json = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
        + detail + "\"}"; // constant texts only: nothing here needs escaping
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  static void securityHeaders(Headers headers) {
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    boolean empty = body.length == 0 || status == 204 || status == 304;
    exchange.sendResponseHeaders(status, empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
