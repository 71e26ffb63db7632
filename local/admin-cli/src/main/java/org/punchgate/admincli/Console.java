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
    var line = new java.io.ByteArrayOutputStream();
    int b;
    // byte by byte, so that nothing after the first line is consumed; decoded as UTF-8 at the end
    while ((b = in.read()) != -1 && b != '\n') {
      line.write(b);
    }
    String text = line.toString(java.nio.charset.StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }
}
