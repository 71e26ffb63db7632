package org.punchgate.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.session.Session;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.InMemoryWiring;
import org.punchgate.testing.StandardError;

/** The handler fed with the sample events of {@code events/}, read by the Lambda runtime's own deserializer. */
class PunchoutLoginHandlerTest {

  private final InMemoryWiring memory = new InMemoryWiring();
  private final PunchoutLoginHandler handler = new PunchoutLoginHandler(memory.wiring);

  static APIGatewayV2HTTPEvent event(String name) throws IOException {
    Path file = Path.of("../../events", name);
    try (InputStream in = Files.newInputStream(file)) {
      return LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, PunchoutLoginHandlerTest.class.getClassLoader())
          .fromJson(in);
    }
  }

  private void demoConnection(String id, ConnectionFormat format) {
    Connection c = Fixtures.ociConnection(id, format);
    memory.connections.put(new Connection(c.id(), c.name(), true, format, "acme-buyers", c.loginParameters(), id,
        Fixtures.hash(id + "-pass"), List.of("http://localhost:3000"), "http://localhost:3000/shop/",
        c.sessionLifetime(), c.fieldMapping(), c.unitMap(), c.defaultClassification(), null));
  }

  @Test
  void aConnectionWithAGeneratedSecretLogsInThroughItsKeyedHash() throws IOException {
    Connection c = Fixtures.ociConnection("demo-oci4", ConnectionFormat.OCI_4_0);
    String secret = "demo-oci4-pass"; // stands for a generated one: the scheme does not depend on the text
    String keyed = memory.wiring.secrets().hashGenerated(secret);
    assertTrue(keyed.startsWith("hmac-sha256$"), keyed);
    memory.connections.put(new Connection(c.id(), c.name(), true, c.format(), "acme-buyers", c.loginParameters(),
        "demo-oci4", keyed, List.of("http://localhost:3000"), "http://localhost:3000/shop/", c.sessionLifetime(),
        c.fieldMapping(), c.unitMap(), c.defaultClassification(), null));
    var response = handler.handleRequest(event("oci-login-get.json"), null);
    assertEquals(302, response.getStatusCode());
    assertEquals(1, memory.sessions.size());
  }

  @Test
  void ociGetLoginEventOpensASessionAndRedirects() throws IOException {
    demoConnection("demo-oci4", ConnectionFormat.OCI_4_0);
    var response = handler.handleRequest(event("oci-login-get.json"), null);
    assertEquals(302, response.getStatusCode());
    assertTrue(response.getHeaders().get("location").startsWith("http://localhost:3000/shop/?punchout_token=ey"));
    assertEquals(1, memory.sessions.size());
  }

  @Test
  void ociFormPostInIso88591KeepsTheUmlautsOfTheReturnUrl() throws IOException {
    demoConnection("demo-oci3", ConnectionFormat.OCI_3_0);
    var response = handler.handleRequest(event("oci-login-post-form-iso-8859-1.json"), null);
    assertEquals(302, response.getStatusCode());
    String location = response.getHeaders().get("location");
    String token = java.net.URLDecoder.decode(location.substring(location.indexOf('=') + 1), java.nio.charset.StandardCharsets.US_ASCII);
    var claims = ((org.punchgate.token.PunchoutTokens.Verification.Valid) memory.wiring.tokens().verify(token)).claims();
    Session session = memory.sessions.find(claims.sessionId()).orElseThrow();
    assertEquals("http://localhost:3000/buyer/hook?sim=events&user=Jürgen", session.callUp().stored().get("HOOK_URL"));
    assertEquals("ADDI", session.callUp().stored().get("~OkCode"));
  }

  @Test
  void ociValidateEventCarriesTheFunctionIntoTheToken() throws IOException {
    demoConnection("demo-oci5", ConnectionFormat.OCI_5_0);
    var response = handler.handleRequest(event("oci-login-validate-function.json"), null);
    assertEquals(302, response.getStatusCode());
  }

  @Test
  void unknownConnectionGetsAnHtmlErrorPage() throws IOException {
    var response = handler.handleRequest(event("oci-login-get.json"), null);
    assertEquals(404, response.getStatusCode());
    assertTrue(response.getHeaders().get("content-type").startsWith("text/html"));
    assertEquals(0, memory.sessions.size());
  }

  @Test
  void anUnknownRouteIsA404() throws IOException {
    APIGatewayV2HTTPEvent event = event("oci-login-get.json");
    event.setRouteKey("GET /nothing");
    assertEquals(404, handler.handleRequest(event, null).getStatusCode());
  }

  /** A connection store whose engine fails with an Error, as an exhausted heap would. */
  private static final class FailingConnections implements org.punchgate.connection.ConnectionStore {
    @Override
    public java.util.Optional<Connection> find(String connectionId) {
      throw new OutOfMemoryError("Java heap space");
    }

    @Override
    public java.util.Optional<Connection> findByAlias(org.punchgate.connection.ConnectionAlias alias) {
      throw new StackOverflowError();
    }

    @Override
    public java.util.Optional<org.punchgate.connection.VersionedConnection> read(String connectionId) {
      throw new OutOfMemoryError("Java heap space");
    }

    @Override
    public java.util.List<org.punchgate.connection.VersionedConnection> list() {
      throw new OutOfMemoryError("Java heap space");
    }

    @Override
    public org.punchgate.connection.ConnectionChange create(Connection connection) {
      throw new UnsupportedOperationException("logins never write connections");
    }

    @Override
    public org.punchgate.connection.ConnectionChange replace(Connection connection, long expectedVersion) {
      throw new UnsupportedOperationException("logins never write connections");
    }

    @Override
    public org.punchgate.connection.ConnectionChange delete(String connectionId, long expectedVersion) {
      throw new UnsupportedOperationException("logins never write connections");
    }
  }

  @Test
  void anyThrowableIsTheProtocolsOwn500() throws IOException {
    var w = memory.wiring;
    var failing = new PunchoutLoginHandler(new org.punchgate.wiring.Wiring(w.config(), w.sessions(),
        new FailingConnections(), w.tokens(), w.ids(), w.clock()));
    var ociEvent = event("oci-login-get.json");
    var cxmlEvent = event("cxml-setup-create.json");
    var ociCaptured = StandardError.capture(() -> failing.handleRequest(ociEvent, null));
    assertTrue(ociCaptured.text().contains("java.lang.OutOfMemoryError"), ociCaptured.text());
    var oci = ociCaptured.value();
    assertEquals(500, oci.getStatusCode());
    assertTrue(oci.getHeaders().get("content-type").startsWith("text/html"), oci.getHeaders().toString());
    assertTrue(oci.getBody().contains("correlation id"), oci.getBody());
    var cxmlCaptured = StandardError.capture(() -> failing.handleRequest(cxmlEvent, null));
    assertTrue(cxmlCaptured.text().contains("java.lang.StackOverflowError"), cxmlCaptured.text());
    var cxml = cxmlCaptured.value();
    assertEquals(500, cxml.getStatusCode());
    String body = cxml.getIsBase64Encoded() ? new String(java.util.Base64.getDecoder().decode(cxml.getBody()),
        java.nio.charset.StandardCharsets.UTF_8) : cxml.getBody();
    assertTrue(body.contains("<Status code=\"500\""), body);
  }
}
