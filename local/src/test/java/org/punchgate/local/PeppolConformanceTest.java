package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.punchgate.peppol.PunchOutVersion;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The shared PEPPOL punch-out samples, read at test time where they lie ({@code punchgate.conformance.dir}), through
 * the simulator's decoder (as a Base64 form value) and validator:
 * <ul>
 *   <li>BIS 3 carts: no schema or schematron error;</li>
 *   <li>the OpenPeppol T77 unit-test sets: every test fragment gives exactly the expected result for its rule;</li>
 *   <li>BIS 18A v1 and EHF 1.0 carts: decoded, and reported as having no rules in phive (their expected legacy
 *       rules are listed in their header comments and printed, unchecked).</li>
 * </ul>
 * Without the samples every test here is skipped with one printed line.
 */
class PeppolConformanceTest {

  /** The skip is said once, not once per test. */

  private static final String VEFA = "http://difi.no/xsd/vefa/validator/1.0";
  private static final Pattern EXPECTED_ERRORS = Pattern.compile("Errors:\\s*(.*?)\\s*Warning:", Pattern.DOTALL);

  private static Path samples() {
    String dir = System.getProperty("punchgate.conformance.dir");
    Path folder = dir == null ? null : Path.of(dir, "peppol-punchout");
    if (folder == null || !Files.isDirectory(folder)) {
      Assumptions.abort("PEPPOL conformance samples absent"); // counted in ConformanceSummary's one line
    }
    return folder;
  }

  private static List<Path> files(String prefix) {
    try (Stream<Path> files = Files.list(samples())) {
      return files.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As the simulator receives it: the file's bytes Base64-encoded in the cart field, then decoded. */
  private static PeppolCartDecoder.Decoded.Cart received(Path file) {
    try {
      String formValue = Base64.getEncoder().encodeToString(Files.readAllBytes(file));
      return assertInstanceOf(PeppolCartDecoder.Decoded.Cart.class, PeppolCartDecoder.decode(formValue),
          file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> bis3CartsHaveNoSchemaOrSchematronError() {
    List<Path> carts = new ArrayList<>(files("peppol-bis3-"));
    carts.addAll(files("aunz-peppol-"));
    assertEquals(3, carts.size(), carts.toString());
    return carts.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      var cart = received(file);
      var report = assertInstanceOf(PeppolCartValidator.Report.Checked.class, PeppolCartValidator.validate(cart.bytes()));
      assertEquals(List.of(), report.errors(), report.rules());
    }));
  }

  @Test
  void theOfficialExampleIsReadInItsDeclaredIso88591() {
    var cart = received(samples().resolve("peppol-bis3-punchout-cart-example-2-lines-iso8859-1.xml"));
    assertEquals(StandardCharsets.ISO_8859_1, cart.charset());
    assertTrue(cart.text().startsWith("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));
    assertEquals(2, cart.root().children("cac:CatalogueLine").size());
  }

  @TestFactory
  Stream<DynamicTest> unitTestFragmentsGiveTheExpectedResultForTheirRule() {
    List<Path> sets = files("peppol-t77-unittest-");
    assertEquals(6, sets.size(), sets.toString());
    return sets.stream().flatMap(PeppolConformanceTest::unitTests);
  }

  private static Stream<DynamicTest> unitTests(Path file) {
    List<DynamicTest> tests = new ArrayList<>();
    Element testSet = parse(file);
    int n = 0;
    for (Element test : children(testSet, VEFA, "test")) {
      n++;
      Element expectation = children(children(test, VEFA, "assert").getFirst(), VEFA, null).getFirst();
      String rule = expectation.getTextContent().strip();
      boolean error = expectation.getLocalName().equals("error");
      int count = expectation.hasAttribute("number") ? Integer.parseInt(expectation.getAttribute("number")) : -1;
      byte[] fragment = serialize(children(test, null, "Catalogue").getFirst());
      String name = file.getFileName() + " #" + n + (error ? " breaks " : " keeps ") + rule;
      tests.add(DynamicTest.dynamicTest(name, () -> {
        var report = assertInstanceOf(PeppolCartValidator.Report.Checked.class,
            PeppolCartValidator.schematronOnly(fragment));
        long found = report.findings().stream().filter(f -> f.rule().equals(rule)).count();
        if (!error) {
          assertEquals(0, found, report.findings().toString());
        } else if (count >= 0) {
          assertEquals(count, found, report.findings().toString());
        } else {
          assertTrue(found > 0, rule + " expected in " + report.findings());
        }
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> legacyCartsAreDecodedAndReportedAsHavingNoPhiveRules() {
    List<Path> legacy = new ArrayList<>(files("peppol-bis18a-v1-"));
    legacy.addAll(files("ehf-legacy-"));
    assertEquals(11, legacy.size(), legacy.toString());
    return legacy.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      var cart = received(file);
      var declared = file.getFileName().toString().startsWith("ehf-") ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
      assertEquals(declared, cart.charset(), "the encoding the file declares");
      var report = assertInstanceOf(PeppolCartValidator.Report.NoRules.class, PeppolCartValidator.validate(cart.bytes()));
      assertTrue(report.customizationId().startsWith(PunchOutVersion.BIS18A_V1.customizationId()));
      List<String> expected = expectedLegacyErrors(cart.text());
      System.out.println("PEPPOL legacy sample " + file.getFileName() + ": expected " + expected
          + ", not checkable: " + report.reason());
    }));
  }

  /** The rule ids listed under "Errors:" in a legacy test file's header comment ("None" for a valid one). */
  private static List<String> expectedLegacyErrors(String text) {
    Matcher m = EXPECTED_ERRORS.matcher(text);
    if (!m.find()) {
      return List.of();
    }
    return Stream.of(m.group(1).split("\\R")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("None"))
        .toList();
  }

  @Test
  void theLegacyInvalidSamplesSayWhichRuleTheyBreak() {
    var cart = received(samples().resolve("peppol-bis18a-v1-cart-T77-0004-invalid-negative-quantity.xml"));
    assertEquals(List.of("BII3-T77-R010"), expectedLegacyErrors(cart.text()));
    assertFalse(expectedLegacyErrors(received(samples().resolve("peppol-bis18a-v1-cart-T77-0001-valid.xml")).text())
        .iterator().hasNext(), "the valid sample expects no error");
  }

  private static Element parse(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static List<Element> children(Element parent, String namespace, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && (namespace == null || namespace.equals(e.getNamespaceURI()))
          && (localName == null || localName.equals(e.getLocalName()))) {
        found.add(e);
      }
    }
    return found;
  }

  private static byte[] serialize(Element element) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      TransformerFactory.newInstance().newTransformer().transform(new DOMSource(element), new StreamResult(out));
      return out.toByteArray();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
