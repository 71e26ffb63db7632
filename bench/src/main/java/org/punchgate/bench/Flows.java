package org.punchgate.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.security.SecureRandom;
import java.time.Clock;
import org.punchgate.aws.AwsClients;
import org.punchgate.config.Config;
import org.punchgate.wiring.Wiring;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretHash;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.session.Session;
import org.punchgate.lambda.SampleInput;
import org.punchgate.token.PunchoutTokens;
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
  /** cXML connection found by the sample Sender credential, SharedSecret hashed with the production work factor. */
  static final String CXML = "bench-cxml";

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
    seed(wiring.connections());
    return wiring;
  }

  static Wiring dynamoDb(Config config, ExecutionInterceptor... interceptors) {
    return Wiring.of(config, new AwsClients(config, interceptors));
  }

  static void seed(ConnectionStore connections) {
    connections.put(SampleInput.ociConnection(OCI, ConnectionFormat.OCI_4_0, PRODUCTION_HASH));
    connections.put(SampleInput.ociConnection(OCI_LIGHT_HASH, ConnectionFormat.OCI_4_0, LIGHT_HASH));
    connections.put(SampleInput.cxmlConnection(CXML, PRODUCTION_HASH));
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
    try {
      var constructor = Class.forName(className).getDeclaredConstructor(Wiring.class); // the tests' constructor
      constructor.setAccessible(true);
      @SuppressWarnings("unchecked")
      var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) constructor.newInstance(wiring);
      return handler;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + className, e);
    }
  }

  /** The order-completion handler through its tests' constructor, over {@code orders}. */
  static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler(String className,
      org.punchgate.wiring.OrderWiring orders) {
    try {
      var constructor = Class.forName(className).getDeclaredConstructor(org.punchgate.wiring.OrderWiring.class);
      constructor.setAccessible(true);
      @SuppressWarnings("unchecked")
      var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) constructor.newInstance(orders);
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
