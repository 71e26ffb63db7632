package org.punchgate.cartreturn;

import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;

/**
 * Checks the shop's bearer token against the session in the path: a valid signature, not expired (the
 * token expires with its session), and issued for this very session.
 */
final class ShopAccess {

  sealed interface Result {
    record Granted(TokenClaims claims) implements Result {}

    /** Why the token does not open the session. */
    record Denied(CartReturnResult.AccessDenied.Reason reason, String detail) implements Result {}
  }

  private final PunchoutTokens tokens;

  ShopAccess(PunchoutTokens tokens) {
    this.tokens = tokens;
  }

  Result check(String sessionId, String token) {
    if (token == null) {
      return new Result.Denied(CartReturnResult.AccessDenied.Reason.MISSING_TOKEN, "Send the punchout_token as 'Authorization: Bearer <token>'.");
    }
    return switch (tokens.verify(token)) {
      case PunchoutTokens.Verification.Invalid invalid when "expired".equals(invalid.reason()) ->
          new Result.Denied(CartReturnResult.AccessDenied.Reason.EXPIRED, "The punchout session has expired; the buyer must punch out again.");
      case PunchoutTokens.Verification.Invalid invalid -> new Result.Denied(CartReturnResult.AccessDenied.Reason.INVALID_TOKEN, "The token is " + invalid.reason() + ".");
      case PunchoutTokens.Verification.Valid valid when !valid.claims().sessionId().equals(sessionId) ->
          new Result.Denied(CartReturnResult.AccessDenied.Reason.INVALID_TOKEN, "The token was issued for another session.");
      case PunchoutTokens.Verification.Valid valid -> new Result.Granted(valid.claims());
    };
  }
}
