package org.punchgate.login;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.punchgate.wiring.Wiring;
import org.punchgate.cxml.CxmlSetupHttp;
import org.punchgate.cxml.CxmlSetupService;
import org.punchgate.cxml.CxmlStartPage;
import java.nio.charset.StandardCharsets;
import org.punchgate.http.Html;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.lambda.HttpFunction;
import org.punchgate.lambda.Priming;
import org.punchgate.lambda.SnapStartHooks;
import org.punchgate.oci.OciLogin;
import org.punchgate.oci.OciLoginHttp;
import org.punchgate.peppol.PeppolLogin;
import org.punchgate.peppol.PeppolLoginHttp;

/** Lambda entry for the punchout login routes: turns each event into a call on a login service. */
public final class PunchoutLoginHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

  private static final String CXML_SETUP_ROUTE = "POST /punchout/cxml";

  private final OciLoginHttp ociLogin;
  private final CxmlSetupHttp cxmlSetup;
  private final CxmlStartPage cxmlStartPage;
  private final PeppolLoginHttp peppolLogin;
  private final SnapStartHooks snapStart; // held here: the CRaC context keeps its resources weakly

  public PunchoutLoginHandler() {
    this(Wiring.fromEnvironment(), true); // wired once per container
  }

  PunchoutLoginHandler(Wiring wiring) {
    this(wiring, false);
  }

  PunchoutLoginHandler(Wiring wiring, boolean snapStart) {
    this.ociLogin = new OciLoginHttp(new OciLogin(wiring.connections(), wiring.sessions(), wiring.tokens(), wiring.ids(),
        wiring.clock(), wiring.secrets()), wiring.config().maxBodyBytes());
    this.cxmlSetup = new CxmlSetupHttp(new CxmlSetupService(wiring.connections(), wiring.sessions(), wiring.ids(),
        wiring.clock(), wiring.secrets()), wiring.ids(), wiring.clock(), wiring.config().publicBaseUrl(),
        wiring.config().maxBodyBytes());
    this.peppolLogin = new PeppolLoginHttp(new PeppolLogin(wiring.connections(), wiring.sessions(),
        wiring.loginLinks(), wiring.tokens(), wiring.ids(), wiring.clock(), wiring.secrets()),
        wiring.config().maxBodyBytes());
    this.cxmlStartPage = new CxmlStartPage(wiring.sessions(), wiring.tokens(), wiring.ids(), wiring.clock());
    this.snapStart = !snapStart ? null : SnapStartHooks.register(
        () -> Priming.run(wiring.config(), PunchoutLoginHandler::new, Priming::login), wiring.ids());
  }

  SnapStartHooks snapStartHooks() {
    return snapStart;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey() == null ? "" : event.getRouteKey();
    return HttpFunction.handle(event, context, request -> switch (route) {
      case "GET /punchout/oci/{connectionId}", "POST /punchout/oci/{connectionId}" -> ociLogin.login(request);
      case CXML_SETUP_ROUTE -> cxmlSetup.handle(request);
      case "GET /punchout/cxml/start/{sessionId}" -> cxmlStartPage.handle(request);
      case "POST /punchout/peppol/{connectionId}" -> peppolLogin.postedLogin(request);
      case "GET /punchout/link/{linkId}" -> peppolLogin.linkLogin(request);
      default -> Problem.response(404, "Not found", "No such route: " + route);
    }, correlationId -> switch (route) { // each caller gets a 500 it can show: cXML, an HTML page, a problem
      case CXML_SETUP_ROUTE -> cxmlSetup.internalError(correlationId);
      case "GET /punchout/oci/{connectionId}", "POST /punchout/oci/{connectionId}",
           "GET /punchout/cxml/start/{sessionId}" -> HttpResponse.html(500, Html.errorPage("Punchout failed",
          "Something went wrong on our side (correlation id " + correlationId + "). Please start the punchout again"
              + " from your purchasing system."), StandardCharsets.UTF_8);
      default -> Problem.internalError(correlationId);
    });
  }
}
