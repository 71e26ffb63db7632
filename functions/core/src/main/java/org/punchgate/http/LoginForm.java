package org.punchgate.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The parameters of a browser login (OCI call-up, PEPPOL posted login): query and form body together, in the
 * charset rules of the OCI login (SPECS §1.1), which the PEPPOL login shares.
 */
public final class LoginForm {

  /** The call-up's own charset parameter (OCI 4.0+). */
  public static final String CHARSET_PARAMETER = "http_content_charset";

  private LoginForm() {}

  /**
   * Each part is read in the Content-Type charset, else the request's own http_content_charset, else UTF-8;
   * that parameter's name and value are ASCII, so a first byte-transparent pass finds it.
   */
  public static FormParameters parameters(HttpRequest request) {
    Charset charset = charset(request);
    return FormParameters.parse(request.rawQuery(), charset).plus(FormParameters.parse(formBody(request), charset));
  }

  /**
   * Why the login cannot be read in its charset, or empty: an unknown charset name, or bytes that are not
   * text in the charset it declares (Latin-1 sent as UTF-8), which would otherwise surface as a garbled
   * return address refused for the wrong reason.
   */
  public static Optional<String> charsetProblem(HttpRequest request) {
    String declared = declaredCharset(request);
    if (declared != null && !declared.isBlank()
        && HttpRequest.charsetOr(declared, null) == null && request.header("content-type") == null) {
      return Optional.of("The call-up declares the charset " + (declared.length() > 40 ? declared.substring(0, 40) : declared)
          + " (" + CHARSET_PARAMETER + "), which this gateway does not know.");
    }
    Charset charset = charset(request);
    if (!FormParameters.decodesIn(request.rawQuery(), charset) || !FormParameters.decodesIn(formBody(request), charset)) {
      return Optional.of("The call-up is not valid " + charset.name() + " text: send it in the charset it declares"
          + " (Content-Type charset or " + CHARSET_PARAMETER + ", else UTF-8).");
    }
    return Optional.empty();
  }

  /** Whether the request is larger than a login may be: its body or its query. */
  public static boolean tooLarge(HttpRequest request, int maxBytes) {
    return request.body().length > maxBytes || request.rawQuery().length() > maxBytes;
  }

  private static String formBody(HttpRequest request) {
    return "POST".equals(request.method()) ? new String(request.body(), StandardCharsets.ISO_8859_1) : "";
  }

  private static String declaredCharset(HttpRequest request) {
    return FormParameters.parse(request.rawQuery(), StandardCharsets.ISO_8859_1)
        .plus(FormParameters.parse(formBody(request), StandardCharsets.ISO_8859_1))
        .firstIgnoreCase(CHARSET_PARAMETER);
  }

  private static Charset charset(HttpRequest request) {
    return request.charset(HttpRequest.charsetOr(declaredCharset(request), StandardCharsets.UTF_8));
  }
}
