package org.punchgate.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.punchgate.json.Json;

/** Every message the writer produces passes the schema, and the schema and the writer name the same fields. */
class ErpOrderSchemaTest {

  @TestFactory
  List<DynamicTest> everyFixtureMessagePassesTheSchema() {
    List<DynamicTest> tests = new ArrayList<>();
    OrderFixtures.all().forEach((name, order) -> tests.add(DynamicTest.dynamicTest(name, () -> {
      byte[] body = ErpOrderMessage.write(order);
      assertEquals(List.of(), ErpOrderSchema.errors(body), new String(body, StandardCharsets.UTF_8));
    })));
    return tests;
  }

  @Test
  void aThousandLineOrderPassesTheSchema() {
    assertEquals(List.of(), ErpOrderSchema.errors(ErpOrderMessage.write(OrderFixtures.largeOrder(1000))));
  }

  /** The example in README is a real message: valid against the schema, and readable as an order. */
  @Test
  void theReadmeExamplePassesTheSchemaAndReadsAsAnOrder() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "..", "README.md"));
    int marker = readme.indexOf("<!-- erp-order example");
    assertTrue(marker > 0, "README has the marked example");
    int start = readme.indexOf("```json\n", marker) + "```json\n".length();
    byte[] example = readme.substring(start, readme.indexOf("```", start)).getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), ErpOrderSchema.errors(example));
    var order = assertInstanceOf(ErpOrderMessage.Reading.Readable.class, ErpOrderMessage.read(example)).order();
    assertEquals(OrderId.forCart(order.punchout().cartId()), order.orderId());
  }

  @Test
  void theSchemaRefusesWhatTheWriterMustNotProduce() {
    // the validator really checks: each broken copy of a valid message is refused
    ObjectNode valid = (ObjectNode) Json.parse(ErpOrderMessage.write(OrderFixtures.minimalPing()));
    assertRefused(copy(valid, m -> m.put("schemaVersion", 2)));
    assertRefused(copy(valid, m -> m.remove("orderId")));
    assertRefused(copy(valid, m -> m.put("orderId", "../../etc/passwd")));
    assertRefused(copy(valid, m -> m.put("unknownField", "x")));
    assertRefused(copy(valid, m -> m.remove("punchout"))); // a ping names its cart
    assertRefused(copy(valid, m -> ((ObjectNode) m.get("totals")).put("total", 12.4)));
    assertRefused(copy(valid, m -> ((ObjectNode) m.get("lines").get(0)).put("quantity", "1.2E+3")));
    assertRefused(copy(valid, m -> m.putArray("lines")));
    assertRefused(copy(valid, m -> m.put("createdAt", "2026-11-23T11:15:30+01:00")));
  }

  /**
   * Schema and writer in step: the fields of a message with every optional part set are exactly the fields
   * the schema declares (nothing written that the schema does not know, nothing declared that is never
   * written), and the smallest message has every field the schema requires.
   */
  @Test
  void schemaAndWriterNameTheSameFields() {
    JsonNode schema = Json.parse(ErpOrderSchema.text());
    var declared = new TreeSet<String>();
    var required = new TreeSet<String>();
    collectDeclared(schema, schema, "", declared, required);

    var written = new TreeSet<String>();
    for (Order order : OrderFixtures.all().values()) {
      collectWritten(Json.parse(ErpOrderMessage.write(order)), "", written);
    }
    assertEquals(declared, written, "fields declared in the schema vs fields the writer emits");

    // every fixture has each required field of each part it has (an object, or an item of an array)
    for (Order order : OrderFixtures.all().values()) {
      var fields = new TreeSet<String>();
      collectWritten(Json.parse(ErpOrderMessage.write(order)), "", fields);
      var due = required.stream().filter(path -> partPresent(path, fields)).toList();
      assertTrue(due.size() > 12 && fields.containsAll(due), "required " + due + " in " + fields);
    }
  }

  private static boolean partPresent(String path, TreeSet<String> fields) {
    int dot = path.lastIndexOf('.');
    if (dot < 0) {
      return true;
    }
    String part = path.substring(0, dot);
    return part.endsWith("[]") ? fields.stream().anyMatch(f -> f.startsWith(part + ".")) : fields.contains(part);
  }

  private static void collectDeclared(JsonNode root, JsonNode node, String path, TreeSet<String> declared,
      TreeSet<String> required) {
    JsonNode resolved = resolve(root, node);
    resolved.path("required").forEach(name -> required.add(join(path, name.asText())));
    resolved.path("properties").properties().forEach(e -> {
      String child = join(path, e.getKey());
      declared.add(child);
      JsonNode value = resolve(root, e.getValue());
      if (value.has("items")) {
        JsonNode items = resolve(root, value.get("items"));
        if (items.has("properties")) {
          collectDeclared(root, items, child + "[]", declared, required);
        }
      } else if (value.has("properties")) {
        collectDeclared(root, value, child, declared, required);
      }
    });
  }

  private static void collectWritten(JsonNode node, String path, TreeSet<String> written) {
    node.properties().forEach(e -> {
      String child = join(path, e.getKey());
      written.add(child);
      JsonNode value = e.getValue();
      if (value.isObject()) {
        collectWritten(value, child, written);
      } else if (value.isArray()) {
        value.forEach(item -> {
          if (item.isObject()) {
            collectWritten(item, child + "[]", written);
          }
        });
      }
    });
  }

  /** Follows a local {@code $ref} ({@code #/$defs/line}); the schema has no other kind. */
  private static JsonNode resolve(JsonNode root, JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref == null ? node : root.at(ref.asText().substring(1));
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static void assertRefused(JsonNode message) {
    assertFalse(ErpOrderSchema.errors(Json.write(message).getBytes(StandardCharsets.UTF_8)).isEmpty(),
        () -> "the schema accepted " + message);
  }

  private static JsonNode copy(ObjectNode message, java.util.function.Consumer<ObjectNode> change) {
    ObjectNode copy = message.deepCopy();
    change.accept(copy);
    return copy;
  }
}
