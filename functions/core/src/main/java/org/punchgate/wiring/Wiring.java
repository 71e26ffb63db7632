package org.punchgate.wiring;

import org.punchgate.security.SecretVerifier;
import java.time.Clock;
import java.util.function.Supplier;
import org.punchgate.aws.AwsClients;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.aws.DynamoDbLoginLinkStore;
import org.punchgate.aws.DynamoDbSessionActivity;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.config.Config;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.link.InMemoryLoginLinkStore;
import org.punchgate.link.LoginLinkStore;
import org.punchgate.link.LoginLinks;
import org.punchgate.security.RandomIds;
import org.punchgate.session.SessionActivity;
import org.punchgate.session.SessionStore;
import org.punchgate.token.PunchoutTokens;

/**
 * What a function is built from, once per container: configuration, the stores, the token signer, the id
 * generator and the clock. Each part is built when a function first asks for it, so a function builds only
 * what it uses (the cart return never builds a connection or link store, the admin function no session
 * store). Handlers take it in their constructor; tests and the benchmark pass in-memory stores.
 */
public final class Wiring {

  private final Config config;
  private final Once<SessionStore> sessions;
  private final Once<ConnectionStore> connections;
  private final Once<PunchoutTokens> tokens;
  private final Once<LoginLinkStore> links;
  private final Once<SecretVerifier> secrets;
  private final Once<SessionActivity> activity;
  private final RandomIds ids;
  private final Clock clock;

  /** Parts built already, login links in memory: tests, the benchmark and SnapStart priming. */
  public Wiring(Config config, SessionStore sessions, ConnectionStore connections, PunchoutTokens tokens,
      RandomIds ids, Clock clock) {
    this(config, () -> sessions, () -> connections, () -> tokens, InMemoryLoginLinkStore::new,
        () -> activityOf(sessions), ids, clock);
  }

  private Wiring(Config config, Supplier<SessionStore> sessions, Supplier<ConnectionStore> connections,
      Supplier<PunchoutTokens> tokens, Supplier<LoginLinkStore> links, Supplier<SessionActivity> activity,
      RandomIds ids, Clock clock) {
    this.config = config;
    this.sessions = new Once<>(sessions);
    this.connections = new Once<>(connections);
    this.tokens = new Once<>(tokens);
    this.links = new Once<>(links);
    this.secrets = new Once<>(() -> new SecretVerifier(config.secretHashKey(), clock));
    this.activity = new Once<>(activity);
    this.ids = ids;
    this.clock = clock;
  }

  /** Parts built on first use from the given factories (login links in memory). */
  public static Wiring lazy(Config config, Supplier<SessionStore> sessions, Supplier<ConnectionStore> connections,
      Supplier<PunchoutTokens> tokens, RandomIds ids, Clock clock) {
    Once<SessionStore> once = new Once<>(sessions);
    return new Wiring(config, once, connections, tokens, InMemoryLoginLinkStore::new, () -> activityOf(once.get()),
        ids, clock);
  }

  /** In-memory session stores tell a connection's activity themselves. */
  private static SessionActivity activityOf(SessionStore sessions) {
    if (sessions instanceof SessionActivity activity) {
      return activity;
    }
    throw new IllegalStateException("this session store cannot tell a connection's activity: "
        + sessions.getClass().getSimpleName());
  }

  /**
   * The login secret checker, with the server-side key for generated secrets when one is configured; one per
   * container, shared by the logins, so that an unknown name costs what the last real check cost.
   */
  public SecretVerifier secrets() {
    return secrets.get();
  }

  public static Wiring fromEnvironment() {
    Config config = Config.load();
    return of(config, new AwsClients(config));
  }

  public static Wiring of(Config config, AwsClients clients) {
    Clock clock = Clock.systemUTC(); // the stores share the one client of clients, built on first use
    return new Wiring(config,
        () -> new DynamoDbSessionStore(clients.dynamoDb(), config.sessionsTable(), config.sessionRetention()),
        () -> new DynamoDbConnectionStore(clients.dynamoDb(), config.mappingsTable()),
        () -> new PunchoutTokens(config.tokenSecret(), clock),
        () -> new DynamoDbLoginLinkStore(clients.dynamoDb(), config.mappingsTable()),
        () -> new DynamoDbSessionActivity(clients.dynamoDb(), config.sessionsTable()),
        new RandomIds(),
        clock);
  }

  /** The login link service over this wiring's stores. */
  public LoginLinks loginLinks() {
    return new LoginLinks(connections(), links(), ids, clock);
  }

  public Config config() {
    return config;
  }

  public SessionStore sessions() {
    return sessions.get();
  }

  public ConnectionStore connections() {
    return connections.get();
  }

  public PunchoutTokens tokens() {
    return tokens.get();
  }

  public LoginLinkStore links() {
    return links.get();
  }

  /** A connection's last login and open sessions (the admin list). */
  public SessionActivity activity() {
    return activity.get();
  }

  public RandomIds ids() {
    return ids;
  }

  public Clock clock() {
    return clock;
  }

  /** A part built by its factory on the first {@link #get()}, then kept. */
  static final class Once<T> implements Supplier<T> {
    private final Supplier<T> factory;
    private T value;

    Once(Supplier<T> factory) {
      this.factory = factory;
    }

    @Override
    public synchronized T get() {
      if (value == null) {
        value = factory.get();
      }
      return value;
    }
  }
}
