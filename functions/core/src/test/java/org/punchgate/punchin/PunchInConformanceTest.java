package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

/**
 * The public order samples (system property {@code punchgate.conformance.dir}), read at test time: every
 * order is sniffed and read or refused as its own content says, the PEPPOL T01 unit-test sets are run rule by
 * rule, and the order-response samples are read back. Skipped, with one line saying so, when the folder is
 * absent.
 */
class PunchInConformanceTest {

  /**
   * Samples the publisher marks invalid, with the rule our reader refuses them by. BIS 28A T01-0003 orders a
   * negative quantity at a negative price (its header lists the BII2 rules this breaks), refused by
   * PEPPOL-T01-R004 (and R005); T01-0010 is named "empty element" but its own header lists no error, only a
   * warning, so it is read.
   */
  private static final Map<String, String> REFUSED = Map.of(
      "peppol-bis28a-v1-order-T01-0003-invalid.xml", OrderRules.QUANTITY_NOT_NEGATIVE);

  @Test
  void everyOrderSampleIsReadOrRefusedAsItsContentSays() throws IOException, XMLStreamException {
    List<String> report = new ArrayList<>();
    for (Path file : samples("peppol-order")) {
      String name = file.getFileName().toString();
      SecureXml.Parsed.Document doc = parse(file);
      if (doc.root().name().equals("testSet")) {
        report.add(name + ": " + unitTests(Files.readAllBytes(file)));
        continue;
      }
      var sniffed = assertInstanceOf(OrderSniffer.Sniffed.Ubl.class, OrderSniffer.sniff(Files.readAllBytes(file)), name);
      OrderReading reading = UblOrderReader.read(sniffed.format(), sniffed.document());
      String expectedRule = REFUSED.get(name);
      if (expectedRule == null) {
        assertFalse(reading.refused(), () -> name + ": " + reading.findings());
        assertFalse(reading.order().lines().isEmpty(), name);
        report.add(name + ": read, " + sniffed.format() + ", " + reading.order().lines().size() + " lines");
      } else {
        assertTrue(reading.fatal().stream().anyMatch(f -> f.ruleId().equals(expectedRule)),
            () -> name + " should break " + expectedRule + ": " + reading.findings());
        report.add(name + ": refused, " + expectedRule);
      }
    }
    report.forEach(line -> System.out.println("conformance " + line));
  }

  @Test
  void cxmlOrderRequestsAreReadAndOtherCxmlDocumentsRefused() throws IOException {
    int orders = 0;
    for (Path file : samples("cxml")) {
      String name = file.getFileName().toString();
      OrderSniffer.Sniffed sniffed = OrderSniffer.sniff(Files.readAllBytes(file));
      if (name.contains("orderrequest")) {
        var order = assertInstanceOf(OrderSniffer.Sniffed.Cxml.class, sniffed, name);
        OrderReading reading = CxmlOrderRequestReader.read(order.document()).reading();
        assertFalse(reading.refused(), () -> name + ": " + reading.findings());
        assertFalse(reading.order().lines().isEmpty(), name);
        orders++;
      } else {
        var refused = assertInstanceOf(OrderSniffer.Sniffed.Refused.class, sniffed, name);
        assertEquals(OrderRules.NOT_AN_ORDER, refused.reason().ruleId(), name);
      }
    }
    assertEquals(3, orders, "the cXML OrderRequest samples");
  }

  @Test
  void orderResponseSamplesAreNotOrdersAndCarryTheirFormatsCodes() throws IOException {
    for (Path file : samples("peppol-order-response")) {
      String name = file.getFileName().toString();
      SecureXml.Parsed.Document doc = parse(file);
      if (doc.root().name().equals("testSet")) {
        continue;
      }
      var refused = assertInstanceOf(OrderSniffer.Sniffed.Refused.class, OrderSniffer.sniff(Files.readAllBytes(file)),
          name);
      assertEquals(OrderRules.NOT_AN_ORDER, refused.reason().ruleId(), name);
      XmlElement code = UblTree.child(doc.root(), "OrderResponseCode");
      String customization = UblTree.text(doc.root(), "CustomizationID");
      if (customization.startsWith(OrderIdentifiers.BIS28A_ORDER_RESPONSE_CUSTOMIZATION)) {
        assertEquals(OrderIdentifiers.UNCL1225, code.attribute("listID"), name);
        assertTrue(List.of("27", "29", "30").contains(UblTree.text(code)), name);
      } else {
        assertTrue(customization.startsWith(OrderIdentifiers.BIS3_ORDER_RESPONSE_CUSTOMIZATION), name);
        String value = UblTree.text(code);
        assertTrue(List.of("AB", "AP", "RE", "CA").contains(value), name);
        boolean hasLines = !UblTree.children(doc.root(), "OrderLine").isEmpty();
        assertEquals(value.equals("CA"), hasLines, name + ": only CA states lines (T76-R007..R010)");
      }
    }
  }

  /**
   * A VEFA test set: each {@code <test>} holds an Order fragment and the rule it must pass or break. Every rule
   * these sets cover (R001, R003, R008, R024) is one the reader checks, so each verdict must match.
   */
  private static String unitTests(byte[] testSet) throws XMLStreamException {
    XMLStreamReader x = SecureXml.stream(testSet);
    int run = 0;
    int testLine = -1;
    String error = null;
    String success = null;
    while (x.hasNext()) {
      if (x.next() != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      switch (x.getLocalName()) {
        case "test" -> {
          testLine = x.getLocation().getLineNumber();
          error = null;
          success = null;
        }
        case "error" -> error = text(x);
        case "success" -> success = text(x);
        case "Order" -> {
          String rule = error != null ? error : success;
          boolean expectsError = error != null;
          int at = testLine;
          OrderReading reading = UblOrderReader.read(OrderFormat.PEPPOL_BIS3, x);
          boolean broken = reading.findings().stream().anyMatch(f -> f.ruleId().equals(rule));
          assertEquals(expectsError, broken, () -> "test at line " + at + " expects "
              + (expectsError ? "error " : "success ") + rule + ": " + reading.findings());
          run++;
        }
        default -> {
          // the test set's own markup
        }
      }
    }
    return run + " rule tests agree";
  }

  private static String text(XMLStreamReader x) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    while (x.next() != XMLStreamConstants.END_ELEMENT) {
      if (x.isCharacters()) {
        text.append(x.getText());
      }
    }
    return text.toString().strip();
  }

  private static SecureXml.Parsed.Document parse(Path file) throws IOException {
    return assertInstanceOf(SecureXml.Parsed.Document.class, SecureXml.parse(Files.readAllBytes(file)), file::toString);
  }

  private static List<Path> samples(String folder) throws IOException {
    String dir = System.getProperty("punchgate.conformance.dir");
    boolean present = dir != null && !dir.isBlank() && Files.isDirectory(Path.of(dir, folder));
    assumeTrue(present, "conformance samples not available");
    try (Stream<Path> files = Files.list(Path.of(dir, folder))) {
      return files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
  }
}
