package org.punchgate.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.punchgate.aws.AwsClients;
import org.punchgate.cart.Classification;
import org.punchgate.config.Config;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.connection.PeppolSettings;
import org.punchgate.lambda.SampleInput;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretHash;
import org.punchgate.session.CallUp;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.wiring.Wiring;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The benchmark's view of the functions: wirings on in-memory stores or on DynamoDB (moto), the demo
 * connections seeded in them, the handlers built on a wiring, and the events of each flow.
 */
final class Flows {

  /** OCI 4.0 connection whose password is hashed with the production work factor. */
  static final String OCI = "bench-oci";
  /** The same with a one-iteration hash: the login's CPU cost without PBKDF2. */
  static final String OCI_LIGHT_HASH = "bench-oci-light";
  /** The same with a generated secret under the keyed hash (HMAC-SHA-256): what the admin API sets. */
  static final String OCI_GENERATED = "bench-oci-generated";
  /** cXML connection found by the sample Sender credential, SharedSecret hashed with the production work factor. */
  static final String CXML = "bench-cxml";
  /** PEPPOL punch-out connection, password hashed with the production work factor; default VAT S 25 %. */
  static final String PEPPOL = "bench-peppol";
  /** The same with a one-iteration hash. */
  static final String PEPPOL_LIGHT_HASH = "bench-peppol-light";
  /** The same with a generated secret under the keyed hash: since the PEPPOL login checks it too. */
  static final String PEPPOL_GENERATED = "bench-peppol-generated";
  private static final String PEPPOL_RETURN_URL = "https://proceedo.example.com/punchout/return?org=42";

  static final String LOGIN_HANDLER = "org.punchgate.login.PunchoutLoginHandler";
  static final String CART_RETURN_HANDLER = "org.punchgate.cartreturn.CartReturnHandler";
  static final String ORDER_COMPLETION_HANDLER = "org.punchgate.ordercompletion.OrderCompletionFunction";

  private static final String PRODUCTION_HASH = SecretHash.hash(SampleInput.PASSWORD, new SecureRandom());
  private static final String LIGHT_HASH = SecretHash.hash(SampleInput.PASSWORD, new SecureRandom(), 1);

  private Flows() {}

  static Wiring inMemory(Config config) {
    Clock clock = Clock.systemUTC();
    Wiring wiring = new Wiring(config, new InMemorySessionStore(), new InMemoryConnectionStore(),
        new PunchoutTokens(config.tokenSecret(), clock), new RandomIds(), clock);
    seed(wiring);
    return wiring;
  }

  static Wiring dynamoDb(Config config, ExecutionInterceptor... interceptors) {
    return Wiring.of(config, new AwsClients(config, interceptors));
  }

  static void seed(Wiring wiring) {
    ConnectionStore connections = wiring.connections();
    connections.put(SampleInput.ociConnection(OCI_GENERATED, ConnectionFormat.OCI_4_0,
        wiring.secrets().hashGenerated(SampleInput.PASSWORD)));
    connections.put(SampleInput.ociConnection(OCI, ConnectionFormat.OCI_4_0, PRODUCTION_HASH));
    connections.put(SampleInput.ociConnection(OCI_LIGHT_HASH, ConnectionFormat.OCI_4_0, LIGHT_HASH));
    connections.put(SampleInput.cxmlConnection(CXML, PRODUCTION_HASH));
    connections.put(peppolConnection(PEPPOL, PRODUCTION_HASH));
    connections.put(peppolConnection(PEPPOL_LIGHT_HASH, LIGHT_HASH));
    connections.put(peppolConnection(PEPPOL_GENERATED, wiring.secrets().hashGenerated(SampleInput.PASSWORD)));
    ImportFlow.seedConnection(wiring);
  }

  /** A PEPPOL connection for the sample cart: its unit {@code pcs} maps to the Rec 20 code H87. */
  static Connection peppolConnection(String id, String secretHash) {
    return peppolConnection(id, SampleInput.USERNAME, secretHash);
  }

  /** The same with the user {@code username}. */
  static Connection peppolConnection(String id, String username, String secretHash) {
    var settings = new PeppolSettings(null, null, false, "S", new BigDecimal("25"), null, false, null,
        new PeppolSettings.Party("0007", "5567321707", null, null, "Sample Supplier AB"),
        new PeppolSettings.Party("0007", "2120001231", null, null, "Sample Region"));
    return new Connection(id, "Sample buyer " + id, true, ConnectionFormat.PEPPOL_PUNCHOUT, "sample-buyers", null,
        username, secretHash, List.of("https://proceedo.example.com"), SampleInput.SHOP_START_URL,
        Duration.ofMinutes(30), FieldMapping.EMPTY, Map.of("pcs", "H87"), new Classification("UNSPSC", "44120000"),
        settings);
  }

