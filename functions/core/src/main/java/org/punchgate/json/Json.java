package org.punchgate.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one JSON mapper of the project. Documents are read and written as trees and mapped by hand to
 * records: no reflective data binding on the request path (cold start), exact decimals everywhere.
 * Parsing is strict: a duplicate key, anything after the document, or a second document is a syntax error,
 * so that a shop-side validator and the gateway can never read two different carts from one body.
 */
public final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(64).maxNumberLength(64).maxStringLength(1 << 20).build())
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .errorReportConfiguration(com.fasterxml.jackson.core.ErrorReportConfiguration.builder()
              .maxErrorTokenLength(40).maxRawContentLength(0).build()) // an error never echoes much input
          .build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

  private Json() {}

  /** Parses a document; throws {@link JsonSyntaxException} with the parser's position on bad syntax. */
  public static JsonNode parse(byte[] body) {
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw new JsonSyntaxException("empty document");
      }
      return node;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new JsonSyntaxException(e.getOriginalMessage());
    } catch (java.io.CharConversionException e) {
      // bytes that look like UTF-16/32 of an unsupported kind (found by fuzzing): bad input, not our fault
      throw new JsonSyntaxException("not a JSON text in UTF-8, UTF-16 or UTF-32");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode parse(String body) {
    return parse(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String writePretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text of a field, or null when absent or JSON null. Numbers and booleans are given as text. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  public static BigDecimal decimal(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText().trim());
  }

  public static Map<String, String> stringMap(JsonNode node, String field) {
    JsonNode value = node.get(field);
    Map<String, String> map = new LinkedHashMap<>();
    if (value != null && value.isObject()) {
      value.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
    }
    return map;
  }

  public static ObjectNode fromMap(Map<String, String> map) {
    ObjectNode node = object();
    map.forEach(node::put);
    return node;
  }

  /** Puts a field only when the value is not null, to keep stored documents small. */
  public static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  public static void putIfPresent(ObjectNode node, String field, BigDecimal value) {
    if (value != null) {
      node.put(field, value);
    }
  }

  /** A syntax error in a JSON document, with the parser's description of where. */
  public static final class JsonSyntaxException extends RuntimeException {
    public JsonSyntaxException(String message) {
      super(message);
    }
  }
}
