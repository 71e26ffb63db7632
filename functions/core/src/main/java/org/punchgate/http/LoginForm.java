package org.punchgate.http;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

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
    String body = "POST".equals(request.method()) ? new String(request.body(), StandardCharsets.ISO_8859_1) : "";
    String declared = FormParameters.parse(request.rawQuery(), StandardCharsets.ISO_8859_1)
        .plus(FormParameters.parse(body, StandardCharsets.ISO_8859_1))
        .firstIgnoreCase(CHARSET_PARAMETER);
    Charset charset = request.charset(HttpRequest.charsetOr(declared, StandardCharsets.UTF_8));
    return FormParameters.parse(request.rawQuery(), charset).plus(FormParameters.parse(body, charset));
  }

  /** Whether the request is larger than a login may be: its body or its query. */
  public static boolean tooLarge(HttpRequest request, int maxBytes) {
    return request.body().length > maxBytes || request.rawQuery().length() > maxBytes;
  }
}
