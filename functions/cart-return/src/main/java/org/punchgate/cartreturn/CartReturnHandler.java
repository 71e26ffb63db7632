package org.punchgate.cartreturn;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.punchgate.wiring.Wiring;
import org.punchgate.http.Problem;
import org.punchgate.lambda.HttpFunction;
import org.punchgate.wiring.CartRenderers;
import org.punchgate.lambda.Priming;
import org.punchgate.lambda.SnapStartHooks;

/** Lambda entry for the shop API: session info and cart transfer, each a call on {@link CartTransfer}. */
public final class CartReturnHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final CartReturnHttp cartReturn;
  private final SnapStartHooks snapStart; // held here: the CRaC context keeps its resources weakly

  public CartReturnHandler() {
    this(Wiring.fromEnvironment(), true); // wired once per container
  }

  CartReturnHandler(Wiring wiring) {
    this(wiring, false);
  }

  CartReturnHandler(Wiring wiring, boolean snapStart) {
    this.cartReturn = new CartReturnHttp(new CartTransfer(wiring.sessions(), wiring.tokens(), CartRenderers.all(wiring),
        wiring.clock(), wiring.config().maxBodyBytes()));
    this.snapStart = !snapStart ? null : SnapStartHooks.register(
        () -> Priming.run(wiring.config(), CartReturnHandler::new, Priming::cartReturns), wiring.ids());
  }

  SnapStartHooks snapStartHooks() {
    return snapStart;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return HttpFunction.handle(event, context, request -> switch (route) {
      case "GET /punchout/sessions/{sessionId}" -> cartReturn.sessionInfo(request);
      case "POST /punchout/sessions/{sessionId}/cart" -> cartReturn.transfer(request);
      default -> Problem.response(404, "Not found", "No such route: " + route);
    });
  }
}
