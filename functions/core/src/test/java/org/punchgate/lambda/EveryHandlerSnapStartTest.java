package org.punchgate.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * SnapStart is on for every function (template.yaml Globals), so every Lambda handler of every function module
 * registers the hooks that renew the id generator after a restore; a handler without them would hand out the
 * snapshot's "random" ids and secrets in every restored environment.
 */
class EveryHandlerSnapStartTest {

  private static final Path FUNCTIONS = Path.of("..");
  private static final Pattern HANDLER = Pattern.compile("implements\\s+Request(Stream)?Handler\\b");

  @Test
  void everyLambdaHandlerRegistersTheSnapStartHooksAndHoldsThem() throws IOException {
    List<Path> handlers = handlers();
    assertTrue(handlers.size() >= 5, "found the function modules' handlers: " + handlers);
    List<String> missing = handlers.stream()
        .filter(file -> !read(file).contains("SnapStartHooks.register(")
            || !read(file).contains("private final SnapStartHooks "))
        .map(Path::toString)
        .toList();
    assertEquals(List.of(), missing);
  }

  private static List<Path> handlers() throws IOException {
    try (Stream<Path> files = Files.walk(FUNCTIONS)) {
      return files.filter(file -> file.toString().endsWith(".java"))
          .filter(file -> file.toString().contains("src" + java.io.File.separator + "main"))
          .filter(file -> HANDLER.matcher(read(file)).find())
          .sorted()
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
