package org.punchgate.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP response a service returns, free of Lambda types. The body is bytes because pages go out in the
 * buyer's charset (OCI {@code http_content_charset}), not always UTF-8. {@code sessionId} is carried for the
 * request log only and never sent.
 */
public record HttpResponse(int status, Map<String, String> headers, byte[] body, String sessionId) {

  public HttpResponse {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  public static HttpResponse of(int status, String contentType, String body, Charset charset) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", contentType + "; charset=" + charset.name().toLowerCase(java.util.Locale.ROOT));
    headers.put("cache-control", "no-store");
    return new HttpResponse(status, headers, body.getBytes(charset), null);
  }

  public static HttpResponse html(int status, String html, Charset charset) {
    HttpResponse r = of(status, "text/html", html, charset);
    return r.withHeader("x-content-type-options", "nosniff").withHeader("referrer-policy", "no-referrer");
  }

  public static HttpResponse json(int status, String json) {
    return of(status, "application/json", json, StandardCharsets.UTF_8);
  }

  public static HttpResponse xml(int status, String xml) {
    return of(status, "text/xml", xml, StandardCharsets.UTF_8);
  }

  /** 204: done, nothing to say (a deletion). */
  public static HttpResponse noContent() {
    return new HttpResponse(204, Map.of("cache-control", "no-store"), null, null);
  }

  public static HttpResponse redirect(String location) {
    return new HttpResponse(302, Map.of("location", location, "cache-control", "no-store",
        "referrer-policy", "no-referrer"), null, null);
  }

  public HttpResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpResponse(status, copy, body, sessionId);
  }

  public HttpResponse forSession(String id) {
    return new HttpResponse(status, headers, body, id);
  }

  public String contentType() {
    return headers.getOrDefault("content-type", "");
  }

  public String bodyText() {
    String type = contentType();
    int i = type.toLowerCase(java.util.Locale.ROOT).indexOf("charset=");
    Charset charset = i < 0 ? StandardCharsets.UTF_8 : HttpRequest.charsetOr(type.substring(i + 8), StandardCharsets.UTF_8);
    return new String(body, charset);
  }
}
