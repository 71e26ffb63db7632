package org.punchgate.oci;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.punchgate.http.LoginForm;
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
    Optional<String> charsetProblem = LoginForm.charsetProblem(request);
    if (charsetProblem.isPresent()) {
      return error(400, "Wrong charset", charsetProblem.get());
    }
    return switch (login.login(request.pathParameter("connectionId"), LoginForm.parameters(request))) {
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

  /** The HTML error page a browser sees when a call-up is refused. */
  private static HttpResponse error(int status, String title, String message) {
    return HttpResponse.html(status, Html.errorPage(title, message), StandardCharsets.UTF_8);
  }
}
