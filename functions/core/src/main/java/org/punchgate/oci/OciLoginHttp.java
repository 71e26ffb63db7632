package org.punchgate.oci;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.punchgate.http.FormParameters;
import org.punchgate.http.Html;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;

/**
 * The OCI call-up over HTTP ({@code GET|POST /punchout/oci/{connectionId}}): decodes the parameters in the
 * right charset, calls {@link OciLogin}, and answers with a redirect to the shop or an HTML error page.
 */
public final class OciLoginHttp {

  private final OciLogin login;
  private final int maxBodyBytes;

  public OciLoginHttp(OciLogin login, int maxBodyBytes) {
    this.login = login;
    this.maxBodyBytes = maxBodyBytes;
  }

  public HttpResponse login(HttpRequest request) {
    if (request.body().length > maxBodyBytes || request.rawQuery().length() > maxBodyBytes) {
      return error(413, "Request too large", "The call-up is larger than " + maxBodyBytes + " bytes.");
    }
    Optional<String> charsetProblem = charsetProblem(request);
    if (charsetProblem.isPresent()) {
      return error(400, "Wrong charset", charsetProblem.get());
    }
    return switch (login.login(request.pathParameter("connectionId"), parameters(request))) {
      case OciLogin.Result.Opened opened -> HttpResponse.redirect(opened.shopUrl()).forSession(opened.sessionId());
      case OciLogin.Result.Refused refused -> switch (refused.refusal()) {
        case UNKNOWN_CATALOG -> error(404, "Unknown catalog", refused.detail());
        case INACTIVE -> error(403, "Catalog access disabled", refused.detail());
        case LOGIN_FAILED -> error(401, "Login failed", refused.detail());
        case INVALID_RETURN_ADDRESS -> error(400, "Invalid return address", refused.detail());
        case UNSUPPORTED_FUNCTION -> error(400, "Unsupported catalog function", refused.detail());
      };
    };
  }

  /**
   * Query and form body together. Each is read in the Content-Type charset, else the call-up's own
   * http_content_charset (OCI 4.0+), else UTF-8; that parameter's name and value are ASCII, so a first
   * byte-transparent pass finds it.
   */
  private static FormParameters parameters(HttpRequest request) {
    Charset charset = charset(request);
    return FormParameters.parse(request.rawQuery(), charset).plus(FormParameters.parse(formBody(request), charset));
  }

  private static String formBody(HttpRequest request) {
    return "POST".equals(request.method()) ? new String(request.body(), StandardCharsets.ISO_8859_1) : "";
  }

  private static String declaredCharset(HttpRequest request) {
    return FormParameters.parse(request.rawQuery(), StandardCharsets.ISO_8859_1)
        .plus(FormParameters.parse(formBody(request), StandardCharsets.ISO_8859_1))
        .firstIgnoreCase(OciCallUp.HTTP_CONTENT_CHARSET);
  }

  private static Charset charset(HttpRequest request) {
    return request.charset(HttpRequest.charsetOr(declaredCharset(request), StandardCharsets.UTF_8));
  }

  /**
   * Why the call-up cannot be read in its charset, or empty: an unknown charset name, or bytes that are not
   * text in the charset it declares (Latin-1 sent as UTF-8), which would otherwise surface as a garbled
   * return address refused for the wrong reason.
   */
  private static Optional<String> charsetProblem(HttpRequest request) {
    String declared = declaredCharset(request);
    if (declared != null && !declared.isBlank()
        && HttpRequest.charsetOr(declared, null) == null && request.header("content-type") == null) {
      return Optional.of("The call-up declares the charset " + (declared.length() > 40 ? declared.substring(0, 40) : declared)
          + " (" + OciCallUp.HTTP_CONTENT_CHARSET + "), which this gateway does not know.");
    }
    Charset charset = charset(request);
    if (!FormParameters.decodesIn(request.rawQuery(), charset) || !FormParameters.decodesIn(formBody(request), charset)) {
      return Optional.of("The call-up is not valid " + charset.name() + " text: send it in the charset it declares"
          + " (Content-Type charset or " + OciCallUp.HTTP_CONTENT_CHARSET + ", else UTF-8).");
    }
    return Optional.empty();
  }

  /** The HTML error page a browser sees when a call-up is refused. */
  private static HttpResponse error(int status, String title, String message) {
    return HttpResponse.html(status, Html.errorPage(title, message), StandardCharsets.UTF_8);
  }
}
