package org.punchgate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionCheck;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.json.Json;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretVerifier;
import org.punchgate.validation.Violation;

/**
 * Turns an admin API body into the connection to store, through the same {@link ConnectionCheck} as seed files
 * (every problem at once, at its JSON path {@code $.format}, unknown fields refused) and {@link ConnectionJson}.
 * What the admin API adds to the seed shape is handled here: the {@code version} a replace expects, the read-only
 * {@code secret} metadata of an answer (ignored, so that a document read can be sent back), and the secret of a new
 * connection: a chosen {@code password} (PBKDF2) or {@code generateSecret} (HMAC under the server's key).
 */
final class ConnectionDrafts {

  /** Where secrets change after creation (a PUT never changes one, so a document read can be sent back). */
  static final String SECRET_ROUTE = "set secrets with POST /admin/connections/{connectionId}/secret";
  private static final String SECRET_HASH = ConnectionDocument.SECRET_HASH;

  /** A connection ready to store, the secret generated for it (null unless asked for) and the version it replaces. */
  record Draft(Connection connection, String generatedSecret, long expectedVersion) {}

  sealed interface Result {
    record Valid(Draft draft) implements Result {}

    record Invalid(List<Violation> problems) implements Result {}
  }

  private final SecretVerifier secrets;
  private final RandomIds ids;
  private final boolean canGenerate;

  /** {@code canGenerate}: whether a key for generated secrets is configured. */
  ConnectionDrafts(SecretVerifier secrets, RandomIds ids, boolean canGenerate) {
    this.secrets = secrets;
    this.ids = ids;
    this.canGenerate = canGenerate;
  }

  Result forCreate(JsonNode body) {
    if (!body.isObject()) {
      return invalid("$", "a connection is a JSON object");
    }
    ObjectNode doc = body.deepCopy();
    doc.remove(List.of("version", "secret")); // read-only members of an answer
    List<Violation> problems = new ArrayList<>();
    JsonNode generate = doc.remove("generateSecret");
    String generated = null;
    if (generate != null && !generate.isBoolean()) {
      problems.add(new Violation("admin.type", "$.generateSecret", "generateSecret must be true or false"));
    } else if (generate != null && generate.asBoolean()) {
      if (hasSecret(doc)) {
        problems.add(new Violation("admin.secret", "$.generateSecret",
            "give either generateSecret or a password (cxml.sharedSecret for cXML), not both"));
      } else if (!canGenerate) {
        problems.add(new Violation("admin.secret", "$.generateSecret",
            "this gateway has no key for generated secrets (SECRET_HASH_KEY): give a password instead"));
      } else {
        generated = SecretVerifier.generate(ids.random());
        doc.put(SECRET_HASH, secrets.hashGenerated(generated));
      }
    }
    return read(doc, problems, generated, 0);
  }

  /**
   * A replacement of {@code stored}: the body without secrets (they keep their stored hashes, as do the users, whose
   * routes change them), and with the {@code version} last read.
   */
  Result forReplace(JsonNode body, String connectionId, Connection stored) {
    if (!body.isObject()) {
      return invalid("$", "a connection is a JSON object");
    }
    ObjectNode doc = body.deepCopy();
    doc.remove(List.of("secret", "users")); // read-only here: what an answer shows of secrets and users
    List<Violation> problems = new ArrayList<>();
    JsonNode version = doc.remove("version");
    if (version == null || !version.canConvertToLong() || !version.isIntegralNumber() || version.asLong() < 1) {
      problems.add(new Violation("admin.version", "$.version",
          "version is required: the version of the connection you last read (GET answers with it)"));
    }
    for (String field : List.of("password", SECRET_HASH, "generateSecret")) {
      if (doc.remove(field) != null) {
        problems.add(new Violation("admin.secret", "$." + field, SECRET_ROUTE));
      }
    }
    if (doc.get("cxml") instanceof ObjectNode cxml && cxml.remove("sharedSecret") != null) {
      problems.add(new Violation("admin.secret", "$.cxml.sharedSecret", SECRET_ROUTE));
    }
    JsonNode id = doc.get("id");
    if (id == null || id.isNull()) {
      doc.put("id", connectionId);
    } else if (!connectionId.equals(id.asText())) {
      problems.add(new Violation("admin.id", "$.id",
          "id must be " + connectionId + ", the id in the path: a connection keeps its id"));
    }
    ObjectNode kept = ConnectionJson.write(stored);
    if (kept.hasNonNull(SECRET_HASH)) {
      doc.set(SECRET_HASH, kept.get(SECRET_HASH));
    }
    if (kept.has("users")) {
      doc.set("users", kept.get("users"));
    }
    return read(doc, problems, null, problems.isEmpty() ? version.asLong() : 0);
  }

  private Result read(ObjectNode doc, List<Violation> problems, String generated, long expectedVersion) {
    problems.addAll(ConnectionCheck.check(doc, "$"));
    if (!problems.isEmpty()) {
      return new Result.Invalid(problems);
    }
    try {
      return new Result.Valid(new Draft(ConnectionJson.read(doc, ids.random()), generated, expectedVersion));
    } catch (IllegalArgumentException e) { // a rule only the reader knows: its message names the field
      return invalid("$", e.getMessage());
    }
  }

  private static boolean hasSecret(JsonNode doc) {
    return doc.hasNonNull("password") || doc.hasNonNull(SECRET_HASH) || doc.path("cxml").hasNonNull("sharedSecret");
  }

  private static Result invalid(String path, String message) {
    return new Result.Invalid(List.of(new Violation("admin.document", path, message)));
  }
}
