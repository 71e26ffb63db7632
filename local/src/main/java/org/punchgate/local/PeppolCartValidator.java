package org.punchgate.local;

import com.helger.diagnostics.error.IError;
import com.helger.diagnostics.error.level.EErrorLevel;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executor.IValidationExecutor;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.peppol.PeppolValidation;
import com.helger.phive.peppol.PeppolValidation2026_05;
import com.helger.phive.xml.schematron.ValidationExecutorSchematron;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.punchgate.peppol.PeppolIds;
import org.punchgate.peppol.PunchOutVersion;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Validates a received PEPPOL cart as SFTI's public verifier does: the UBL 2.1 schema and the BIS Punch Out 3
 * schematron (T77), through phive's PEPPOL rules (Apache-2.0), offline. Each finding names its rule, its location
 * and its text. Lives in the local runner only: no function depends on phive.
 *
 * <p>phive-rules-peppol 4.3.7 carries the BIS 3 T77 rules only (OpenPeppol releases 2024.5 to 2026.5); it has no
 * rules for the BIS 18A v1 identifiers (the legacy BII3-T77, EUGEN-T77, OP-T77 and CL-T77 rules), so such a cart is
 * answered with {@link Report.NoRules} rather than checked against rules it was never meant to meet.
 */
public final class PeppolCartValidator {

  private PeppolCartValidator() {}

  public enum Severity { ERROR, WARNING }

  /** One finding: the rule id ({@code PEPPOL-T77-R002}, or the schema's or structure check's id), where, and what. */
  public record Finding(Severity severity, String rule, String location, String text) {
    @Override
    public String toString() {
      return severity + " " + rule + " at " + location + ": " + text;
    }
  }

  /** The answer for one document. */
  public sealed interface Report {
    /** Validated with the named rule set; valid when no finding is an error. */
    record Checked(String rules, List<Finding> findings) implements Report {
      public Checked {
        findings = List.copyOf(findings);
      }

      public boolean valid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
      }

      public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
      }
    }

    /** A cart whose identifiers phive has no rules for. */
    record NoRules(String customizationId, String reason) implements Report {}

    /** Not an XML document the validator can read. */
    record Unreadable(String reason) implements Report {}
  }

  /** Schema and schematron, in the BIS's order: the schematron runs only on a schema-valid document. */
  public static Report validate(byte[] xml) {
    return run(xml, false);
  }

  /**
   * The T77 schematron alone, for the OpenPeppol unit-test fragments, which test one rule each and are not
   * schema-valid documents.
   */
  public static Report schematronOnly(byte[] xml) {
    return run(xml, true);
  }

  private static Report run(byte[] xml, boolean schematronOnly) {
    Document document;
    try {
      document = parse(xml);
    } catch (SAXException | IOException | ParserConfigurationException e) {
      return new Report.Unreadable(e.getMessage());
    }
    String customizationId = childText(document.getDocumentElement(), "CustomizationID");
    if (customizationId != null && customizationId.startsWith(PunchOutVersion.BIS18A_V1.customizationId())) {
      return new Report.NoRules(customizationId, "phive-rules-peppol has the BIS 3 T77 rules only; the BIS 18A v1 "
          + "rules (BII3-T77, EUGEN-T77, OP-T77, CL-T77) are not in it");
    }
    IValidationExecutorSet<IValidationSourceXML> rules = Rules.PUNCH_OUT_3;
    List<IValidationExecutor<IValidationSourceXML>> executors = new ArrayList<>();
    for (IValidationExecutor<IValidationSourceXML> executor : rules.getAllExecutors()) {
      if (!schematronOnly || executor instanceof ValidationExecutorSchematron) {
        executors.add(executor);
      }
    }
    var source = ValidationSourceXML.create("cart.xml", document);
    ValidationResultList results = new ValidationResultList(source);
    new ValidationExecutionManager<>(IValidityDeterminator.<IValidationSourceXML>createDefault(), executors)
        .executeValidation(source, results, Locale.ENGLISH);
    List<Finding> findings = new ArrayList<>();
    // schematron "information" asserts are left out: the verifier shows errors and warnings
    results.forEachFlattened(error -> error.getErrorLevel().isGE(EErrorLevel.WARN),
        error -> findings.add(finding(error)));
    return new Report.Checked(rules.getDisplayName() + " (" + rules.getID().getAsSingleID() + ")", findings);
  }

  private static Finding finding(IError error) {
    Severity severity = error.isError() ? Severity.ERROR : Severity.WARNING;
    String rule = error.getErrorID() == null ? "SCHEMA" : error.getErrorID();
    String location = error.getErrorFieldName();
    if (location == null || location.isBlank()) {
      location = error.hasErrorLocation() ? "line " + error.getErrorLocation().getLineNumber() : "";
    }
    String text = error.getErrorText(Locale.ENGLISH);
    if (error.hasLinkedException()) {
      text = text + " (" + error.getLinkedExceptionMessage() + ")";
    }
    return new Finding(severity, rule, location, text);
  }

  private static Document parse(byte[] xml) throws ParserConfigurationException, SAXException, IOException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null); // errors are thrown, not printed
    return builder.parse(new ByteArrayInputStream(xml));
  }

  private static String childText(Element root, String localName) {
    for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && localName.equals(element.getLocalName())
          && PeppolIds.NS_CBC.equals(element.getNamespaceURI())) {
        return element.getTextContent().strip();
      }
    }
    return null;
  }

  /** phive's registry is costly to build (it loads every PEPPOL rule set): once, on first use. */
  private static final class Rules {
    static final IValidationExecutorSet<IValidationSourceXML> PUNCH_OUT_3 = punchOut3();

    private static IValidationExecutorSet<IValidationSourceXML> punchOut3() {
      var registry = new ValidationExecutorSetRegistry<IValidationSourceXML>();
      PeppolValidation.initStandard(registry);
      DVRCoordinate id = PeppolValidation2026_05.VID_OPENPEPPOL_PUNCH_OUT_V3;
      var latest = registry.getLatestActiveVersion(id.getGroupID(), id.getArtifactID(), Set.of(), OffsetDateTime.now());
      return latest != null ? latest : registry.getOfID(id);
    }
  }
}
