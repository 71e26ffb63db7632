package org.punchgate.admincli;

import java.lang.reflect.Method;

/**
 * The jar's entry point, compiled for Java 8 so that an older {@code java} can load it and say what to do,
 * instead of failing with UnsupportedClassVersionError on the first class of the CLI (the runner's jar does the
 * same). It checks the Java version before anything else and hands over to {@code AdminCli}.
 */
public final class Launcher {

  static final int REQUIRED = 25;

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    int feature = feature(System.getProperty("java.specification.version", "0"));
    if (feature < REQUIRED) {
      System.err.println("punchgate-admin needs Java " + REQUIRED + " or newer (this is Java "
          + System.getProperty("java.specification.version") + "); run it through local/with-jdk25, e.g."
          + " local/with-jdk25 java -jar local/admin-cli/target/punchgate-admin.jar --help");
      System.exit(1);
    }
    Method main = Class.forName("org.punchgate.admincli.AdminCli").getMethod("main", String[].class);
    main.invoke(null, (Object) args);
  }

  /** "1.8" is 8, "25" is 25. */
  static int feature(String specification) {
    String s = specification.startsWith("1.") ? specification.substring(2) : specification;
    int dot = s.indexOf('.');
    try {
      return Integer.parseInt(dot < 0 ? s : s.substring(0, dot));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
