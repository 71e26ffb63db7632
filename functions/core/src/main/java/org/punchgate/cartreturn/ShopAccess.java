package org.punchgate.cartreturn;

import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;

/**
 * Checks the shop's bearer token against the session in the path: a valid signature, not expired (the
 * token expires with its session: 410), and issued for this very session.
 */
final class ShopAccess {

  sealed interface Result {
    record Granted(TokenClaims claims) implements Result {}

    record Denied(HttpResponse response) implements Result {}
  }

  private final PunchoutTokens tokens;

  ShopAccess(PunchoutTokens tokens) {
    this.tokens = tokens;
  }

  Result check(HttpRequest request) {
    String sessionId = request.pathParameter("sessionId");
    String token = request.bearerToken();
    if (token == null) {
      return denied(401, "Missing token", "Send the punchout_token as 'Authorization: Bearer <token>'.");
    }
    return switch (tokens.verify(token)) {
      case PunchoutTokens.Verification.Invalid invalid when "expired".equals(invalid.reason()) ->
          denied(410, "Session expired", "The punchout session has expired; the buyer must punch out again.");
      case PunchoutTokens.Verification.Invalid invalid -> denied(401, "Invalid token", "The token is " + invalid.reason() + ".");
      case PunchoutTokens.Verification.Valid valid when !valid.claims().sessionId().equals(sessionId) ->
          denied(401, "Invalid token", "The token was issued for another session.");
      case PunchoutTokens.Verification.Valid valid -> new Result.Granted(valid.claims());
    };
  }

  private static Result denied(int status, String title, String detail) {
    HttpResponse response = Problem.response(status, title, detail);
    if (status == 401) {
      response = response.withHeader("www-authenticate", "Bearer");
    }
    return new Result.Denied(response);
  }
}
