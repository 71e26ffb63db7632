package org.punchgate.cxml;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.punchgate.testing.ConformanceSummary;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The shared cXML conformance samples and DTDs, read where they lie (system property
 * {@code punchgate.conformance.dir}); tests that need them are skipped with a message when it is absent.
 * Public for the function modules' tests, which get it through the core test-jar.
 */
public final class CxmlConformance {

  private static final Pattern DTD_ID = Pattern.compile("/cXML/(\\d+\\.\\d+\\.\\d+)/(\\w+)\\.dtd$", Pattern.CASE_INSENSITIVE);

  private CxmlConformance() {}

  public static Path dir() {
    assumeTrue(available(),
        "conformance samples not available: set -Dpunchgate.conformance.dir to the folder holding cxml/");
    return Path.of(System.getProperty(ConformanceSummary.PROPERTY), "cxml");
  }

  /** Whether the samples are there (a fresh clone has none). */
  public static boolean available() {
    String dir = System.getProperty(ConformanceSummary.PROPERTY);
    return dir != null && !dir.isBlank() && Files.isDirectory(Path.of(dir, "cxml"));
  }

  public static byte[] sample(String name) {
    try {
      return Files.readAllBytes(dir().resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> samples() {
    try (Stream<Path> files = Files.list(dir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates a document against the DTD its DOCTYPE names, read from the conformance folder (never from the
   * network). Returns the validation errors; empty when valid.
   */
  public static List<String> dtdErrors(byte[] document) {
    if (!available()) {
      // the document's own assertions still run; only the DTD check needs the shared DTDs
      ConformanceSummary.checkSkipped();
      return List.of();
    }
    Path dtds = dir().resolve("dtd");
    List<String> errors = new ArrayList<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setValidating(true);
      factory.setNamespaceAware(false);
      var builder = factory.newDocumentBuilder();
      builder.setEntityResolver((publicId, systemId) -> {
        Matcher m = DTD_ID.matcher(systemId == null ? "" : systemId);
        if (!m.find()) {
          throw new IllegalArgumentException("no local DTD for " + systemId);
        }
        Path local = dtds.resolve(m.group(2) + "-" + m.group(1) + ".dtd");
        if (!Files.exists(local)) {
          throw new IllegalArgumentException("no local DTD " + local.getFileName() + " for " + systemId);
        }
        InputSource source = new InputSource(Files.newInputStream(local));
        source.setSystemId(local.toUri().toString());
        return source;
      });
      builder.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
          errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
          errors.add("fatal, line " + e.getLineNumber() + ": " + e.getMessage());
        }
      });
      builder.parse(new ByteArrayInputStream(document));
    } catch (Exception e) {
      errors.add(e.toString());
    }
    return errors;
  }
}
