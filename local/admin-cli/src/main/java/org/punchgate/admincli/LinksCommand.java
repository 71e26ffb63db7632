package org.punchgate.admincli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.punchgate.json.Json;

/**
 * {@code links ID [--create --return-url U [--buyer-reference R] [--expires-at T] | --revoke LINK]}: the login links
 * of a PEPPOL connection. A new link's URL is shown once (the gateway keeps only its hash).
 */
final class LinksCommand {

  private LinksCommand() {}

  static int list(AdminApi api, String id, boolean json, Console console) throws IOException {
    AdminApi.Reply reply = api.get("/admin/connections/" + AdminApi.segment(id) + "/links");
    if (!reply.is(200)) {
      console.err().println("links of connection " + id + ": " + reply.describe());
      return AdminCli.FAILED;
    }
    if (json) {
      console.out().println(Json.writePretty(reply.json()));
      return AdminCli.OK;
    }
    var table = new Table("LINK", "STATUS", "EXPIRES", "BUYER REFERENCE", "RETURN URL");
    for (JsonNode link : reply.json().path("links")) {
      table.row(link.path("linkId").asText(), link.path("status").asText(), orDash(link, "expiresAt"),
          orDash(link, "buyerReference"), link.path("returnUrl").asText());
    }
    table.print(console.out());
    return AdminCli.OK;
  }

  static int create(AdminApi api, String id, String returnUrl, String buyerReference, String expiresAt,
      Console console) throws IOException {
    ObjectNode body = Json.object();
    body.put("returnUrl", returnUrl);
    Json.putIfPresent(body, "buyerReference", buyerReference);
    Json.putIfPresent(body, "expiresAt", expiresAt);
    AdminApi.Reply reply = api.post("/admin/connections/" + AdminApi.segment(id) + "/links", body);
    if (!reply.is(201)) {
      console.err().println("no link made for connection " + id + ": " + reply.describe());
      return AdminCli.FAILED;
    }
    JsonNode link = reply.json();
    console.out().println("created link " + link.path("linkId").asText() + " (expires " + orDash(link, "expiresAt") + ")");
    console.out().println("  login link (shown this once, give it to the buyer): " + link.path("url").asText());
    return AdminCli.OK;
  }

  static int revoke(AdminApi api, String linkId, Console console) throws IOException {
    AdminApi.Reply reply = api.delete("/admin/links/" + AdminApi.segment(linkId));
    if (!reply.is(200) && !reply.is(204)) {
      console.err().println("link " + linkId + " not revoked: " + reply.describe());
      return AdminCli.FAILED;
    }
    console.out().println("revoked link " + linkId);
    return AdminCli.OK;
  }

  private static String orDash(JsonNode node, String field) {
    String value = Json.text(node, field);
    return value == null || value.isEmpty() ? "-" : value;
  }
}
