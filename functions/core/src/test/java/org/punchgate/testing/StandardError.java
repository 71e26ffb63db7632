package org.punchgate.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Runs a piece of a test with standard error captured: a test that provokes a fault on purpose checks the
 * ERROR line it expects instead of printing it among the build's output, where it reads like a failure.
 */
public final class StandardError {

  /** What the action returned, and what it wrote to standard error. */
  public record Captured<T>(T value, String text) {}

  private StandardError() {}

  public static synchronized <T> Captured<T> capture(Supplier<T> action) {
    PrintStream original = System.err;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      T value = action.get();
      return new Captured<>(value, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }
}
