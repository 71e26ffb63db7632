package org.punchgate.peppol;

import java.nio.charset.StandardCharsets;
import org.punchgate.http.Html;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.LoginForm;

/**
 * The PEPPOL login over HTTP: {@code POST /punchout/peppol/{connectionId}} (posted login variables, read in the
 * charset rules of the OCI login) and {@code GET /punchout/link/{linkId}} (a login link). Answers with a redirect
 * to the shop or an HTML error page; a link's error pages never name its connection.
 */
public final class PeppolLoginHttp {

  private final PeppolLogin login;
  private final int maxBodyBytes;

  public PeppolLoginHttp(PeppolLogin login, int maxBodyBytes) {
    this.login = login;
    this.maxBodyBytes = maxBodyBytes;
  }

  public HttpResponse postedLogin(HttpRequest request) {
    if (LoginForm.tooLarge(request, maxBodyBytes)) {
      return error(413, "Request too large", "The login is larger than " + maxBodyBytes + " bytes.");
    }
    var charsetProblem = LoginForm.charsetProblem(request);
    if (charsetProblem.isPresent()) {
      return error(400, "Wrong charset", charsetProblem.get());
    }
    return answer(login.login(request.pathParameter("connectionId"), LoginForm.parameters(request)));
  }

  public HttpResponse linkLogin(HttpRequest request) {
    return answer(login.followLink(request.pathParameter("linkId")));
  }

  private static HttpResponse answer(PeppolLogin.Result result) {
    return switch (result) {
      case PeppolLogin.Result.Opened opened -> HttpResponse.redirect(opened.shopUrl()).forSession(opened.sessionId());
      case PeppolLogin.Result.Refused refused -> switch (refused.refusal()) {
        case UNKNOWN_CONNECTION -> error(404, "Unknown catalog", refused.detail());
        case UNKNOWN_LINK -> error(404, "Unknown login link", refused.detail());
        case LINK_GONE -> error(410, "Login link no longer valid", refused.detail());
        case INACTIVE -> error(403, "Catalog access disabled", refused.detail());
        case LOGIN_FAILED -> error(401, "Login failed", refused.detail());
        case INVALID_RETURN_ADDRESS -> error(400, "Invalid return address", refused.detail());
        case INVALID_BUYER_REFERENCE -> error(400, "Invalid buyer reference", refused.detail());
      };
    };
  }

  private static HttpResponse error(int status, String title, String message) {
    return HttpResponse.html(status, Html.errorPage(title, message), StandardCharsets.UTF_8);
  }
}
