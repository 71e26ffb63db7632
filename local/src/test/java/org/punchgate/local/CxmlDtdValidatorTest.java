package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The simulator's cXML mode checks received order messages against the DTD of their version. */
class CxmlDtdValidatorTest {

  /** The skip is said once, not once per test. */
  private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

  private static final String POOM = "cxml-1.2.050-punchoutordermessage-2-items-cdata.xml";

  private static Path cxmlSamples() {
    String dir = System.getProperty("punchgate.conformance.dir");
    Path folder = dir == null ? null : Path.of(dir, "cxml");
    if (folder == null || !Files.isDirectory(folder.resolve("dtd"))) {
      if (ANNOUNCED.compareAndSet(false, true)) {
        System.out.println("cXML conformance samples not found (" + folder + "): CxmlDtdValidatorTest skipped");
      }
      Assumptions.abort("cXML conformance samples absent");
    }
    return folder;
  }

  private static CxmlDtdValidator validator() {
    return new CxmlDtdValidator(cxmlSamples().resolve("dtd"));
  }

  private static String sample(String name) throws IOException {
    return Files.readString(cxmlSamples().resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void aPunchOutOrderMessageIsValidAgainstItsVersionsDtd() throws IOException {
    var report = assertInstanceOf(CxmlDtdValidator.Report.Checked.class,
        validator().validate(sample(POOM).getBytes(StandardCharsets.UTF_8)));
    assertEquals("cXML-1.2.050.dtd", report.dtd());
    assertEquals(java.util.List.of(), report.findings());
  }

  @Test
  void aMissingRequiredElementIsReportedWithItsLine() throws IOException {
    String broken = sample(POOM).replaceFirst("(?s)<BuyerCookie>.*?</BuyerCookie>", "");
    var report = assertInstanceOf(CxmlDtdValidator.Report.Checked.class,
        validator().validate(broken.getBytes(StandardCharsets.UTF_8)));
    assertFalse(report.valid());
    assertTrue(report.findings().getFirst().line() > 1, report.findings().toString());
    assertTrue(report.findings().toString().contains("PunchOutOrderMessage"), report.findings().toString());
  }

  @Test
  void aVersionWithoutALocalDtdIsSaidSoAndNothingIsFetched() throws IOException {
    var report = validator().validate(sample("cxml-1.2.040-punchoutsetupresponse-200.xml")
        .getBytes(StandardCharsets.UTF_8));
    assertInstanceOf(CxmlDtdValidator.Report.NoDtd.class, report);
  }

  @Test
  void anInternalSubsetNeverReachesTheValidatingParser() {
    String evil = "<?xml version=\"1.0\"?><!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd\""
        + " [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><cXML>&x;</cXML>";
    assertInstanceOf(CxmlDtdValidator.Report.Unreadable.class,
        validator().validate(evil.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSimulatorsCxmlModeShowsValidOrEachErrorWithItsLocation() throws IOException {
    var buyer = new CxmlBuyer("http://localhost:3000", java.net.URI.create("http://127.0.0.1:3000"),
        java.util.List.of(), cxmlSamples().resolve("dtd"));
    assertTrue(buyer.validation(sample(POOM).getBytes(StandardCharsets.UTF_8)).contains("id=\"validation-valid\""));
    String broken = sample(POOM).replaceFirst("(?s)<BuyerCookie>.*?</BuyerCookie>", "");
    String page = buyer.validation(broken.getBytes(StandardCharsets.UTF_8));
    assertTrue(page.contains("class=\"validation-error\"") && page.contains("cXML-1.2.050.dtd")
        && page.contains("line "), page);
  }
}
