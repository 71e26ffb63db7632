package org.punchgate.wiring;

import org.punchgate.security.SecretVerifier;
import java.time.Clock;
import org.punchgate.aws.AwsClients;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.security.RandomIds;
import org.punchgate.aws.DynamoDbSessionStore;
import org.punchgate.aws.DynamoDbLoginLinkStore;
import org.punchgate.link.InMemoryLoginLinkStore;
import org.punchgate.link.LoginLinkStore;
import org.punchgate.link.LoginLinks;
import org.punchgate.session.SessionStore;
import org.punchgate.token.PunchoutTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import org.punchgate.config.Config;

/**
 * What every function builds once per container: configuration, the DynamoDB client, the stores, the
 * token signer, the id generator and the clock. Handlers take it in their constructor; tests and the
 * benchmark build their own with in-memory stores.
 */
public record Wiring(
    Config config,
    SessionStore sessions,
    ConnectionStore connections,
    PunchoutTokens tokens,
    RandomIds ids,
    Clock clock,
    LoginLinkStore links) {

  /** Without login links (in memory): for tests and the benchmark that do not follow links. */
  public Wiring(Config config, SessionStore sessions, ConnectionStore connections, PunchoutTokens tokens,
      RandomIds ids, Clock clock) {
    this(config, sessions, connections, tokens, ids, clock, new InMemoryLoginLinkStore());
  }

  /** The login link service over this wiring's stores. */
  public LoginLinks loginLinks() {
    return new LoginLinks(connections, links, ids, clock);
  }

  /** The login secret checker, with the server-side key for generated secrets when one is configured. */
  public SecretVerifier secrets() {
    return new SecretVerifier(config.secretHashKey(), clock);
  }

  public static Wiring fromEnvironment() {
    Config config = Config.load();
    return of(config, new AwsClients(config));
  }

  public static Wiring of(Config config, AwsClients clients) {
    DynamoDbClient dynamoDb = clients.dynamoDb();
    Clock clock = Clock.systemUTC();
    return new Wiring(
        config,
        new DynamoDbSessionStore(dynamoDb, config.sessionsTable(), config.sessionRetention()),
        new DynamoDbConnectionStore(dynamoDb, config.mappingsTable()),
        new PunchoutTokens(config.tokenSecret(), clock),
        new RandomIds(),
        clock,
        new DynamoDbLoginLinkStore(dynamoDb, config.mappingsTable()));
  }
}
