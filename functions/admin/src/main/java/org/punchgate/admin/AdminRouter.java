package org.punchgate.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;

/**
 * The admin API's routes by API Gateway route key ({@code POST /admin/connections/{connectionId}/links}). Each
 * group of routes (login links today, connections later) registers itself through {@link Group}; the function
 * lists its groups in one place ({@link AdminFunction}). A route key registered twice is a wiring mistake and
 * fails at start.
 */
public final class AdminRouter {

  /** A set of admin routes that belong together. */
  public interface Group {
    void register(AdminRouter router);
  }

  private final Map<String, Function<HttpRequest, HttpResponse>> routes = new LinkedHashMap<>();

  public static AdminRouter of(Group... groups) {
    AdminRouter router = new AdminRouter();
    for (Group group : groups) {
      group.register(router);
    }
    return router;
  }

  public AdminRouter route(String routeKey, Function<HttpRequest, HttpResponse> handler) {
    if (routes.putIfAbsent(routeKey, handler) != null) {
      throw new IllegalStateException("admin route registered twice: " + routeKey);
    }
    return this;
  }

  public Set<String> routeKeys() {
    return routes.keySet();
  }

  public HttpResponse handle(String routeKey, HttpRequest request) {
    var handler = routes.get(routeKey);
    return handler == null ? Problem.response(404, "Not found", "No such route: " + routeKey) : handler.apply(request);
  }
}
