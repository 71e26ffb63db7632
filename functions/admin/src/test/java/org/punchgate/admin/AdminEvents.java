package org.punchgate.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** Admin API requests as API Gateway hands them to the admin function: a route key, a path and a JSON body. */
final class AdminEvents {

  private AdminEvents() {}

  /** @param query the raw query string, or null; @param body the JSON body, or null */
  static APIGatewayV2HTTPEvent event(String routeKey, String path, Map<String, String> pathParameters, String query,
                                     String body) {
    var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(routeKey.substring(0, routeKey.indexOf(' ')));
    http.setPath(path);
    var context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    var event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(routeKey);
    event.setRawPath(path);
    event.setRawQueryString(query);
    event.setRequestContext(context);
    event.setPathParameters(pathParameters);
    event.setHeaders(Map.of("content-type", "application/json"));
    event.setBody(body);
    return event;
  }
}
