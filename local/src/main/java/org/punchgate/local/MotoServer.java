package org.punchgate.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * moto (Apache-2.0) in server mode as a child process: the DynamoDB engine of the runner, the tests and
 * the benchmark. It listens on 127.0.0.1 only and lives no longer than this JVM: a shutdown hook stops it,
 * and should the JVM die without running hooks, the child sees its stdin pipe close and exits.
 * <pre>{@code
 * try (MotoServer moto = MotoServer.start(0)) { URI endpoint = URI.create(moto.endpoint()); }
 * }</pre>
 * The Python interpreter is {@code -Dpunchgate.python=...}, else {@code $PUNCHGATE_PYTHON}, else
 * {@code python3}; it needs {@code moto[server]} (5.x).
 */
public final class MotoServer implements AutoCloseable {

  /** moto's own licence, named where the runner says what it runs. */
  public static final String LICENCE = "Apache-2.0";
  static final String PYTHON_PROPERTY = "punchgate.python";
  static final String PYTHON_VARIABLE = "PUNCHGATE_PYTHON";
  /** A first start imports moto and its dependencies: seconds on a busy machine. */
  private static final java.time.Duration START_TIMEOUT = java.time.Duration.ofSeconds(60);
  private static final Pattern LISTENING = Pattern.compile("Running on http://127\\.0\\.0\\.1:(\\d+)");

  /**
   * Ties the child to its parent (end of stdin means the JVM is gone, however it went), makes moto answer
   * one request at a time, then runs moto's own server entry point with the arguments after {@code -c}.
   * moto's threaded server checks a condition and writes the item in separate steps, so two concurrent
   * conditional updates of one item could both succeed (seen here: 1 race in 40); DynamoDB serializes
   * them, and so does the lock. The response body is read inside the lock.
   */
  private static final String LAUNCHER = """
      import os, sys, threading
      def exit_with_parent():
          sys.stdin.buffer.read()
          os._exit(0)
      threading.Thread(target=exit_with_parent, daemon=True).start()
      import moto.server as server
      answer = server.DomainDispatcherApplication.__call__
      one_at_a_time = threading.Lock()
      def serialized(self, environ, start_response):
          with one_at_a_time:
              return list(answer(self, environ, start_response))
      server.DomainDispatcherApplication.__call__ = serialized
      server.main(sys.argv[1:])
      """;

  private final Process process;
  private final int port;
  private final Thread shutdownHook;

  private MotoServer(Process process, int port) {
    this.process = process;
    this.port = port;
    this.shutdownHook = new Thread(this::stopProcess, "moto-server-stop");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts moto on 127.0.0.1 and waits until it listens; port 0 lets moto pick a free one. */
  public static MotoServer start(int port) {
    String python = python();
    Process process;
    try {
      process = new ProcessBuilder(python, "-c", LAUNCHER, "-H", "127.0.0.1", "-p", Integer.toString(port))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + python + " for the DynamoDB engine (moto): " + e.getMessage()
          + ". Install Python 3 and moto (pip install 'moto[server]'), or point " + PYTHON_VARIABLE
          + " at a Python that has it.", e);
    }
    Deque<String> tail = new ArrayDeque<>();
    CompletableFuture<Integer> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> readLog(process, tail, listening), "moto-server-log");
    reader.setDaemon(true);
    reader.start();
    try {
      int bound = listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return new MotoServer(process, bound);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      String log;
      synchronized (tail) {
        log = String.join("\n", tail);
      }
      String hint = log.contains("No module named") ? " moto is not installed for " + python
          + ": pip install 'moto[server]' (or point " + PYTHON_VARIABLE + " at a Python that has it)." : "";
      throw new IllegalStateException("the DynamoDB engine (moto) did not start on 127.0.0.1:" + port + "." + hint
          + (log.isBlank() ? "" : "\n" + log));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting moto", e);
    }
  }

  static String python() {
    String configured = System.getProperty(PYTHON_PROPERTY, System.getenv(PYTHON_VARIABLE));
    return configured == null || configured.isBlank() ? "python3" : configured;
  }

  /**
   * moto logs one line per request on stderr: read them all (a full pipe would stall the server), keep the
   * last few for an error message, and report the port from the line that says it listens.
   */
  private static void readLog(Process process, Deque<String> tail, CompletableFuture<Integer> listening) {
    try (var in = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!listening.isDone()) {
          synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > 20) {
              tail.removeFirst();
            }
          }
          Matcher m = LISTENING.matcher(line);
          if (m.find()) {
            listening.complete(Integer.parseInt(m.group(1)));
          }
        }
      }
    } catch (IOException e) {
      listening.completeExceptionally(new UncheckedIOException(e));
    }
    listening.completeExceptionally(new IllegalStateException("moto exited with " + exitValue(process)));
  }

  private static String exitValue(Process process) {
    try {
      return Integer.toString(process.waitFor());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  public int port() {
    return port;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // the hook runs anyway
    }
    stopProcess();
  }

  private void stopProcess() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
