package org.punchgate.punchinimport;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.punchgate.http.Problem;
import org.punchgate.lambda.HttpFunction;
import org.punchgate.lambda.OrderLog;
import org.punchgate.lambda.SnapStartHooks;
import org.punchgate.punchin.PunchInHttp;
import org.punchgate.wiring.PunchInWiring;

/**
 * Lambda entry for the PunchIn import ({@code POST /punchin/orders}): a PEPPOL BIS 3, BIS 28A or cXML order
 * from the buyer's system, checked, stored, handed to the ERP queue and answered with an order response, each
 * request a call on {@link PunchInHttp}.
 */
public final class PunchInImportFunction
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String ORDERS = "POST /punchin/orders";

  private final PunchInHttp punchIn;
  private final SnapStartHooks snapStart; // held here: the CRaC context keeps its resources weakly

  public PunchInImportFunction() {
    this(PunchInWiring.fromEnvironment(OrderLog.PROBLEMS), true); // wired once per container
  }

  PunchInImportFunction(PunchInWiring wiring) {
    this(wiring, false);
  }

  private PunchInImportFunction(PunchInWiring wiring, boolean snapStart) {
    this.punchIn = wiring.http();
    this.snapStart = !snapStart ? null : SnapStartHooks.register(
        () -> ImportPriming.run(wiring.orders().common().config()), wiring.orders().common().ids());
  }

  SnapStartHooks snapStartHooks() {
    return snapStart;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return HttpFunction.handle(event, context, request -> switch (route) {
      case ORDERS -> punchIn.handle(request);
      default -> Problem.response(404, "Not found", "No such route: " + route);
    });
  }
}
