package org.punchgate.admincli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.json.Json;

/**
 * Puts one connection document: creates it when the API does not know its id, else updates it with the version
 * read (or the one the document carries, so that an edited {@code get-connection} output cannot overwrite a newer
 * change). Secrets are set on create only: an update leaves them to {@code rotate-secret}, as the API requires.
 */
final class ConnectionUpsert {

  /** What putting one document did. */
  sealed interface Outcome {
    String id();

    /** Created with version 1; {@code generatedSecret} only when the document asked for one. */
    record Created(String id, int version, String generatedSecret) implements Outcome {}

    /** Updated from one version to the next; {@code secretsLeftAlone} names the secret and user fields not applied. */
    record Updated(String id, int from, int to, List<String> secretsLeftAlone) implements Outcome {}

    record Failed(String id, String reason) implements Outcome {}
  }

  /** Fields that set a secret: accepted on create only (a PUT is refused with "set secrets with POST .../secret"). */
  private static final List<String> SECRET_FIELDS = List.of("password", "generateSecret");
  /** Read-only members of the API's answer, in case a document is an edited {@code get-connection} output. */
  private static final List<String> READ_ONLY_FIELDS = List.of("secret", "lastLoginAt", "openSessions");

  private final AdminApi api;

  ConnectionUpsert(AdminApi api) {
    this.api = api;
  }

  Outcome put(JsonNode document) throws IOException {
    String id = Json.text(document, "id");
    if (!document.isObject() || id == null || id.isBlank()) {
      return new Outcome.Failed("(no id)", "the document has no \"id\"");
    }
    String path = "/admin/connections/" + AdminApi.segment(id);
    ObjectNode body = document.deepCopy();
    READ_ONLY_FIELDS.forEach(body::remove);
    AdminApi.Reply current = api.get(path);
    if (current.is(404)) {
      body.remove("version");
      AdminApi.Reply created = api.post("/admin/connections", body);
      if (!created.is(201)) {
        return new Outcome.Failed(id, created.describe());
      }
      JsonNode answer = created.json();
      return new Outcome.Created(id, answer.path("version").asInt(1), Json.text(answer, "generatedSecret"));
    }
    if (!current.is(200)) {
      return new Outcome.Failed(id, current.describe());
    }
    int version = body.path("version").canConvertToInt() ? body.path("version").asInt() : current.json().path("version").asInt();
    body.put("version", version);
    List<String> leftAlone = new ArrayList<>();
    for (String field : SECRET_FIELDS) {
      if (body.remove(field) != null) {
        leftAlone.add(field);
      }
    }
    if (body.path("cxml").isObject() && ((ObjectNode) body.get("cxml")).remove("sharedSecret") != null) {
      leftAlone.add("cxml.sharedSecret");
    }
    // the API keeps the stored users on a replace: their own route adds them and changes their secrets
    if (body.remove("users") instanceof JsonNode users && !users.isEmpty()) {
      leftAlone.add("users");
    }
    AdminApi.Reply updated = api.put(path, body);
    if (!updated.is(200)) {
      return new Outcome.Failed(id, updated.describe());
    }
    return new Outcome.Updated(id, version, updated.json().path("version").asInt(), List.copyOf(leftAlone));
  }

  /** One line (two with a generated secret) that says what happened; returns false for a failure. */
  static boolean print(Outcome outcome, Console console) {
    switch (outcome) {
      case Outcome.Created c -> {
        console.out().println("created connection " + c.id() + " (version " + c.version() + ")");
        if (c.generatedSecret() != null) {
          console.out().println("  generated secret (shown this once, store it now): " + c.generatedSecret());
        }
      }
      case Outcome.Updated u -> {
        console.out().println("updated connection " + u.id() + " (version " + u.from() + " -> " + u.to() + ")");
        if (!u.secretsLeftAlone().isEmpty()) {
          console.out().println("  secrets and users left as they are (the file's " + String.join(", ", u.secretsLeftAlone())
              + ": on create only); change them with punchgate-admin rotate-secret " + u.id() + " [--user U]");
        }
      }
      case Outcome.Failed f -> console.err().println("connection " + f.id() + " not saved: " + f.reason());
    }
    return !(outcome instanceof Outcome.Failed);
  }
}
