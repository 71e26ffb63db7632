package org.punchgate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.punchgate.connection.ConnectionChange;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.VersionedConnection;
import org.punchgate.http.FormParameters;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.json.Json;
import org.punchgate.session.SessionActivity;
import org.punchgate.validation.Violation;

/**
 * Connections (README "Admin API"): list, create, read, replace and delete, each change at the version the caller
 * read (a stale one gets 409 with the current version). Answers never carry a secret or its hash
 * ({@link ConnectionDocument}); a secret the gateway generates is in the creation's answer only.
 */
final class ConnectionRoutes implements AdminRouter.Group {

  /** A connection document is a few KB; DynamoDB items (the document and a copy per alias) stop at 400 KB. */
  static final int MAX_DOCUMENT_BYTES = 64 * 1024;

  private final ConnectionStore connections;
  private final SessionActivity activity;
  private final ConnectionDrafts drafts;
  private final int maxBodyBytes;
  private final Clock clock;

  ConnectionRoutes(ConnectionStore connections, SessionActivity activity, ConnectionDrafts drafts, int maxBodyBytes,
      Clock clock) {
    this.connections = connections;
    this.activity = activity;
    this.drafts = drafts;
    this.maxBodyBytes = Math.min(maxBodyBytes, MAX_DOCUMENT_BYTES);
    this.clock = clock;
  }

  @Override
  public void register(AdminRouter router) {
    router.route("GET /admin/connections", this::list)
        .route("POST /admin/connections", this::create)
        .route("GET /admin/connections/{connectionId}", this::read)
        .route("PUT /admin/connections/{connectionId}", this::replace)
        .route("DELETE /admin/connections/{connectionId}", this::delete);
  }

  /** Every connection with its use: the last login and the sessions open now (sorted by id). */
  HttpResponse list(HttpRequest request) {
    List<VersionedConnection> all = connections.list();
    var uses = activity.of(all.stream().map(VersionedConnection::id).toList(), clock.instant());
    ObjectNode n = Json.object();
    ArrayNode array = n.putArray("connections");
    for (VersionedConnection stored : all) {
      var c = stored.connection();
      SessionActivity.ConnectionActivity use = uses.get(c.id());
      ObjectNode entry = array.addObject().put("id", c.id()).put("name", c.name()).put("format", c.format().name())
          .put("userGroup", c.userGroup()).put("active", c.active()).put("version", stored.version());
      if (use.lastLoginAt() == null) {
        entry.putNull("lastLoginAt");
      } else {
        entry.put("lastLoginAt", use.lastLoginAt().toString());
      }
      entry.put("openSessions", use.openSessions());
    }
    return HttpResponse.json(200, Json.write(n));
  }

  HttpResponse create(HttpRequest request) {
    return withBody(request, body -> switch (drafts.forCreate(body)) {
      case ConnectionDrafts.Result.Invalid invalid -> Problem.invalid("Invalid connection", invalid.problems());
      case ConnectionDrafts.Result.Valid valid -> answer(valid.draft().connection().id(),
          connections.create(valid.draft().connection()), 201, valid.draft().generatedSecret());
    });
  }

  HttpResponse read(HttpRequest request) {
    String id = request.pathParameter("connectionId");
    return connections.read(id).map(stored -> HttpResponse.json(200, Json.write(ConnectionDocument.of(stored))))
        .orElseGet(() -> notFound(id));
  }

  HttpResponse replace(HttpRequest request) {
    String id = request.pathParameter("connectionId");
    return withBody(request, body -> {
      var stored = connections.read(id);
      if (stored.isEmpty()) {
        return notFound(id);
      }
      return switch (drafts.forReplace(body, id, stored.get().connection())) {
        case ConnectionDrafts.Result.Invalid invalid -> Problem.invalid("Invalid connection", invalid.problems());
        case ConnectionDrafts.Result.Valid valid -> answer(id,
            connections.replace(valid.draft().connection(), valid.draft().expectedVersion()), 200, null);
      };
    });
  }

  HttpResponse delete(HttpRequest request) {
    String id = request.pathParameter("connectionId");
    String version = FormParameters.parse(request.rawQuery(), StandardCharsets.UTF_8).first("version");
    long expected = version != null && version.matches("[1-9][0-9]{0,17}") ? Long.parseLong(version) : 0;
    if (expected == 0) {
      return Problem.invalid("Invalid request", List.of(new Violation("admin.version", "version",
          "?version=n is required: the version of the connection you last read (GET answers with it)")));
    }
    return answer(id, connections.delete(id, expected), 204, null);
  }

  /** The answer to a change of the store, in one place for create, replace and delete. */
  private static HttpResponse answer(String id, ConnectionChange change, int savedStatus, String generatedSecret) {
    return switch (change) {
      case ConnectionChange.Saved saved -> {
        ObjectNode document = ConnectionDocument.of(saved.stored());
        if (generatedSecret != null) {
          document.put("generatedSecret", generatedSecret); // this once: only its hash is kept
        }
        yield HttpResponse.json(savedStatus, Json.write(document));
      }
      case ConnectionChange.Deleted deleted -> HttpResponse.noContent();
      case ConnectionChange.NotFound missing -> notFound(id);
      case ConnectionChange.AlreadyExists exists -> Problem.response(409, "Connection exists",
          "A connection with id " + id + " exists (version " + exists.currentVersion() + "): change it with PUT.");
      case ConnectionChange.VersionConflict conflict -> {
        ObjectNode body = Problem.body(409, "Version conflict", "The connection changed since the version you sent:"
            + " it is at version " + conflict.currentVersion() + ". Read it again, apply your change, and send that.");
        body.put("currentVersion", conflict.currentVersion());
        yield Problem.response(body);
      }
      case ConnectionChange.AliasTaken taken -> Problem.response(409, "Sender in use", "The cXML sender "
          + taken.alias().value().replace('#', '/') + " already logs in to connection " + taken.ownerId()
          + ": a sender belongs to one connection.");
    };
  }

  /** The body as JSON, or the answer to one that is too large or not JSON. */
  private HttpResponse withBody(HttpRequest request, Function<JsonNode, HttpResponse> handler) {
    return JsonBodies.with(request, maxBodyBytes, handler);
  }

  private static HttpResponse notFound(String id) {
    return Problem.response(404, "Unknown connection", "There is no connection with id " + id + ".");
  }
}
