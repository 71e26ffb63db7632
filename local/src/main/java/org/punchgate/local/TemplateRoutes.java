package org.punchgate.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API routes of the template: every {@code HttpApi} event of every function, with the function's
 * handler class. Matching follows API Gateway: a {@code {name}} segment matches one path segment, a
 * {@code {name+}} segment the rest of the path, {@code ANY} every method, and the most specific route wins.
 */
public final class TemplateRoutes {

  /** One route: {@code routeKey} is API Gateway's {@code "METHOD /path/{param}"}. */
  public record Route(String functionId, String eventName, String handlerClass, String method, String path) {

    public String routeKey() {
      return method + " " + path;
    }

    List<String> segments() {
      return TemplateRoutes.segments(path);
    }
  }

  /** A matched route with its path parameters (decoded as sent, like API Gateway). */
  public record Match(Route route, Map<String, String> pathParameters) {}

  private final List<Route> routes;
  private final List<Route> byPriority;

  TemplateRoutes(List<Route> routes) {
    this.routes = List.copyOf(routes);
    this.byPriority = routes.stream().sorted(TemplateRoutes::bySpecificity).toList();
  }

  public static TemplateRoutes from(SamTemplate template) {
    List<Route> routes = new ArrayList<>();
    String globalHandler = template.functionGlobal("Handler").asText(null);
    template.resources(SamTemplate.SERVERLESS_FUNCTION).forEach((functionId, properties) -> {
      String handler = properties.path("Handler").asText(globalHandler);
      if (handler == null) {
        throw new IllegalArgumentException("function " + functionId + " has no Handler");
      }
      String handlerClass = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
      properties.path("Events").properties().forEach(e -> {
        JsonNode event = e.getValue();
        if ("HttpApi".equals(event.path("Type").asText())) {
          JsonNode p = event.path("Properties");
          routes.add(new Route(functionId, e.getKey(), handlerClass,
              p.path("Method").asText("ANY").toUpperCase(Locale.ROOT).replace("*", "ANY"),
              p.path("Path").asText("/{proxy+}")));
        }
      });
    });
    return new TemplateRoutes(routes);
  }

  /** All routes in template order. */
  public List<Route> routes() {
    return routes;
  }

  /** The handler classes of all routed functions, by function logical id. */
  public Map<String, String> handlers() {
    Map<String, String> handlers = new LinkedHashMap<>();
    routes.forEach(r -> handlers.put(r.functionId(), r.handlerClass()));
    return handlers;
  }

  /** The route for a request, or empty when none matches (API Gateway answers 404). */
  public Optional<Match> match(String method, String rawPath) {
    List<String> actual = segments(rawPath);
    for (Route route : byPriority) {
      if (!route.method().equals("ANY") && !route.method().equalsIgnoreCase(method)) {
        continue;
      }
      Map<String, String> parameters = matchSegments(route.segments(), actual);
      if (parameters != null) {
        return Optional.of(new Match(route, parameters));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> matchSegments(List<String> pattern, List<String> actual) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String segment = pattern.get(i);
      if (segment.startsWith("{") && segment.endsWith("+}")) {
        if (i >= actual.size()) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 2), String.join("/", actual.subList(i, actual.size())));
        return parameters;
      }
      if (i >= actual.size()) {
        return null;
      }
      String value = actual.get(i);
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (value.isEmpty()) {
          return null;
        }
        parameters.put(segment.substring(1, segment.length() - 1), value);
      } else if (!segment.equals(value)) {
        return null;
      }
    }
    return pattern.size() == actual.size() ? parameters : null;
  }

  /**
   * Most specific first, segment by segment: a literal before a {@code {param}} before a greedy
   * {@code {param+}}; then the longer path; then a named method before {@code ANY}.
   */
  private static int bySpecificity(Route a, Route b) {
    List<String> x = a.segments();
    List<String> y = b.segments();
    for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
      int c = Integer.compare(rank(y.get(i)), rank(x.get(i)));
      if (c != 0) {
        return c;
      }
    }
    int c = Integer.compare(y.size(), x.size());
    return c != 0 ? c : Boolean.compare(a.method().equals("ANY"), b.method().equals("ANY"));
  }

  private static int rank(String segment) {
    return segment.endsWith("+}") ? 0 : segment.startsWith("{") ? 1 : 2;
  }

  static List<String> segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.isEmpty()) {
      return List.of();
    }
    return List.of(trimmed.split("/", -1));
  }
}
