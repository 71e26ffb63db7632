package org.punchgate.admincli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.json.Json;
import org.punchgate.seed.SeedFile;

/**
 * {@code import --seed file.json}: the runner's seed file, checked locally first with the same check as the runner's
 * {@code --seed} (every problem at once, {@code file:line:column: json.path: text}; nothing is sent when there is
 * one), then each connection created or updated through the admin API.
 */
final class ImportCommand {

  /** The PunchIn parts of a seed file, which the admin API has no routes for (yet). */
  static final List<String> PUNCHIN_PARTS = List.of("customers", "products", "prices");

  private ImportCommand() {}

  static int run(AdminApi api, Path seed, Console console) throws IOException {
    List<JsonNode> connections;
    try {
      connections = SeedFile.read(seed);
    } catch (SeedFile.Invalid e) {
      console.err().println(e.getMessage());
      console.err().println("nothing imported: fix the file and run the import again");
      return AdminCli.FAILED;
    }
    var upsert = new ConnectionUpsert(api);
    int failed = 0;
    for (JsonNode connection : connections) {
      failed += ConnectionUpsert.print(upsert.put(connection), console) ? 0 : 1;
    }
    console.out().println(connections.size() - failed + " of " + connections.size() + " connections imported");
    List<String> notImported = punchInParts(seed);
    if (!notImported.isEmpty()) {
      console.err().println("NOT imported: " + String.join(", ", notImported) + " (PunchIn mappings): the admin API has"
          + " no routes for them yet; the local runner loads them with local/run --seed " + seed);
    }
    return failed == 0 && notImported.isEmpty() ? AdminCli.OK : AdminCli.FAILED;
  }

  /** "3 customers", "12 products", ...: the non-empty PunchIn arrays of the file. */
  private static List<String> punchInParts(Path seed) throws IOException {
    JsonNode root = Json.parse(Files.readAllBytes(seed));
    List<String> parts = new ArrayList<>();
    for (String part : PUNCHIN_PARTS) {
      if (root.path(part).isArray() && !root.path(part).isEmpty()) {
        parts.add(root.path(part).size() + " " + part);
      }
    }
    return parts;
  }
}
