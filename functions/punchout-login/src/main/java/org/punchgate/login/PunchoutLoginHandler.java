package org.punchgate.login;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.punchgate.config.Wiring;
import org.punchgate.http.Problem;
import org.punchgate.lambda.HttpFunction;
import org.punchgate.snapstart.Priming;
import org.punchgate.snapstart.SnapStartHooks;

/** Lambda entry for the punchout login routes: turns each event into a call on a login service. */
public final class PunchoutLoginHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final OciLogin ociLogin;
  private final SnapStartHooks snapStart; // held here: the CRaC context keeps its resources weakly

  public PunchoutLoginHandler() {
    this(Wiring.fromEnvironment(), true); // wired once per container
  }

  PunchoutLoginHandler(Wiring wiring) {
    this(wiring, false);
  }

  PunchoutLoginHandler(Wiring wiring, boolean snapStart) {
    this.ociLogin = new OciLogin(wiring.connections(), wiring.sessions(), wiring.tokens(), wiring.ids(),
        wiring.clock(), wiring.config().maxBodyBytes());
    this.snapStart = !snapStart ? null : SnapStartHooks.register(
        () -> Priming.run(wiring.config(), PunchoutLoginHandler::new, Priming::ociLogin), wiring.ids());
  }

  SnapStartHooks snapStartHooks() {
    return snapStart;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return HttpFunction.handle(event, context, request -> switch (route) {
      case "GET /punchout/oci/{connectionId}", "POST /punchout/oci/{connectionId}" -> ociLogin.login(request);
      default -> Problem.response(404, "Not found", "No such route: " + route);
    });
  }
}
