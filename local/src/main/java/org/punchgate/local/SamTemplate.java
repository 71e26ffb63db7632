package org.punchgate.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SAM {@code template.yaml} as a tree, read with Jackson YAML. Jackson drops CloudFormation tags and
 * keeps their argument ({@code !Ref SessionsTable} reads as {@code "SessionsTable"}, {@code !GetAtt X.Arn}
 * as {@code "X.Arn"}, {@code !If [...]} as a list), which is enough to find what the local runner must
 * create and serve.
 */
public final class SamTemplate {

  public static final String DYNAMODB_TABLE = "AWS::DynamoDB::Table";
  public static final String SQS_QUEUE = "AWS::SQS::Queue";
  public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path path;
  private final JsonNode root;

  private SamTemplate(Path path, JsonNode root) {
    this.path = path;
    this.root = root;
  }

  public static SamTemplate read(Path path) {
    try {
      JsonNode root = YAML.readTree(Files.readAllBytes(path));
      if (root == null || !root.path("Resources").isObject()) {
        throw new IllegalArgumentException(path + " is not a SAM template: it has no Resources");
      }
      return new SamTemplate(path, root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the template " + path, e);
    }
  }

  public Path path() {
    return path;
  }

  /** Resources of one type, by logical id, in template order. */
  public Map<String, JsonNode> resources(String type) {
    Map<String, JsonNode> found = new LinkedHashMap<>();
    root.path("Resources").properties().forEach(e -> {
      if (type.equals(e.getValue().path("Type").asText())) {
        found.put(e.getKey(), e.getValue().path("Properties"));
      }
    });
    return found;
  }

  public boolean hasResource(String logicalId) {
    return root.path("Resources").has(logicalId);
  }

  public String resourceType(String logicalId) {
    return root.path("Resources").path(logicalId).path("Type").asText(null);
  }

  /** The default of a template parameter, or null when the parameter does not exist or has none. */
  public String parameterDefault(String name) {
    JsonNode value = root.path("Parameters").path(name).get("Default");
    return value == null || value.isNull() ? null : value.asText();
  }

  /** {@code Globals.Function.<property>}, or a missing node. */
  public JsonNode functionGlobal(String property) {
    return root.path("Globals").path("Function").path(property);
  }
}
