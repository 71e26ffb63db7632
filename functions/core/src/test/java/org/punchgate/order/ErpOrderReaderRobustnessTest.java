package org.punchgate.order;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;

/**
 * A consumer reads whatever is on the queue: the reader never throws, whatever one value of a valid message
 * is replaced by, and every replacement the schema refuses is refused by the reader too (the reader is no
 * more lenient than the contract).
 */
class ErpOrderReaderRobustnessTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<JsonNode> REPLACEMENTS = List.of(NODES.nullNode(), NODES.numberNode(-1),
      NODES.textNode(""), NODES.textNode("x"), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode(),
      NODES.arrayNode().add(1));

  @Test
  void neverThrowsAndRefusesWhatTheSchemaRefuses() {
    int variants = 0;
    var failures = new java.util.TreeSet<String>();
    for (Order order : OrderFixtures.all().values()) {
      JsonNode valid = Json.parse(ErpOrderMessage.write(order));
      for (List<Object> path : paths(valid, new ArrayList<>())) {
        for (JsonNode replacement : REPLACEMENTS) {
          JsonNode variant = replaced(valid, path, replacement);
          byte[] body = Json.write(variant).getBytes(StandardCharsets.UTF_8);
          ErpOrderMessage.Reading reading;
          try {
            reading = ErpOrderMessage.read(body);
          } catch (RuntimeException e) {
            failures.add("read threw for " + shape(path) + " = " + replacement + ": " + e);
            continue;
          }
          if (!ErpOrderSchema.errors(body).isEmpty() && reading instanceof ErpOrderMessage.Reading.Readable) {
            failures.add("the schema refuses " + shape(path) + " = " + replacement + " but the reader took it");
          }
          variants++;
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
    assertTrue(variants > 1000, variants + " variants");
  }

  /** A path with array positions left out, so that one failure on every line is one row. */
  private static String shape(List<Object> path) {
    return path.stream().map(step -> step instanceof Integer ? "[]" : "." + step).reduce("", String::concat);
  }

  /** The path of every value in the tree (object fields and array positions), containers included. */
  private static List<List<Object>> paths(JsonNode node, List<Object> at) {
    List<List<Object>> all = new ArrayList<>();
    if (!at.isEmpty()) {
      all.add(List.copyOf(at));
    }
    if (node.isObject()) {
      node.properties().forEach(e -> {
        at.add(e.getKey());
        all.addAll(paths(e.getValue(), at));
        at.removeLast();
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        at.add(i);
        all.addAll(paths(node.get(i), at));
        at.removeLast();
      }
    }
    return all;
  }

  private static JsonNode replaced(JsonNode root, List<Object> path, JsonNode replacement) {
    JsonNode copy = root.deepCopy();
    JsonNode parent = copy;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof Integer i ? parent.get(i) : parent.get((String) step);
    }
    Object last = path.getLast();
    if (last instanceof Integer i) {
      ((ArrayNode) parent).set(i, replacement);
    } else {
      ((ObjectNode) parent).set((String) last, replacement);
    }
    return copy;
  }
}
