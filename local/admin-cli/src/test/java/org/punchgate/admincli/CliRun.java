package org.punchgate.admincli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One run of the CLI in the test's JVM: its exit status and what it printed. */
record CliRun(int exit, String out, String err) {

  static CliRun of(String stdin, Map<String, String> env, List<String> args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    var console = new Console(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    int exit = AdminCli.run(args.toArray(String[]::new), console);
    return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static CliRun of(String... args) {
    return of("", Map.of(), List.of(args));
  }

  /** The generated secret the run printed once. */
  String generatedSecret() {
    Matcher m = Pattern.compile("generated secret \\(shown this once, store it now\\): (\\S+)").matcher(out);
    if (!m.find()) {
      throw new AssertionError("no generated secret in: " + this);
    }
    return m.group(1);
  }

  static List<String> join(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  @Override
  public String toString() {
    return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
  }
}
