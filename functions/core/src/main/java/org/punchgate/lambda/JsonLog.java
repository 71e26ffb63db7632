package org.punchgate.lambda;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.punchgate.json.Json;

/**
 * The one way the functions log: one JSON object per line (CloudWatch reads each line as one event), values
 * escaped by Jackson. Callers choose the fields; nothing here ever adds request bodies, headers or secrets.
 */
final class JsonLog {

  /** Frames of an exception that a log line keeps: enough to find the fault, not a page of framework calls. */
  private static final int MAX_FRAMES = 20;

  private final ObjectNode line = Json.object();

  private JsonLog() {}

  static JsonLog line() {
    return new JsonLog();
  }

  JsonLog put(String name, String value) {
    if (value != null) {
      line.put(name, value);
    }
    return this;
  }

  JsonLog put(String name, long value) {
    line.put(name, value);
    return this;
  }

  JsonLog put(String name, double value) {
    line.put(name, value);
    return this;
  }

  /**
   * The exception's class and where it was thrown, for each cause; never its message, which may quote
   * the data that made it fail.
   */
  JsonLog error(Throwable e) {
    line.put("error", e.getClass().getName());
    ArrayNode stack = line.putArray("stack");
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t != e) {
        stack.add("caused by " + t.getClass().getName());
      }
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < Math.min(frames.length, MAX_FRAMES); i++) {
        stack.add(frames[i].toString());
      }
    }
    return this;
  }

  /** An ordinary event (one per request). */
  void info() {
    System.out.println(Json.write(line));
  }

  /** A fault or a warning, on standard error. */
  void problem(String level) {
    ObjectNode withLevel = Json.object();
    withLevel.put("level", level);
    withLevel.setAll(line);
    System.err.println(Json.write(withLevel));
  }
}
