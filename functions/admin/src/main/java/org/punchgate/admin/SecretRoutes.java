package org.punchgate.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.punchgate.connection.ConnectionSecrets;
import org.punchgate.connection.NewSecret;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

/**
 * A connection's secrets and users (README "Users and secrets"): set or rotate the connection's secret, add a user
 * or rotate its secret, remove a user. A generated secret is in its creation answer only; no answer and no log line
 * carries any other secret or hash.
 */
final class SecretRoutes implements AdminRouter.Group {

  private final ConnectionSecrets secrets;
  private final int maxBodyBytes;

  SecretRoutes(ConnectionSecrets secrets, int maxBodyBytes) {
    this.secrets = secrets;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void register(AdminRouter router) {
    router.route("POST /admin/connections/{connectionId}/secret", this::setSecret)
        .route("PUT /admin/connections/{connectionId}/users/{username}", this::putUser)
        .route("DELETE /admin/connections/{connectionId}/users/{username}", this::deleteUser);
  }

  HttpResponse setSecret(HttpRequest request) {
    return withSecret(request, secret -> secrets.setSecret(request.pathParameter("connectionId"), secret));
  }

  HttpResponse putUser(HttpRequest request) {
    return withSecret(request, secret -> secrets.putUser(request.pathParameter("connectionId"),
        request.pathParameter("username"), secret));
  }

  HttpResponse deleteUser(HttpRequest request) {
    return answer(secrets.deleteUser(request.pathParameter("connectionId"), request.pathParameter("username")));
  }

  private HttpResponse withSecret(HttpRequest request,
      java.util.function.Function<NewSecret, ConnectionSecrets.Outcome> change) {
    return JsonBodies.with(request, maxBodyBytes, body -> switch (NewSecret.read(body)) {
      case NewSecret.Read.Invalid invalid -> Problem.invalid("Invalid secret", invalid.problems());
      case NewSecret.Read.Valid valid when valid.secret().generated() && !secrets.canGenerate() ->
          Problem.invalid("Invalid secret", List.of(new Violation("secret.key", "$.generate", "generated secrets need"
              + " the server-side key (SECRET_HASH_KEY), which this deployment lacks: give a chosen secret instead")));
      case NewSecret.Read.Valid valid -> answer(change.apply(valid.secret()));
    });
  }

  private static HttpResponse answer(ConnectionSecrets.Outcome outcome) {
    return switch (outcome) {
      case ConnectionSecrets.Outcome.Saved saved -> {
        ObjectNode n = Json.object();
        n.put("version", saved.version());
        if (saved.username() != null) {
          n.put("username", saved.username());
        }
        Json.putIfPresent(n, "generatedSecret", saved.generatedSecret());
        if (saved.previousValidUntil() == null) {
          n.putNull("previousValidUntil");
        } else {
          n.put("previousValidUntil", saved.previousValidUntil().toString());
        }
        // a generated secret is in this answer only: no cache or proxy may keep it
        yield HttpResponse.json(saved.newUser() ? 201 : 200, Json.write(n)).withHeader("cache-control", "no-store");
      }
      case ConnectionSecrets.Outcome.UserDeleted deleted -> HttpResponse.noContent();
      case ConnectionSecrets.Outcome.UnknownConnection u ->
          Problem.response(404, "Unknown connection", "There is no connection with this id.");
      case ConnectionSecrets.Outcome.UnknownUser u ->
          Problem.response(404, "Unknown user", "The connection has no user with this name.");
      case ConnectionSecrets.Outcome.LastUser last -> Problem.response(409, "Last user", last.detail());
      case ConnectionSecrets.Outcome.Refused refused -> Problem.invalid(refused.title(), refused.problems());
      case ConnectionSecrets.Outcome.Conflict conflict -> {
        ObjectNode problem = Problem.body(409, "Version conflict",
            "The connection kept changing while this change was made; read it again and retry.");
        problem.put("currentVersion", conflict.currentVersion());
        yield Problem.response(problem);
      }
    };
  }
}
