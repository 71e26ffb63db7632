package org.punchgate.oci;

import java.nio.charset.StandardCharsets;
import org.punchgate.http.Html;
import org.punchgate.http.HttpResponse;

/** The HTML error pages a browser sees when an OCI call-up is refused. */
final class LoginPages {

  private LoginPages() {}

  static HttpResponse error(int status, String title, String message) {
    return HttpResponse.html(status, Html.errorPage(title, message), StandardCharsets.UTF_8);
  }
}
