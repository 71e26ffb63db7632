package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.punchgate.peppol.PeppolCart;
import org.punchgate.peppol.PeppolCartFormat;
import org.punchgate.peppol.PeppolCartWriter;
import org.punchgate.peppol.PeppolEncoding;
import org.punchgate.peppol.PeppolFixtures;
import org.punchgate.peppol.PunchOutVersion;

/** Every cart the writer produces passes the BIS Punch Out 3 schema and T77 schematron with no error. */
class PeppolCartSchematronTest {

  private static final PeppolCartWriter WRITER = new PeppolCartWriter(PeppolFixtures.CLOCK);

  private static PeppolCartValidator.Report.Checked validated(PeppolCart cart, PeppolCartFormat format) {
    var written = assertInstanceOf(PeppolCartWriter.Outcome.Written.class, WRITER.write(cart, format));
    var decoded = assertInstanceOf(PeppolCartDecoder.Decoded.Cart.class, PeppolCartDecoder.decode(written.formValue()));
    return assertInstanceOf(PeppolCartValidator.Report.Checked.class, PeppolCartValidator.validate(decoded.bytes()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 100, 1_000})
  void generatedCartsPassTheSchematronInIso88591(int lines) {
    var report = validated(PeppolFixtures.cartOf(lines), PeppolFixtures.FORMAT);
    assertEquals(List.of(), report.errors(), report.rules());
  }

  @Test
  void aUtf8CartWithTextBeyondLatin1Passes() {
    var cart = PeppolFixtures.cart(List.of(PeppolFixtures.line(1).description("Pris i € – “citat” och 😀").build()));
    var report = validated(cart, PeppolFixtures.FORMAT.withEncoding(PeppolEncoding.UTF_8));
    assertEquals(List.of(), report.errors());
    var latin1 = validated(cart, PeppolFixtures.FORMAT);
    assertEquals(List.of(), latin1.errors(), "character references in ISO-8859-1 text are read back");
  }

  @Test
  void theValidatorNamesTheRuleALineBreaks() {
    var written = assertInstanceOf(PeppolCartWriter.Outcome.Written.class,
        WRITER.write(PeppolFixtures.cartOf(1), PeppolFixtures.FORMAT.withEncoding(PeppolEncoding.UTF_8)));
    String broken = new String(written.xml(), StandardCharsets.UTF_8)
        .replace("<cbc:BatchQuantity unitCode=\"H87\">2</cbc:BatchQuantity>",
            "<cbc:BatchQuantity unitCode=\"H87\">0</cbc:BatchQuantity>");
    var report = assertInstanceOf(PeppolCartValidator.Report.Checked.class,
        PeppolCartValidator.validate(broken.getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of("PEPPOL-T77-R002"), report.errors().stream().map(PeppolCartValidator.Finding::rule).toList());
    assertTrue(report.errors().getFirst().location().contains("CatalogueLine"), report.errors().getFirst().location());
  }

  @Test
  void legacyIdentifiersAreNotCheckedAgainstRulesPhiveDoesNotHave() {
    var written = assertInstanceOf(PeppolCartWriter.Outcome.Written.class,
        WRITER.write(PeppolFixtures.cartOf(3), PeppolFixtures.FORMAT.withVersion(PunchOutVersion.BIS18A_V1)));
    var report = assertInstanceOf(PeppolCartValidator.Report.NoRules.class, PeppolCartValidator.validate(written.xml()));
    assertEquals(PunchOutVersion.BIS18A_V1.customizationId(), report.customizationId());
    assertTrue(report.reason().contains("BIS 3 T77 rules only"), report.reason());
  }
}