  /** The login variables a PEPPOL procurement system posts. */
  static APIGatewayV2HTTPEvent peppolLogin(String connectionId) {
    String body = "USERNAME=" + encode(SampleInput.USERNAME) + "&PASSWORD=" + encode(SampleInput.PASSWORD)
        + "&RETURN_URL=" + encode(PEPPOL_RETURN_URL) + "&BUYER_REFERENCE=" + encode("jane.buyer@example.com");
    String route = "POST /punchout/peppol/{connectionId}";
    String path = "/punchout/peppol/" + connectionId;
    var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("POST").withPath(path).build();
    var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRouteKey(route)
        .withDomainName("punchout.example.com").withStage("$default").withRequestId("bench").build();
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(route).withRawPath(path).withRawQueryString("")
        .withPathParameters(Map.of("connectionId", connectionId))
        .withHeaders(Map.of("host", "punchout.example.com", "content-type", "application/x-www-form-urlencoded"))
        .withRequestContext(context).withBody(body).withIsBase64Encoded(false).build();
  }

  /** Opens a PEPPOL session (as a posted login would) and returns the shop's cart transfer for it. */
  static APIGatewayV2HTTPEvent peppolCartReturn(Wiring wiring, String cartJson) {
    Connection connection = wiring.connections().find(PEPPOL).orElseThrow();
    Instant now = wiring.clock().instant();
    Session session = new Session(wiring.ids().newId(), connection.withoutSecret(), connection.username(),
        SessionStatus.OPEN, now, now.plus(connection.sessionLifetime()),
        new CallUp.Peppol(PEPPOL_RETURN_URL, "jane.buyer@example.com", null), Map.of(), null, null, null);
    wiring.sessions().create(session, null);
    return SampleInput.cartEvent(session.id(), SampleInput.tokenFor(wiring.tokens(), session, wiring.ids()), cartJson);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A wiring whose cXML connection's SharedSecret has a one-iteration hash: the setup's CPU without PBKDF2. */
  static Wiring inMemoryLightCxml(Config config) {
    Wiring wiring = inMemory(config);
    wiring.connections().put(SampleInput.cxmlConnection(CXML, LIGHT_HASH));
    return wiring;
  }

  static APIGatewayV2HTTPEvent cxmlSetup() {
    return SampleInput.cxmlSetupEvent("bench-" + System.nanoTime() + "@buyer.example.com");
  }

  /** Opens a cXML session (as a setup and StartPage would) and returns the shop's cart transfer for it. */
  static APIGatewayV2HTTPEvent cxmlCartReturn(Wiring wiring, String cartJson) {
    Connection connection = wiring.connections().find(CXML).orElseThrow();
    Session session = SampleInput.openCxmlSession(wiring.ids().newId(), connection, wiring.clock().instant());
    wiring.sessions().create(session, null);
    return SampleInput.cartEvent(session.id(), SampleInput.tokenFor(wiring.tokens(), session, wiring.ids()), cartJson);
  }

  static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String className, Wiring wiring) {
    return handler(className, Wiring.class, wiring);
  }

  /** The order-completion handler through its tests' constructor, over {@code orders}. */
  static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String className,
      org.punchgate.wiring.OrderWiring orders) {
    return handler(className, org.punchgate.wiring.OrderWiring.class, orders);
  }

  /** A handler through its tests' constructor, the one that takes its wiring of type {@code type}. */
  static <W> RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String className, Class<W> type,
      W wiring) {
    try {
      var constructor = Class.forName(className).getDeclaredConstructor(type);
      constructor.setAccessible(true);
      @SuppressWarnings("unchecked")
      var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) constructor.newInstance(wiring);
      return handler;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + className, e);
    }
  }

  static APIGatewayV2HTTPEvent ociLogin(String connectionId) {
    return SampleInput.ociLoginEvent(connectionId, SampleInput.USERNAME, SampleInput.PASSWORD);
  }

  /** Opens a session (as a login would) and returns the shop's cart transfer for it. */
  static APIGatewayV2HTTPEvent cartReturn(Wiring wiring, String cartJson) {
    Session session = openSession(wiring);
    return SampleInput.cartEvent(session.id(), SampleInput.tokenFor(wiring.tokens(), session, wiring.ids()), cartJson);
  }

  static Session openSession(Wiring wiring) {
    Connection connection = wiring.connections().find(OCI).orElseThrow();
    Session session = SampleInput.openSession(wiring.ids().newId(), connection, wiring.clock().instant());
    wiring.sessions().create(session, null);
    return session;
  }
}
