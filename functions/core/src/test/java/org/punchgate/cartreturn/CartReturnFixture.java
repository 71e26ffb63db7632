package org.punchgate.cartreturn;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.session.SessionStore;
import org.punchgate.token.PunchoutTokens;

/**
 * The cart return over HTTP for tests in other packages (a protocol's flow from call-up to cart), which
 * cannot reach the package-private {@link CartReturnHttp} and {@link CartTransfer} themselves.
 */
public final class CartReturnFixture {

  private CartReturnFixture() {}

  /** {@code POST /punchout/sessions/{sessionId}/cart} on the given stores and renderers. */
  public static Function<HttpRequest, HttpResponse> transfer(SessionStore sessions, PunchoutTokens tokens,
      Map<ConnectionFormat, CartRenderer> renderers, Clock clock, int maxBodyBytes) {
    return new CartReturnHttp(new CartTransfer(sessions, tokens, renderers, clock, maxBodyBytes))::transfer;
  }
}
