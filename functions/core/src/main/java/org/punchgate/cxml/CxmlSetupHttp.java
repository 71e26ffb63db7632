package org.punchgate.cxml;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.http.FormParameters;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.security.RandomIds;

/**
 * {@code POST /punchout/cxml} over HTTP: unwraps the cXML document from the body (or a posted form), calls
 * {@link CxmlSetupService}, and writes its result as a cXML Response. Every answer is HTTP 200 with the
 * outcome in the cXML Status, as Ariba, Coupa and Jaggaer expect, except HTTP 500 for our own faults
 * ({@link #internalError}).
 */
public final class CxmlSetupHttp {

  /** ProfileResponse effectiveDate: when this service was first available (must not be in the future). */
  static final Instant EFFECTIVE_DATE = Instant.parse("2025-01-01T00:00:00Z");

  private final CxmlSetupService service;
  private final RandomIds ids;
  private final Clock clock;
  private final String publicBaseUrl;
  private final int maxBodyBytes;

  /**
   * @param publicBaseUrl our base URL for the StartPage ({@code https://punchout.example.com}); null to take
   *                      it from the request's Host (and X-Forwarded-Proto) headers
   * @param maxBodyBytes  larger bodies are refused before parsing
   */
  public CxmlSetupHttp(CxmlSetupService service, RandomIds ids, Clock clock, String publicBaseUrl, int maxBodyBytes) {
    this.service = service;
    this.ids = ids;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : stripSlash(publicBaseUrl.strip());
    this.maxBodyBytes = maxBodyBytes;
  }

  public HttpResponse handle(HttpRequest request) {
    String base = baseUrl(request);
    PayloadIds payloadIds = new PayloadIds(ids, clock, hostOf(base));
    String version = CxmlSettings.DEFAULT_VERSION;
    if (request.body().length > maxBodyBytes) {
      return status(payloadIds, version, CxmlStatus.badRequest("the request body is larger than " + maxBodyBytes + " bytes"));
    }
    byte[] xml = documentBytes(request);
    if (xml == null) {
      return status(payloadIds, version, CxmlStatus.badRequest("the form carries no cxml-urlencoded or cxml-base64 field"));
    }
    return switch (service.answer(xml, base)) {
      case CxmlSetupResult.Refused refused -> status(payloadIds, refused.version(), refused.status());
      case CxmlSetupResult.Profile profile -> HttpResponse.xml(200, CxmlWriter.profileResponse(
          envelope(payloadIds, profile.version()), EFFECTIVE_DATE,
          List.of(new CxmlWriter.Transaction("ProfileRequest", profile.url()),
              new CxmlWriter.Transaction("PunchOutSetupRequest", profile.url()))));
      case CxmlSetupResult.Opened opened -> HttpResponse.xml(200, CxmlWriter.punchOutSetupResponse(
          envelope(payloadIds, opened.version()), opened.startPageUrl())).forSession(opened.sessionId());
    };
  }

  /** Our own fault, as a cXML Response with HTTP 500 that names only the correlation id. */
  public HttpResponse internalError(String correlationId) {
    PayloadIds payloadIds = new PayloadIds(ids, clock, hostOf(publicBaseUrl == null ? "" : publicBaseUrl));
    return HttpResponse.xml(500, CxmlWriter.response(envelope(payloadIds, CxmlSettings.DEFAULT_VERSION),
        CxmlStatus.internalError("internal error, correlation id " + correlationId)));
  }

  private HttpResponse status(PayloadIds payloadIds, String version, CxmlStatus status) {
    return HttpResponse.xml(200, CxmlWriter.response(envelope(payloadIds, version), status));
  }

  private CxmlWriter.Envelope envelope(PayloadIds payloadIds, String version) {
    return new CxmlWriter.Envelope(payloadIds.next(), clock.instant(), version, null);
  }

  /**
   * The cXML document of the request: the body, or for the few systems that post a form, its
   * {@code cxml-urlencoded} or {@code cxml-base64} field (names matched case-insensitively). Null when a
   * form carries neither.
   */
  private static byte[] documentBytes(HttpRequest request) {
    if (!"application/x-www-form-urlencoded".equals(request.mediaType())) {
      return request.body();
    }
    FormParameters form = FormParameters.parse(new String(request.body(), StandardCharsets.US_ASCII),
        StandardCharsets.UTF_8);
    String text = form.firstIgnoreCase(CxmlSettings.URLENCODED);
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    String base64 = form.firstIgnoreCase(CxmlSettings.BASE64);
    if (base64 != null) {
      try {
        return Base64.getMimeDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        return new byte[0];
      }
    }
    return null;
  }

  private String baseUrl(HttpRequest request) {
    if (publicBaseUrl != null) {
      return publicBaseUrl;
    }
    String host = request.header("host");
    if (host == null || host.isBlank() || !host.strip().matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
      host = "localhost";
    }
    String proto = request.header("x-forwarded-proto");
    String scheme = "http".equalsIgnoreCase(proto == null ? null : proto.strip()) ? "http" : "https";
    if (proto == null && (host.startsWith("localhost") || host.startsWith("127.0.0.1"))) {
      scheme = "http";
    }
    return scheme + "://" + host.strip() + request.basePath();
  }

  private static String hostOf(String base) {
    try {
      String host = URI.create(base).getHost();
      return host == null ? "punchgate" : host;
    } catch (IllegalArgumentException e) {
      return "punchgate";
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
