package org.punchgate.seed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.connection.ConnectionAlias;
import org.punchgate.connection.ConnectionCheck;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

/**
 * A seed file ({@code {"connections":[ ... ]}}), read and checked as a whole before anything starts: a syntax
 * error or any problem of any connection is reported as {@code file:line:column: json.path: text}, every one at
 * once, through the same {@link ConnectionCheck} as the admin API. The local runner's {@code --seed} and the admin
 * CLI's {@code import --seed} both read seed files through it.
 */
public final class SeedFile {

  /** The file is not a usable seed; the message lists every problem, one per line. */
  public static final class Invalid extends IllegalArgumentException {
    Invalid(String message) {
      super(message);
    }
  }

  private SeedFile() {}

  /** The connection documents of a seed file that has no problems. */
  public static List<JsonNode> read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new Invalid("cannot read the seed file " + file + ": " + e.getMessage());
    }
    Map<String, JsonLocation> locations;
    try {
      locations = locations(bytes);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new Invalid(file + (at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr())
          + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new Invalid("cannot read the seed file " + file + ": " + e.getMessage());
    }
    JsonNode root = Json.parse(bytes);
    JsonNode connections = root.path("connections");
    if (!root.isObject() || !connections.isArray()) {
      throw new Invalid(file + ":1:1: expected {\"connections\": [ ... ]}");
    }
    List<String> problems = new ArrayList<>();
    List<JsonNode> documents = new ArrayList<>();
    for (int i = 0; i < connections.size(); i++) {
      for (Violation v : ConnectionCheck.check(connections.get(i), "connections[" + i + "]")) {
        JsonLocation at = locate(locations, v.location());
        problems.add(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + v.location() + ": " + v.message());
      }
      documents.add(connections.get(i));
    }
    for (Violation v : clashes(connections)) {
      JsonLocation at = locate(locations, v.location());
      problems.add(file + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": " + v.location() + ": " + v.message());
    }
    if (!problems.isEmpty()) {
      throw new Invalid(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the seed file:\n  "
          + String.join("\n  ", problems));
    }
    return documents;
  }

  /**
   * What two entries of one file cannot share: the id (the second would replace the first) and a cXML Sender (a
   * Sender finds one connection; the store refuses a second owner).
   */
  private static List<Violation> clashes(JsonNode connections) {
    List<Violation> clashes = new ArrayList<>();
    Map<String, Integer> ids = new HashMap<>();
    Map<String, Integer> senders = new HashMap<>();
    for (int i = 0; i < connections.size(); i++) {
      JsonNode c = connections.get(i);
      String id = Json.text(c, "id");
      Integer first = id == null ? null : ids.putIfAbsent(id, i);
      if (first != null) {
        clashes.add(new Violation("seed.id", "connections[" + i + "].id",
            "id " + id + " is already the id of connections[" + first + "]"));
      }
      JsonNode sender = c.path("cxml").path("sender");
      for (int j = 0; sender.isArray() && j < sender.size(); j++) {
        String domain = Json.text(sender.get(j), "domain");
        String identity = Json.text(sender.get(j), "identity");
        Integer owner = domain == null || identity == null ? null
            : senders.putIfAbsent(ConnectionAlias.cxmlSender(domain, identity).key(), i);
        if (owner != null && owner != i) {
          clashes.add(new Violation("seed.sender", "connections[" + i + "].cxml.sender[" + j + "]", "the sender "
              + domain + "/" + identity + " already logs in to connections[" + owner + "]: a sender finds one connection"));
        }
      }
    }
    return clashes;
  }

  /** Where each value and field name starts, by path ({@code connections[0].cxml.sender[1].identity}). */
  private static Map<String, JsonLocation> locations(byte[] bytes) throws IOException {
    Map<String, JsonLocation> locations = new HashMap<>();
    try (JsonParser parser = new JsonFactory().createParser(bytes)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        JsonStreamContext context = parser.getParsingContext();
        if (token == JsonToken.FIELD_NAME) {
          locations.put(path(context), parser.currentTokenLocation());
        } else if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
          // a value inside an array; values of fields keep their name's location
          if (context.inArray() || token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            locations.putIfAbsent(path(token.isStructStart() ? context.getParent() : context), parser.currentTokenLocation());
          }
        }
      }
    }
    return locations;
  }

  private static String path(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      String step = c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]" : c.getCurrentName() == null ? "" : "." + c.getCurrentName();
      path.insert(0, step);
    }
    return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }

  /** The location of the path, else of the nearest enclosing one (a missing field: its object). */
  private static JsonLocation locate(Map<String, JsonLocation> locations, String path) {
    String p = path;
    while (!p.isEmpty()) {
      JsonLocation at = locations.get(p);
      if (at != null) {
        return at;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
    return new JsonLocation(null, 0, 1, 1);
  }
}
