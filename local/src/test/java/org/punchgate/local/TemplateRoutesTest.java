package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRoutesTest {

  private final TemplateRoutes routes = TemplateRoutes.from(SamTemplate.read(LocalEnginesExtension.TEMPLATE));

  @Test
  void readsEveryHttpApiEventOfTheTemplateWithItsHandler() {
    var keys = routes.routes().stream().map(r -> r.routeKey() + " -> " + r.handlerClass()).toList();
    assertTrue(keys.contains("GET /punchout/oci/{connectionId} -> org.punchgate.login.PunchoutLoginHandler"), keys::toString);
    assertTrue(keys.contains("POST /punchout/oci/{connectionId} -> org.punchgate.login.PunchoutLoginHandler"), keys::toString);
    assertTrue(keys.contains("GET /punchout/sessions/{sessionId} -> org.punchgate.cartreturn.CartReturnHandler"), keys::toString);
    assertTrue(keys.contains("POST /punchout/sessions/{sessionId}/cart -> org.punchgate.cartreturn.CartReturnHandler"), keys::toString);
    assertEquals("org.punchgate.login.PunchoutLoginHandler", routes.handlers().get("PunchoutLoginFunction"));
    assertEquals("org.punchgate.cartreturn.CartReturnHandler", routes.handlers().get("CartReturnFunction"));
  }

  @Test
  void matchesMethodAndPathAndExtractsPathParameters() {
    var login = routes.match("POST", "/punchout/oci/demo-oci4").orElseThrow();
    assertEquals("POST /punchout/oci/{connectionId}", login.route().routeKey());
    assertEquals(Map.of("connectionId", "demo-oci4"), login.pathParameters());

    var cart = routes.match("POST", "/punchout/sessions/s-123/cart").orElseThrow();
    assertEquals("CartReturnFunction", cart.route().functionId());
    assertEquals(Map.of("sessionId", "s-123"), cart.pathParameters());
  }

  @Test
  void answersNothingForAnotherMethodOrAnUnknownPath() {
    assertTrue(routes.match("DELETE", "/punchout/oci/demo-oci4").isEmpty());
    assertTrue(routes.match("GET", "/punchout/sessions/s-123/cart").isEmpty());
    assertTrue(routes.match("GET", "/punchout/oci/").isEmpty());
    assertTrue(routes.match("GET", "/punchout/oci/a/b").isEmpty());
    assertTrue(routes.match("GET", "/nothing").isEmpty());
  }

  @Test
  void prefersLiteralSegmentsThenParametersThenGreedyParameters() {
    var r = new TemplateRoutes(List.of(
        new TemplateRoutes.Route("F1", "Any", "h.Any", "ANY", "/{proxy+}"),
        new TemplateRoutes.Route("F2", "Param", "h.Param", "GET", "/items/{id}"),
        new TemplateRoutes.Route("F3", "Literal", "h.Literal", "GET", "/items/new")));
    assertEquals("F3", r.match("GET", "/items/new").orElseThrow().route().functionId());
    assertEquals("F2", r.match("GET", "/items/42").orElseThrow().route().functionId());
    var greedy = r.match("POST", "/items/42/parts").orElseThrow();
    assertEquals("F1", greedy.route().functionId());
    assertEquals(Map.of("proxy", "items/42/parts"), greedy.pathParameters());
  }
}
