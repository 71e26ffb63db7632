package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@code openapi.yaml} parses, is OpenAPI 3.1, and describes every route that {@code template.yaml} declares. */
class OpenApiDocumentTest {

  private static final Path DOCUMENT = Path.of("..", "openapi.yaml");

  private static JsonNode document() throws IOException {
    return new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(DOCUMENT));
  }

  @Test
  void parsesAsOpenApi31() throws IOException {
    JsonNode doc = document();
    assertTrue(doc.path("openapi").asText().startsWith("3.1."), doc.path("openapi").asText());
    assertFalse(doc.path("paths").isEmpty());
    doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (!op.getKey().equals("parameters")) {
        assertTrue(op.getValue().has("responses"), path.getKey() + " " + op.getKey() + " has responses");
        assertTrue(op.getValue().has("operationId"), path.getKey() + " " + op.getKey() + " has an operationId");
      }
    }));
  }

  @Test
  void everyTemplateRouteIsDescribed() throws IOException {
    JsonNode paths = document().path("paths");
    List<String> missing = new ArrayList<>();
    List<TemplateRoutes.Route> routes = TemplateRoutes.from(SamTemplate.read(LocalEnginesExtension.TEMPLATE)).routes();
    assertFalse(routes.isEmpty());
    for (TemplateRoutes.Route route : routes) {
      if (!paths.path(route.path()).has(route.method().toLowerCase(Locale.ROOT))) {
        missing.add(route.routeKey());
      }
    }
    assertEquals(List.of(), missing, "template routes missing from openapi.yaml");
  }
}
