package org.punchgate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.connection.VersionedConnection;
import org.punchgate.json.Json;
import org.punchgate.security.SecretVerifier;

/**
 * A connection as the admin API answers with it: the seed shape ({@link ConnectionJson}) with its {@code version},
 * and in place of every stored secret hash only what an administrator needs to know about it ({@link #secret}).
 * A hash is never returned: with a chosen password it would let anyone who reads the answer guess offline.
 */
final class ConnectionDocument {

  static final String SECRET_HASH = "secretHash";

  private ConnectionDocument() {}

  static ObjectNode of(VersionedConnection stored) {
    ObjectNode storedJson = ConnectionJson.write(stored.connection());
    ObjectNode n = Json.object();
    n.put("id", stored.id());
    n.put("version", stored.version());
    n.setAll(withoutSecrets(storedJson));
    n.set("secret", secret(Json.text(storedJson, SECRET_HASH)));
    return n;
  }

  /** The document without hashes; each user (where a connection has several) gets its secret's metadata. */
  private static ObjectNode withoutSecrets(ObjectNode json) {
    ObjectNode copy = json.deepCopy();
    copy.remove(SECRET_HASH);
    JsonNode users = copy.get("users");
    if (users != null && users.isArray()) {
      for (JsonNode user : users) {
        if (user instanceof ObjectNode u) {
          u.set("secret", secret(Json.text(u, SECRET_HASH)));
          u.remove(SECRET_HASH);
        }
      }
    }
    return copy;
  }

  /**
   * {@code {"set", "kind": "generated"|"chosen", "previousValidUntil"}}: whether a secret is set, whether the
   * gateway generated it (HMAC under the server's key) or a person chose it (PBKDF2), and until when the secret it
   * replaced keeps working (null: none is kept). Read from the stored form, see {@link SecretVerifier}.
   */
  static ObjectNode secret(String stored) {
    ObjectNode n = Json.object();
    n.put("set", stored != null && !stored.isBlank());
    if (stored == null || stored.isBlank()) {
      n.putNull("kind");
      n.putNull("previousValidUntil");
      return n;
    }
    n.put("kind", SecretVerifier.current(stored).startsWith(SecretVerifier.HMAC_PREFIX) ? "generated" : "chosen");
    Instant until = previousValidUntil(stored);
    if (until == null) {
      n.putNull("previousValidUntil");
    } else {
      n.put("previousValidUntil", until.toString());
    }
    return n;
  }

  /** The end of the overlap in {@code <current> <previous>!<epochSeconds>}, or null. */
  private static Instant previousValidUntil(String stored) {
    int bang = stored.lastIndexOf('!');
    if (stored.indexOf(' ') < 0 || bang < 0) {
      return null;
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(stored.substring(bang + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
