package org.punchgate.cartreturn;

import java.util.Locale;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.json.Json;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.returnform.ReturnFormPage;
import org.punchgate.session.Session;

/**
 * The shop API over HTTP: reads the session id, bearer token and body of a request, calls
 * {@link CartTransfer}, and turns each result into its status and JSON problem document, in one place.
 */
final class CartReturnHttp {

  private final CartTransfer service;

  public CartReturnHttp(CartTransfer service) {
    this.service = service;
  }

  /** {@code GET /punchout/sessions/{sessionId}}. */
  public HttpResponse sessionInfo(HttpRequest request) {
    return response(request, service.info(request.pathParameter("sessionId"), request.bearerToken()),
        "The punchout session has expired.");
  }

  /** {@code POST /punchout/sessions/{sessionId}/cart}. */
  public HttpResponse transfer(HttpRequest request) {
    return response(request,
        service.transfer(request.pathParameter("sessionId"), request.bearerToken(), request.body()),
        "The punchout session has expired; nothing was transferred.");
  }

  private static HttpResponse response(HttpRequest request, CartReturnResult result, String expiredDetail) {
    HttpResponse response = switch (result) {
      case CartReturnResult.Info info -> HttpResponse.json(200, Json.write(SessionInfo.of(info.session(), info.at())));
      case CartReturnResult.Transferred t -> page(request, t.form(), Session.cartIdOf(t.sessionId()));
      case CartReturnResult.AccessDenied d -> switch (d.reason()) {
        case EXPIRED -> Problem.response(410, "Session expired", d.detail());
        case MISSING_TOKEN -> Problem.response(401, "Missing token", d.detail()).withHeader("www-authenticate", "Bearer");
        case INVALID_TOKEN -> Problem.response(401, "Invalid token", d.detail()).withHeader("www-authenticate", "Bearer");
      };
      case CartReturnResult.TooLarge t ->
          Problem.response(413, "Cart too large", "The cart is larger than " + t.maxBytes() + " bytes.");
      case CartReturnResult.MalformedJson m -> Problem.response(400, "Malformed JSON", m.message());
      case CartReturnResult.InvalidCart i -> Problem.response(422, "Invalid cart", "The cart has "
          + i.violations().size() + " problem(s); nothing was transferred.", i.violations());
      case CartReturnResult.UnknownSession u when u.gone() ->
          Problem.response(404, "Unknown session", "The session is gone.");
      case CartReturnResult.UnknownSession u ->
          Problem.response(404, "Unknown session", "There is no punchout session with this id.");
      case CartReturnResult.Expired e -> Problem.response(410, "Session expired", expiredDetail);
      case CartReturnResult.FormatNotSupported f -> Problem.response(501, "Format not supported",
          "Cart return for " + f.format() + " is not available in this deployment.");
      case CartReturnResult.ReadOnly r -> Problem.response(409, "Session is read-only", "The buyer opened this cart"
          + " to inspect it; it cannot be changed or sent back. Send {\"cancel\":true,\"currency\":\"...\"} to"
          + " close the session.");
      case CartReturnResult.DoesNotFit d -> Problem.response(422, "Cart does not fit the buyer's format",
          "The cart cannot be expressed in " + d.format() + "; nothing was transferred.", d.violations());
      case CartReturnResult.AlreadyClosed c -> Problem.response(409, "Session already closed", "The session was"
          + " already " + c.status().name().toLowerCase(Locale.ROOT) + "; a punchout session transfers one cart.");
      case CartReturnResult.StoredTooLarge t -> Problem.response(413, "Cart too large", "The cart takes "
          + t.storedBytes() + " bytes compressed; a session keeps at most " + t.maxBytes()
          + ". Nothing was transferred.");
    };
    return result.sessionId() == null ? response : response.forSession(result.sessionId());
  }

  private static HttpResponse page(HttpRequest request, ReturnForm form, String cartId) {
    if (request.accepts("application/json")) {
      return HttpResponse.json(200, ReturnFormPage.json(form, cartId));
    }
    return HttpResponse.html(200, ReturnFormPage.html(form), form.charset());
  }
}
