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

  public InMemoryWiring() {
    Config config = Config.from(Map.of(
        "SESSIONS_TABLE", "sessions",
        "MAPPINGS_TABLE", "mappings",
        "PUNCHOUT_TOKEN_SECRET", new String(Fixtures.TOKEN_SECRET, java.nio.charset.StandardCharsets.UTF_8),
        "PUBLIC_BASE_URL", "https://gateway.example.com"));
    wiring = new Wiring(config, sessions, connections, Fixtures.tokens(clock), new RandomIds(), clock);
  }
}
