package org.punchgate.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.punchgate.config.Config;
import org.punchgate.wiring.Wiring;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.link.LoginLinks;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretHash;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.wiring.OrderWiring;
import org.punchgate.token.PunchoutTokens;

/**
 * Runs the real request path of a function on {@link SampleInput} before a SnapStart snapshot, so that the
 * classes it loads and the code it warms are in the snapshot: HTTP bridge, form and JSON parsing, password
 * hash, session, token sign and verify, cart mapping and rendering, order ping and admin reads. Everything runs
 * against in-memory stores (and an in-memory orders queue) of a throw-away {@link Wiring}: priming never writes to
 * AWS and leaves nothing behind.
 */
public final class Priming {

  public static final String CONNECTION_ID = "priming-oci";
  public static final String CXML_CONNECTION_ID = "priming-cxml";
  public static final String PEPPOL_CONNECTION_ID = "priming-peppol";
  /** Enough to run the PBKDF2 code; the work factor of real connections does not change which code runs. */
  private static final int PRIMING_HASH_ITERATIONS = 1_000;
  private static final int CART_LINES = 20;
  private static final String BASE_URL = "https://punchout.example.com";

  private final Wiring wiring;

  private Priming(Wiring wiring) {
    this.wiring = wiring;
  }

  /** A throw-away wiring with in-memory stores that hold one sample connection per OCI version. */
  public static Priming inMemory(Config config) {
    Clock clock = Clock.systemUTC();
    var connections = new InMemoryConnectionStore();
    String hash = SecretHash.hash(SampleInput.PASSWORD, new SecureRandom(), PRIMING_HASH_ITERATIONS);
    connections.put(SampleInput.ociConnection(CONNECTION_ID, ConnectionFormat.OCI_4_0, hash));
    connections.put(SampleInput.cxmlConnection(CXML_CONNECTION_ID, hash));
    connections.put(SampleInput.peppolConnection(PEPPOL_CONNECTION_ID, hash));
    return new Priming(new Wiring(config, new InMemorySessionStore(), connections,
        new PunchoutTokens(config.tokenSecret(), clock), new RandomIds(), clock));
  }

  public Wiring wiring() {
    return wiring;
  }

  /** Sends the sample OCI call-up through a login handler built on {@link #wiring()}. */
  public APIGatewayV2HTTPResponse ociLogin(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    return handler.handleRequest(
        SampleInput.ociLoginEvent(CONNECTION_ID, SampleInput.USERNAME, SampleInput.PASSWORD), null);
  }

  /** Sends the sample cXML PunchOutSetupRequest through a login handler built on {@link #wiring()}. */
  public APIGatewayV2HTTPResponse cxmlSetup(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    return handler.handleRequest(SampleInput.cxmlSetupEvent("priming-" + wiring.ids().newId(8) + "@punchgate"), null);
  }

  /** The PEPPOL posted login through a login handler built on {@link #wiring()}. */
  public APIGatewayV2HTTPResponse peppolLogin(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    return handler.handleRequest(SampleInput.peppolLoginEvent(PEPPOL_CONNECTION_ID), null);
  }

  /** Makes a login link in the in-memory link store and follows it through a login handler. */
  public APIGatewayV2HTTPResponse linkLogin(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    var created = (LoginLinks.Creation.Created) wiring.loginLinks().create(PEPPOL_CONNECTION_ID,
        SampleInput.PEPPOL_RETURN_URL, "Jane Buyer, purchasing", null, BASE_URL);
    String secret = created.url().substring(created.url().lastIndexOf('/') + 1);
    return handler.handleRequest(SampleInput.loginLinkEvent(secret), null);
  }

  /** Everything the login function answers: the OCI call-up, the cXML setup request, both PEPPOL logins. */
  public void login(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    ociLogin(handler);
    cxmlSetup(handler);
    peppolLogin(handler);
    linkLogin(handler);
  }

  /** Both cart formats through the cart-return function: an OCI session and a cXML session. */
  public void cartReturns(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    cartReturn(handler);
    Connection cxml = wiring.connections().find(CXML_CONNECTION_ID).orElseThrow();
    Session session = SampleInput.openCxmlSession(wiring.ids().newId(), cxml, wiring.clock().instant());
    wiring.sessions().create(session, null);
    String token = SampleInput.tokenFor(wiring.tokens(), session, wiring.ids());
    handler.handleRequest(SampleInput.cartEvent(session.id(), token, SampleInput.cartJson(CART_LINES)), null);
  }

  /** Opens a sample session and sends a sample cart through a cart-return handler built on {@link #wiring()}. */
  public APIGatewayV2HTTPResponse cartReturn(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    Connection connection = wiring.connections().find(CONNECTION_ID).orElseThrow();
    Session session = SampleInput.openSession(wiring.ids().newId(), connection, wiring.clock().instant());
    wiring.sessions().create(session, null);
    String token = SampleInput.tokenFor(wiring.tokens(), session, wiring.ids());
    return handler.handleRequest(SampleInput.cartEvent(session.id(), token, SampleInput.cartJson(CART_LINES)), null);
  }

  /**
   * The order functions' parts over a priming wiring: its in-memory session store and outbox, a queue in memory.
   * A hand-off problem cannot reach AWS here, so it is not logged.
   */
  public static OrderWiring orderWiring(Wiring wiring) {
    var sessions = (InMemorySessionStore) wiring.sessions();
    return OrderWiring.of(wiring, sessions, new InMemoryOrderQueue(), sessions.outbox(), (id, step, error) -> {});
  }

  /** Transfers a sample OCI cart and sends the order ping for it through a handler built on {@link #orderWiring}. */
  public APIGatewayV2HTTPResponse orderPing(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    Connection connection = wiring.connections().find(CONNECTION_ID).orElseThrow();
    Session session = SampleInput.openSession(wiring.ids().newId(), connection, wiring.clock().instant());
    wiring.sessions().create(session, null);
    wiring.sessions().close(session.id(), SessionStatus.TRANSFERRED, SampleInput.cart(CART_LINES),
        wiring.clock().instant());
    return handler.handleRequest(SampleInput.orderPingEvent(session.id(), "PO-PRIMING-1"), null);
  }

  /** The admin function's read-only requests: the connection list, one connection and its login links. */
  public List<APIGatewayV2HTTPResponse> adminReads(
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
    return Stream.of(
        SampleInput.adminReadEvent("GET /admin/connections", "/admin/connections", Map.of()),
        SampleInput.adminReadEvent("GET /admin/connections/{connectionId}", "/admin/connections/" + CONNECTION_ID,
            Map.of("connectionId", CONNECTION_ID)),
        SampleInput.adminReadEvent("GET /admin/connections/{connectionId}/links",
            "/admin/connections/" + PEPPOL_CONNECTION_ID + "/links", Map.of("connectionId", PEPPOL_CONNECTION_ID)))
        .map(event -> handler.handleRequest(event, null)).toList();
  }

  /**
   * Builds a handler on a fresh in-memory wiring and runs {@code requests} through it; a failure is reported
   * and swallowed, because a function that primes badly still answers correctly, only slower.
   */
  public static <H> void run(Config config, Function<Wiring, H> handlerFactory, PrimingRequests<H> requests) {
    try {
      Priming priming = inMemory(config);
      requests.send(priming, handlerFactory.apply(priming.wiring()));
    } catch (RuntimeException e) {
      JsonLog.line().put("message", "SnapStart priming failed").error(e).problem("WARN");
    }
  }

  /** The requests one function primes with. */
  @FunctionalInterface
  public interface PrimingRequests<H> {
    void send(Priming priming, H handler);
  }
}
