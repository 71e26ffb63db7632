package org.punchgate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.json.Json;
import org.punchgate.link.LoginLink;
import org.punchgate.link.LoginLinkStore;
import org.punchgate.link.LoginLinks;

/**
 * Login links of PEPPOL connections (README "Login links"): make one (the plain link is in this answer only), list
 * a connection's links without their secrets, revoke one.
 */
final class LinkRoutes implements AdminRouter.Group {

  private final LoginLinks links;
  private final String publicBaseUrl;
  private final int maxBodyBytes;
  private final Clock clock;

  /** @param publicBaseUrl the gateway's public URL for the links; null: from the request */
  LinkRoutes(LoginLinks links, String publicBaseUrl, int maxBodyBytes, Clock clock) {
    this.clock = clock;
    this.links = links;
    this.publicBaseUrl = publicBaseUrl;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void register(AdminRouter router) {
    router.route("POST /admin/connections/{connectionId}/links", this::create)
        .route("GET /admin/connections/{connectionId}/links", this::list)
        .route("DELETE /admin/links/{linkId}", this::revoke);
  }

  HttpResponse create(HttpRequest request) {
    return JsonBodies.with(request, maxBodyBytes, body -> create(request, body));
  }

  private HttpResponse create(HttpRequest request, JsonNode body) {
    Instant expiresAt;
    try {
      String expiry = Json.text(body, "expiresAt");
      expiresAt = expiry == null || expiry.isBlank() ? null : Instant.parse(expiry);
    } catch (DateTimeParseException e) {
      return Problem.response(400, "Invalid link", "expiresAt must be an ISO-8601 instant such as 2027-01-31T23:59:59Z");
    }
    return switch (links.create(request.pathParameter("connectionId"), Json.text(body, "returnUrl"),
        Json.text(body, "buyerReference"), expiresAt, baseUrl(request))) {
      case LoginLinks.Creation.Created created -> {
        ObjectNode n = Json.object();
        n.put("linkId", created.link().id());
        n.put("url", created.url());
        putInstant(n, "expiresAt", created.link().expiresAt());
        yield HttpResponse.json(201, Json.write(n));
      }
      case LoginLinks.Creation.UnknownConnection u -> unknownConnection();
      case LoginLinks.Creation.Refused r -> Problem.response(400, "Invalid link", r.detail());
    };
  }

  HttpResponse list(HttpRequest request) {
    Optional<List<LoginLink>> found = links.list(request.pathParameter("connectionId"));
    if (found.isEmpty()) {
      return unknownConnection();
    }
    Instant now = clock.instant();
    ObjectNode n = Json.object();
    var array = n.putArray("links");
    found.get().forEach(link -> array.add(describe(link, now)));
    return HttpResponse.json(200, Json.write(n));
  }

  HttpResponse revoke(HttpRequest request) {
    return switch (links.revoke(request.pathParameter("linkId"))) {
      case LoginLinkStore.Revocation.Revoked r -> HttpResponse.json(200, Json.write(describe(r.link(), clock.instant())));
      case LoginLinkStore.Revocation.AlreadyRevoked r ->
          HttpResponse.json(200, Json.write(describe(r.link(), clock.instant())));
      case LoginLinkStore.Revocation.NotFound n ->
          Problem.response(404, "Unknown link", "There is no login link with this id.");
    };
  }

  /** A link as lists show it: everything but the secret, which is not stored. */
  private static ObjectNode describe(LoginLink link, Instant now) {
    ObjectNode n = Json.object();
    n.put("linkId", link.id());
    n.put("connectionId", link.connectionId());
    n.put("returnUrl", link.returnUrl());
    Json.putIfPresent(n, "buyerReference", link.buyerReference());
    n.put("createdAt", link.createdAt().toString());
    putInstant(n, "expiresAt", link.expiresAt());
    putInstant(n, "revokedAt", link.revokedAt());
    n.put("status", link.revokedAt() != null ? "REVOKED" : link.usableAt(now) ? "ACTIVE" : "EXPIRED");
    return n;
  }

  private static void putInstant(ObjectNode n, String field, Instant value) {
    if (value == null) {
      n.putNull(field);
    } else {
      n.put(field, value.toString());
    }
  }

  private static HttpResponse unknownConnection() {
    return Problem.response(404, "Unknown connection", "There is no PEPPOL punch-out connection with this id.");
  }

  /**
   * Where links point: the configured public URL, else the host the request came to, with the stage prefix the
   * request's path has before {@code /admin/}.
   */
  private String baseUrl(HttpRequest request) {
    if (publicBaseUrl != null) {
      return publicBaseUrl;
    }
    String proto = request.header("x-forwarded-proto");
    String path = request.path();
    int admin = path.indexOf("/admin/");
    return (proto == null ? "https" : proto) + "://" + request.header("host") + (admin > 0 ? path.substring(0, admin) : "");
  }
}
