package org.punchgate.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.punchgate.connection.ConnectionSecrets;
import org.punchgate.lambda.HttpFunction;
import org.punchgate.lambda.Priming;
import org.punchgate.lambda.SnapStartHooks;
import org.punchgate.wiring.Wiring;

/**
 * Lambda entry for the admin API ({@code /admin/...}, IAM-authorized in template.yaml): every route group of the
 * admin API is listed here, once.
 */
public final class AdminFunction implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private final AdminRouter router;
  private final SnapStartHooks snapStart; // held here: the CRaC context keeps its resources weakly

  public AdminFunction() {
    this(Wiring.fromEnvironment(), true); // wired once per container
  }

  AdminFunction(Wiring wiring) {
    this(wiring, false);
  }

  /** Every secret and id the routes make comes from {@code wiring.ids()}, the generator renewed after a restore. */
  AdminFunction(Wiring wiring, boolean snapStart) {
    this.router = AdminRouter.of(
        new ConnectionRoutes(wiring.connections(), wiring.activity(),
            new ConnectionDrafts(wiring.secrets(), wiring.ids(), wiring.config().secretHashKey() != null),
            wiring.config().maxBodyBytes(), wiring.clock()),
        new LinkRoutes(wiring.loginLinks(), wiring.config().publicBaseUrl(), wiring.config().maxBodyBytes(),
            wiring.clock()),
        new SecretRoutes(new ConnectionSecrets(wiring.connections(), wiring.secrets(), wiring.ids(),
            wiring.clock()), wiring.config().maxBodyBytes()),
        new FormatRoutes(wiring.config().maxBodyBytes()));
    this.snapStart = !snapStart ? null : SnapStartHooks.register(
        () -> Priming.run(wiring.config(), AdminFunction::new, Priming::adminReads), wiring.ids());
  }

  SnapStartHooks snapStartHooks() {
    return snapStart;
  }

  AdminRouter router() {
    return router;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return HttpFunction.handle(event, context, request -> router.handle(route, request));
  }
}
