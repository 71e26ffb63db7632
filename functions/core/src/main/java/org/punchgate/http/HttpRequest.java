package org.punchgate.http;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the services see it, free of Lambda types: header names are lower case, the body is
 * raw bytes (already Base64-decoded), {@code rawQuery} is the query string without {@code ?}.
 * {@code basePath} is what the public URL has in front of our routes: {@code /dev} when API Gateway serves a
 * named stage on its own host (links we hand out need it, or the browser gets 404), else "".
 */
public record HttpRequest(
    String method,
    String path,
    Map<String, String> pathParameters,
    String rawQuery,
    Map<String, String> headers,
    byte[] body,
    String basePath) {

  public HttpRequest {
    pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
    rawQuery = rawQuery == null ? "" : rawQuery;
    basePath = basePath == null ? "" : basePath;
  }

  /** A request served at the root of its host (the local runner, tests, a custom domain). */
  public HttpRequest(String method, String path, Map<String, String> pathParameters, String rawQuery,
      Map<String, String> headers, byte[] body) {
    this(method, path, pathParameters, rawQuery, headers, body, "");
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String pathParameter(String name) {
    return pathParameters.get(name);
  }

  /** The token of an {@code Authorization: Bearer} header, or null. */
  public String bearerToken() {
    String auth = header("authorization");
    if (auth == null || auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return auth.substring(7).strip();
  }

  /** The media type of the body, lower case without parameters, or "" when none was sent. */
  public String mediaType() {
    String type = header("content-type");
    if (type == null) {
      return "";
    }
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /** The charset parameter of Content-Type, or the fallback when absent or unknown. */
  public Charset charset(Charset fallback) {
    String type = header("content-type");
    if (type != null) {
      for (String part : type.split(";")) {
        String p = part.strip();
        if (p.regionMatches(true, 0, "charset=", 0, 8)) {
          return charsetOr(p.substring(8).replace("\"", "").strip(), fallback);
        }
      }
    }
    return fallback;
  }

  public boolean accepts(String mediaType) {
    String accept = header("accept");
    return accept != null && accept.toLowerCase(Locale.ROOT).contains(mediaType);
  }

  public String bodyText() {
    return new String(body, charset(StandardCharsets.UTF_8));
  }

  /** A charset by name, or the fallback when the name is unknown or malformed. */
  public static Charset charsetOr(String name, Charset fallback) {
    if (name == null || name.isBlank()) {
      return fallback;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return fallback;
    }
  }
}
