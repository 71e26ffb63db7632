package org.punchgate.admincli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;

/** Where a command reads and writes: the process's streams and environment, or a test's. */
record Console(InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {

  static Console system() {
    return new Console(System.in, System.out, System.err, System.getenv());
  }

  /** The first line of standard input, without its line end: how secrets reach the CLI without the command line. */
  String readSecretLine() throws java.io.IOException {
    var line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      line.append((char) c);
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return line.toString();
  }
}
