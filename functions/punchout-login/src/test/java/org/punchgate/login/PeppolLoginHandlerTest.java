package org.punchgate.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.link.LoginLinks;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;

/** The PEPPOL login routes fed with {@code events/peppol-login-post.json} and {@code events/peppol-link-login.json}. */
class PeppolLoginHandlerTest {

  private static final String SECRET_PLACEHOLDER = "REPLACE-WITH-THE-SECRET-OF-A-LOGIN-LINK";

  private final InMemoryWiring memory = new InMemoryWiring();
  private final PunchoutLoginHandler handler = new PunchoutLoginHandler(memory.wiring);

  /** The session the redirect's punchout token names. */
  private Session sessionOf(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse redirect) {
    assertEquals(1, memory.sessions.size());
    String location = redirect.getHeaders().get("location");
    String token = java.net.URLDecoder.decode(location.substring(location.indexOf('=') + 1),
        java.nio.charset.StandardCharsets.US_ASCII);
    var valid = assertInstanceOf(org.punchgate.token.PunchoutTokens.Verification.Valid.class,
        memory.wiring.tokens().verify(token));
    return memory.sessions.find(valid.claims().sessionId()).orElseThrow();
  }

  private APIGatewayV2HTTPEvent linkEvent(String secret) throws IOException {
    APIGatewayV2HTTPEvent event = PunchoutLoginHandlerTest.event("peppol-link-login.json");
    event.setRawPath(event.getRawPath().replace(SECRET_PLACEHOLDER, secret));
    event.getRequestContext().getHttp().setPath(event.getRawPath());
    event.setPathParameters(Map.of("linkId", secret));
    return event;
  }

  private String newLink(String buyerReference) {
    var created = assertInstanceOf(LoginLinks.Creation.Created.class, memory.wiring.loginLinks().create("demo-peppol",
        "http://127.0.0.1:3000/buyer/peppol/return", buyerReference, null, "https://gateway.example.com"));
    return created.url().substring(created.url().lastIndexOf('/') + 1);
  }

  @Test
  void postedLoginEventOpensASessionWithTheReturnUrlAndTheBuyerReference() throws IOException {
    memory.connections.put(Fixtures.peppolConnection("demo-peppol"));
    var response = handler.handleRequest(PunchoutLoginHandlerTest.event("peppol-login-post.json"), null);
    assertEquals(302, response.getStatusCode());
    assertTrue(response.getHeaders().get("location").startsWith("http://localhost:3000/shop/?punchout_token=ey"));
    var callUp = assertInstanceOf(CallUp.Peppol.class, sessionOf(response).callUp());
    assertEquals("http://localhost:3000/buyer/peppol/return?sim=events", callUp.returnUrl());
    assertEquals("\u00c5sa \u00d6berg, ink\u00f6p", callUp.buyerReference(), "read as UTF-8, as the Content-Type says");
  }

  @Test
  void postedLoginChecksGeneratedSecretsAndAcceptsAnyUserOfTheConnection() throws IOException {
    var secrets = memory.wiring.secrets();
    var c = Fixtures.peppolConnection("demo-peppol");
    // the event logs in as demo-peppol / demo-peppol-pass: here the connection's second user, with a keyed hash
    memory.connections.put(c.withUsers(java.util.List.of(
        new org.punchgate.connection.ConnectionUser("nordby-admin", secrets.hashGenerated("another-secret")),
        new org.punchgate.connection.ConnectionUser("demo-peppol", secrets.hashGenerated("demo-peppol-pass")))));
    var response = handler.handleRequest(PunchoutLoginHandlerTest.event("peppol-login-post.json"), null);
    assertEquals(302, response.getStatusCode());
    assertEquals("demo-peppol", sessionOf(response).username());
  }

  @Test
  void postedLoginToAnOciConnectionIsUnknownAndWritesNothing() throws IOException {
    memory.connections.put(Fixtures.ociConnection("demo-peppol", org.punchgate.connection.ConnectionFormat.OCI_4_0));
    var response = handler.handleRequest(PunchoutLoginHandlerTest.event("peppol-login-post.json"), null);
    assertEquals(404, response.getStatusCode());
    assertEquals(0, memory.sessions.size());
  }

  @Test
  void loginLinkEventOpensASessionForTheLinksConnection() throws IOException {
    memory.connections.put(Fixtures.peppolConnection("demo-peppol"));
    String secret = newLink("erik.lund@nordby.example");
    var response = handler.handleRequest(linkEvent(secret), null);
    assertEquals(302, response.getStatusCode());
    var callUp = assertInstanceOf(CallUp.Peppol.class, sessionOf(response).callUp());
    assertEquals("http://127.0.0.1:3000/buyer/peppol/return", callUp.returnUrl());
    assertEquals("erik.lund@nordby.example", callUp.buyerReference());
    assertEquals(LoginLinks.idOf(secret), callUp.loginLinkId());
  }

  @Test
  void revokedOrExpiredLinksAnswer410AndUnknownOnes404WithoutNamingTheConnection() throws IOException {
    memory.connections.put(Fixtures.peppolConnection("demo-peppol"));
    String revoked = newLink(null);
    memory.wiring.loginLinks().revoke(LoginLinks.idOf(revoked));
    var gone = handler.handleRequest(linkEvent(revoked), null);
    assertEquals(410, gone.getStatusCode());
    assertTrue(gone.getHeaders().get("content-type").startsWith("text/html"));
    assertFalse(gone.getBody().contains("demo-peppol"));

    var expiring = assertInstanceOf(LoginLinks.Creation.Created.class, memory.wiring.loginLinks().create("demo-peppol",
        "http://127.0.0.1:3000/r", null, memory.clock.instant().plus(Duration.ofMinutes(5)), "https://g.example"));
    memory.clock.advance(Duration.ofMinutes(6));
    String expired = expiring.url().substring(expiring.url().lastIndexOf('/') + 1);
    assertEquals(410, handler.handleRequest(linkEvent(expired), null).getStatusCode());

    var unknown = handler.handleRequest(linkEvent("A".repeat(43)), null);
    assertEquals(404, unknown.getStatusCode());
    assertEquals(0, memory.sessions.size());
  }
}
