package org.punchgate.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.punchgate.xml.SecureXml;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates a cXML message (a PunchOutOrderMessage received in the simulator's cXML mode) against the DTD of the
 * version its DOCTYPE names, read from a local folder of DTDs ({@code cXML-1.2.050.dtd}, {@code Fulfill-1.2.050.dtd};
 * the cXML DTDs are under the cXML licence and are not shipped here). Nothing is ever loaded from the network, and a
 * document is first read by {@link SecureXml}, so one with an internal DTD subset never reaches the validating parser.
 */
public final class CxmlDtdValidator {

  private static final Pattern DTD_ID = Pattern.compile("/cXML/(\\d+\\.\\d+\\.\\d+)/(\\w+)\\.dtd$", Pattern.CASE_INSENSITIVE);

  private final Path dtds;

  public CxmlDtdValidator(Path dtds) {
    this.dtds = dtds;
  }

  /** One DTD violation: where (line:column) and what, as the parser words it. */
  public record Finding(int line, int column, String text) {
    @Override
    public String toString() {
      return "line " + line + ":" + column + ": " + text;
    }
  }

  public sealed interface Report {
    /** Validated against {@code dtd}; valid when there are no findings. */
    record Checked(String dtd, List<Finding> findings) implements Report {
      public Checked {
        findings = List.copyOf(findings);
      }

      public boolean valid() {
        return findings.isEmpty();
      }
    }

    /** No DOCTYPE, or one naming a DTD that is not in the local folder. */
    record NoDtd(String reason) implements Report {}

    /** Not XML that the gateway itself would read. */
    record Unreadable(String reason, int line) implements Report {}
  }

  /** {@code http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd} → {@code cXML-1.2.050.dtd} in the folder, if there. */
  private Optional<Path> localDtd(String systemId) {
    Matcher m = DTD_ID.matcher(systemId == null ? "" : systemId);
    if (!m.find()) {
      return Optional.empty();
    }
    Path local = dtds.resolve(m.group(2) + "-" + m.group(1) + ".dtd");
    return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
  }

  public Report validate(byte[] document) {
    SecureXml.Parsed parsed = SecureXml.parse(document);
    if (parsed instanceof SecureXml.Parsed.Malformed malformed) {
      return new Report.Unreadable(malformed.message(), malformed.line());
    }
    String doctype = ((SecureXml.Parsed.Document) parsed).doctype();
    Optional<String> systemId = doctype == null ? Optional.empty() : SecureXml.systemId(doctype);
    if (systemId.isEmpty()) {
      return new Report.NoDtd("the document names no DTD");
    }
    Optional<Path> found = localDtd(systemId.get());
    if (found.isEmpty()) {
      return new Report.NoDtd("no local copy of the cXML DTD " + systemId.get());
    }
    Path dtd = found.get();
    List<Finding> findings = new ArrayList<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setValidating(true);
      factory.setNamespaceAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      var builder = factory.newDocumentBuilder();
      // only cXML DTDs, only from the local folder: any other external reference fails the validation
      builder.setEntityResolver((publicId, reference) -> {
        Path local = localDtd(reference).orElseThrow(() -> new SAXException("not loaded: " + reference));
        InputSource source = new InputSource(Files.newInputStream(local));
        source.setSystemId(local.toUri().toString());
        return source;
      });
      builder.setErrorHandler(new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
          findings.add(new Finding(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      });
      builder.parse(new ByteArrayInputStream(document));
    } catch (SAXParseException e) {
      findings.add(new Finding(e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      return new Report.Unreadable(e.getMessage(), -1);
    }
    return new Report.Checked(dtd.getFileName().toString(), findings);
  }
}
