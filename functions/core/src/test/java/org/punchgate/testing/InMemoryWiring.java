package org.punchgate.testing;

import java.util.Map;
import org.punchgate.config.Config;
import org.punchgate.wiring.Wiring;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.security.RandomIds;
import org.punchgate.session.InMemorySessionStore;

/** A {@link Wiring} over in-memory stores and a movable clock, for handler tests without engines. */
public final class InMemoryWiring {

  public final InMemorySessionStore sessions = new InMemorySessionStore();
  public final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  public final Fixtures.MutableClock clock = Fixtures.clock();
  public final Wiring wiring;
  /** The server-side key generated connection secrets are hashed under, in these tests. */
  public static final String SECRET_HASH_KEY = "test-secret-hash-key-of-at-least-32-bytes";

  public InMemoryWiring() {
    this("https://gateway.example.com");
  }

  /** {@code publicBaseUrl} null: links are built from the request, as with the template's default. */
  public InMemoryWiring(String publicBaseUrl) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "SESSIONS_TABLE", "sessions",
        "MAPPINGS_TABLE", "mappings",
        "PUNCHOUT_TOKEN_SECRET", new String(Fixtures.TOKEN_SECRET, java.nio.charset.StandardCharsets.UTF_8),
        "SECRET_HASH_KEY", SECRET_HASH_KEY));
    if (publicBaseUrl != null) {
      env.put("PUBLIC_BASE_URL", publicBaseUrl);
    }
    Config config = Config.from(env);
    wiring = new Wiring(config, sessions, connections, Fixtures.tokens(clock), new RandomIds(), clock);
  }
}
