package org.punchgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The measured shape of the core's main code (a class a screen or two long, a method a screen long), checked
 * on every build so that it stays measured: a class that outgrows it is split along its jobs, a method into
 * named steps.
 */
class SourceShapeTest {

  /** Lines of a main class (its file), below which a newcomer reads it in one sitting. */
  static final int MAX_CLASS_LINES = 249;
  /** Lines of a method or constructor, from its signature to its closing brace. */
  static final int MAX_METHOD_LINES = 60;

  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void everyMainClassIsUnder250Lines() {
    assertTrue(Files.isDirectory(MAIN), "run from the module's directory: " + MAIN.toAbsolutePath());
    List<String> tooLong = SourceShape.classSizes(MAIN).stream()
        .filter(c -> c.lines() > MAX_CLASS_LINES)
        .map(c -> c.file() + " has " + c.lines() + " lines")
        .toList();
    assertEquals(List.of(), tooLong);
  }

  @Test
  void noMethodIsOver60Lines() {
    List<String> tooLong = SourceShape.methodSizes(MAIN).stream()
        .filter(m -> m.lines() > MAX_METHOD_LINES)
        .map(m -> m.file() + ":" + m.line() + " " + m.signature() + " has " + m.lines() + " lines")
        .toList();
    assertEquals(List.of(), tooLong);
  }

  @Test
  void measuresAMethodFromItsSignatureToItsClosingBrace() {
    String source = """
        package p;

        /** A class { with a brace in its comment. */
        final class A {
          private static final String S = "}{";

          @Override
          public String toString() {
            Runnable r = () -> {
              System.out.println('{');
            };
            return S;
          }

          void record(String x) {
            if (x == null) {
              return;
            }
          }

          record R(int x) {
            R {
              if (x < 0) {
                throw new IllegalArgumentException();
              }
            }
          }
        }
        """;
    var methods = SourceShape.methodsOf(Path.of("A.java"), source);
    assertEquals(List.of("public String toString() 6", "void record(String x) 5", "R 5"),
        methods.stream().map(m -> m.signature() + " " + m.lines()).toList());
  }
}
