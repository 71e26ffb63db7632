package org.punchgate.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.json.Json;
import org.punchgate.link.LoginLinkStore;
import org.punchgate.link.LoginLinks;
import org.punchgate.security.RandomIds;
import java.time.Clock;
import org.punchgate.seed.SeedFile;

/**
 * Loads the demo connections ({@code demo/connections.json}, with {@code {{port}}} replaced by the
 * runner's port) and those of an optional seed file into the connection store. Seed files have the
 * shape {@code {"connections":[ ... ]}} of {@link ConnectionJson}, plain passwords allowed.
 */
final class DemoData {

  /**
   * A loaded connection and, where the document gave it, its plain password or cXML shared secret (for the
   * buyer simulator).
   */
  record LoadedConnection(Connection connection, String password) {}

  private DemoData() {}

  static List<LoadedConnection> loadDemo(ConnectionStore store, int port) {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/connections.json")) {
      if (in == null) {
        throw new IllegalStateException("demo/connections.json is missing from the classpath");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{port}}", Integer.toString(port));
      return load(store, Json.parse(text), "demo data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo PEPPOL connection this runner makes a login link for at start. */
  static final String DEMO_PEPPOL = "demo-peppol";

  /**
   * Makes a login link for {@code demo-peppol} that returns to the buyer simulator, and answers its URL; null
   * when the demo data has no such connection.
   */
  static String demoLoginLink(ConnectionStore connections, LoginLinkStore links, String baseUrl) {
    var made = new LoginLinks(connections, links, new RandomIds(), Clock.systemUTC())
        .create(DEMO_PEPPOL, baseUrl + PeppolBuyer.BASE + "/return", "demo-buyer@nordby.example", null, baseUrl);
    return made instanceof LoginLinks.Creation.Created created ? created.url() : null;
  }

  /** The connections of a seed file, checked first as a whole ({@link SeedFile}: every problem at once). */
  static List<LoadedConnection> loadSeed(ConnectionStore store, Path seed) {
    return load(store, Json.array().addAll(SeedFile.read(seed)), seed.toString());
  }

  private static List<LoadedConnection> load(ConnectionStore store, JsonNode root, String source) {
    JsonNode connections = root.isArray() ? root : root.path("connections");
    if (!connections.isArray()) {
      throw new IllegalArgumentException(source + ": expected {\"connections\":[ ... ]}");
    }
    SecureRandom random = new SecureRandom();
    List<LoadedConnection> loaded = new ArrayList<>();
    int index = 0;
    for (JsonNode node : connections) {
      Connection connection;
      try {
        connection = ConnectionJson.read(node, random);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + ": connections[" + index + "]: " + e.getMessage(), e);
      }
      store.put(connection);
      String secret = Json.text(node, "password");
      if (secret == null && node.has("cxml")) {
        secret = Json.text(node.get("cxml"), "sharedSecret");
      }
      loaded.add(new LoadedConnection(connection, secret));
      index++;
    }
    return loaded;
  }
}
