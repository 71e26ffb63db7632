package org.punchgate.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * The entry point of Punchgate's runnable jars (the runner's and punchgate-admin's), compiled for Java 8 so that an
 * older {@code java} can load it and say what to do, instead of failing with UnsupportedClassVersionError on the first
 * class of the tool. It checks the Java version before anything else and hands over to the tool the jar's manifest
 * names ({@code Punchgate-Main}, default {@code LocalRunner}); {@code Punchgate-Script} is the script that runs that
 * jar with a suitable Java (default {@code local/run}).
 */
public final class Launcher {

  static final int REQUIRED = 25;
  static final String MAIN_ATTRIBUTE = "Punchgate-Main";
  static final String SCRIPT_ATTRIBUTE = "Punchgate-Script";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    Attributes manifest = manifest();
    int feature = feature(System.getProperty("java.specification.version", "0"));
    if (feature < REQUIRED) {
      System.err.println("Punchgate needs Java " + REQUIRED + " or newer (this is Java "
          + System.getProperty("java.specification.version") + "); run it through local/with-jdk25 (e.g. "
          + value(manifest, SCRIPT_ATTRIBUTE, "local/run") + "), which finds one.");
      System.exit(1);
    }
    String tool = value(manifest, MAIN_ATTRIBUTE, "org.punchgate.local.LocalRunner");
    Method main = Class.forName(tool).getMethod("main", String[].class);
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

  /** The main attributes of this jar's manifest; none when run from classes (tests). */
  private static Attributes manifest() {
    try (InputStream in = Launcher.class.getResourceAsStream("/META-INF/MANIFEST.MF")) {
      return in == null ? new Attributes() : new Manifest(in).getMainAttributes();
    } catch (IOException e) {
      return new Attributes();
    }
  }

  private static String value(Attributes attributes, String name, String fallback) {
    String value = attributes.getValue(name);
    return value == null || value.trim().isEmpty() ? fallback : value.trim();
  }
}
