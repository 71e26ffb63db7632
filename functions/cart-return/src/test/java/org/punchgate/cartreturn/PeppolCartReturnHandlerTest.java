package org.punchgate.cartreturn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.punchgate.http.HttpResponse;
import org.punchgate.lambda.HttpFunction;
import org.punchgate.peppol.PeppolLogin;
import org.punchgate.peppol.PeppolLoginHttp;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;

/**
 * A cart transfer to a PEPPOL session ({@code events/peppol-cart-transfer.json}) after the posted login of
 * {@code events/peppol-login-post.json}: the buyer's browser gets a form with the Base64 Catalogue in {@code cart}.
 */
class PeppolCartReturnHandlerTest {

  private static final Pattern CART_FIELD = Pattern.compile("name=\"cart\" value=\"([^\"]+)\"");

  private final InMemoryWiring memory = new InMemoryWiring();
  private final CartReturnHandler handler = new CartReturnHandler(memory.wiring);

  private record Login(String sessionId, String token) {}

  private Login login() throws IOException {
    memory.connections.put(Fixtures.peppolConnection("demo-peppol"));
    var login = new PeppolLoginHttp(new PeppolLogin(memory.connections, memory.sessions, memory.wiring.loginLinks(),
        memory.wiring.tokens(), memory.wiring.ids(), memory.clock), 1 << 20);
    HttpResponse redirect = login.postedLogin(HttpFunction.toRequest(CartReturnHandlerTest.event("peppol-login-post.json")));
    assertEquals(302, redirect.status());
    String location = redirect.headers().get("location");
    return new Login(redirect.sessionId(),
        URLDecoder.decode(location.substring(location.indexOf('=') + 1), StandardCharsets.US_ASCII));
  }

  private APIGatewayV2HTTPResponse transfer(Login login) throws IOException {
    APIGatewayV2HTTPEvent event = CartReturnHandlerTest.event("peppol-cart-transfer.json");
    event.setRawPath(event.getRawPath().replace("REPLACE-WITH-SESSION-ID", login.sessionId()));
    event.getRequestContext().getHttp().setPath(event.getRawPath());
    event.setPathParameters(Map.of("sessionId", login.sessionId()));
    event.getHeaders().put("authorization", "Bearer " + login.token());
    return handler.handleRequest(event, null);
  }

  @Test
  void cartTransferEventPostsTheBase64CatalogueToTheReturnUrl() throws IOException {
    Login login = login();
    var response = transfer(login);
    assertEquals(200, response.getStatusCode(), response.getBody());
    String page = response.getBody();
    assertTrue(page.contains("action=\"http://localhost:3000/buyer/peppol/return?sim=events\""), page);
    Matcher field = CART_FIELD.matcher(page);
    assertTrue(field.find());
    String xml = new String(Base64.getDecoder().decode(field.group(1)), StandardCharsets.UTF_8);
    assertTrue(xml.contains("<cbc:CustomizationID>urn:fdc:peppol.eu:poacc:trns:punch_out:3</cbc:CustomizationID>"));
    assertTrue(xml.contains("<cbc:ID>" + login.sessionId() + "</cbc:ID>"), "Catalogue ID = the cart id = the session id");
    assertTrue(xml.contains("<cbc:IssueDate>" + memory.clock.instant().toString().substring(0, 10) + "</cbc:IssueDate>"),
        "IssueDate from the wiring's clock");
    assertTrue(xml.contains("\u00c5sa \u00d6berg, ink\u00f6p"), "buyer reference in ReceiverParty/Contact/ID");
    assertTrue(xml.contains("<cbc:Percent>25</cbc:Percent>"), "the connection's default VAT for lines without one");
    assertTrue(xml.contains("<cbc:Percent>12</cbc:Percent>"), "a line's own VAT");
    assertTrue(xml.contains("<cbc:Value>DRL-18V-KIT</cbc:Value>"), "the battery is PartOf the kit");

    assertEquals(200, transfer(login).getStatusCode(), "the same transfer again is a replay of the same form");
  }
}
