package org.punchgate.ordercompletion;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.punchgate.http.Problem;
import org.punchgate.lambda.HttpFunction;
import org.punchgate.lambda.OrderLog;
import org.punchgate.lambda.Priming;
import org.punchgate.lambda.SnapStartHooks;
import org.punchgate.orderping.OrderPingHttp;
import org.punchgate.wiring.OrderWiring;

/**
 * Lambda entry for the order ping ({@code GET} and {@code POST /orders/ping}): the procurement system's
 * approved purchase order completes a transferred cart, each request a call on {@link OrderPingHttp}.
 */
public final class OrderCompletionFunction
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  static final String PING_GET = "GET /orders/ping";
  static final String PING_POST = "POST /orders/ping";

  private final OrderPingHttp ping;
  private final SnapStartHooks snapStart; // held here: the CRaC context keeps its resources weakly

  public OrderCompletionFunction() {
    this(OrderWiring.fromEnvironment(OrderLog.PROBLEMS), true); // wired once per container
  }

  OrderCompletionFunction(OrderWiring wiring) {
    this(wiring, false);
  }

  OrderCompletionFunction(OrderWiring wiring, boolean snapStart) {
    this.ping = new OrderPingHttp(wiring.ping());
    this.snapStart = !snapStart ? null : SnapStartHooks.register(() -> Priming.run(wiring.common().config(),
        common -> new OrderCompletionFunction(Priming.orderWiring(common)), Priming::orderPing), wiring.common().ids());
  }

  SnapStartHooks snapStartHooks() {
    return snapStart;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return HttpFunction.handle(event, context, request -> switch (route) {
      case PING_GET, PING_POST -> ping.ping(request);
      default -> Problem.response(404, "Not found", "No such route: " + route);
    });
  }
}
