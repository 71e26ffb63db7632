package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What we ship is open source only: neither a function jar (each {@code CodeUri} of the template) nor the
 * runner jar carries DynamoDB Local's classes or the SQLite natives it came with. Runs after the package
 * phase, on the jars as built.
 */
class ShippedJarsIT {

  private static final Path RUNNER_JAR = Path.of("target", "punchgate-local.jar");
  private static final List<String> FORBIDDEN = List.of("com/amazonaws/services/dynamodbv2/local/", "sqlite4java",
      "libsqlite");

  @Test
  void noShippedJarCarriesTheProprietaryEngineOrSqliteNatives() throws IOException {
    List<Path> jars = new ArrayList<>();
    Path root = LocalEnginesExtension.TEMPLATE.getParent();
    SamTemplate.read(LocalEnginesExtension.TEMPLATE).resources(SamTemplate.SERVERLESS_FUNCTION).values()
        .forEach(function -> jars.add(root.resolve(function.path("CodeUri").asText())));
    jars.add(RUNNER_JAR);
    assertTrue(jars.size() >= 3, "two functions and the runner: " + jars);

    for (Path jar : jars) {
      assertTrue(Files.isRegularFile(jar), "built before the integration tests: " + jar);
      try (JarFile file = new JarFile(jar.toFile())) {
        List<String> found = file.stream().map(ZipEntry::getName)
            .filter(name -> FORBIDDEN.stream().anyMatch(name.toLowerCase(Locale.ROOT)::contains)).limit(5).toList();
        assertFalse(file.stream().findAny().isEmpty(), "an empty jar proves nothing: " + jar);
        assertTrue(found.isEmpty(), jar + " carries " + found);
      }
    }
  }
}
