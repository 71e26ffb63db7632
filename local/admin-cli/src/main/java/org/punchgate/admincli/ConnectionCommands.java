package org.punchgate.admincli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.punchgate.json.Json;

/** {@code put-connection}, {@code get-connection} and {@code list-connections}. */
final class ConnectionCommands {

  private ConnectionCommands() {}

  static int put(AdminApi api, Path file, Console console) throws IOException {
    JsonNode document;
    try {
      document = Json.parse(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      console.err().println("no such file: " + file);
      return AdminCli.FAILED;
    } catch (IOException e) {
      console.err().println("cannot read " + file + ": " + e.getMessage());
      return AdminCli.FAILED;
    } catch (Json.JsonSyntaxException e) {
      console.err().println(file + ": not valid JSON: " + e.getMessage());
      return AdminCli.FAILED;
    }
    return ConnectionUpsert.print(new ConnectionUpsert(api).put(document), console) ? AdminCli.OK : AdminCli.FAILED;
  }

  static int get(AdminApi api, String id, Console console) throws IOException {
    AdminApi.Reply reply = api.get("/admin/connections/" + AdminApi.segment(id));
    if (!reply.is(200)) {
      console.err().println("connection " + id + ": " + reply.describe());
      return AdminCli.FAILED;
    }
    console.out().println(Json.writePretty(reply.json()));
    return AdminCli.OK;
  }

  static int list(AdminApi api, boolean json, Console console) throws IOException {
    AdminApi.Reply reply = api.get("/admin/connections");
    if (!reply.is(200)) {
      console.err().println("list of connections: " + reply.describe());
      return AdminCli.FAILED;
    }
    if (json) {
      console.out().println(Json.writePretty(reply.json()));
      return AdminCli.OK;
    }
    var table = new Table("ID", "FORMAT", "ACTIVE", "VERSION", "LAST LOGIN", "OPEN SESSIONS", "NAME");
    for (JsonNode c : reply.json().path("connections")) {
      table.row(c.path("id").asText(), c.path("format").asText(), c.path("active").asText(), c.path("version").asText(),
          c.path("lastLoginAt").isNull() || c.path("lastLoginAt").isMissingNode() ? "-" : c.path("lastLoginAt").asText(),
          c.path("openSessions").asText("0"), c.path("name").asText());
    }
    table.print(console.out());
    return AdminCli.OK;
  }
}
