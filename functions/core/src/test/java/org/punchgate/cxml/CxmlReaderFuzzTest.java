package org.punchgate.cxml;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.punchgate.testing.FuzzBudget;

/**
 * Fuzz target: the cXML reader on SecureXml, on any bytes a buyer's system could post. It never throws:
 * a document is read or refused with precise violations. Corpus: {@code CxmlReaderFuzzTestInputs/}.
 */
class CxmlReaderFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void readsAnyBytesOrSaysWhyNot(byte[] document) {
    FuzzBudget.within(() -> {
      CxmlReader.Result result = CxmlReader.read(document);
      assertNotNull(result);
      if (result instanceof CxmlReader.Result.Invalid invalid) {
        assertFalse(invalid.violations().isEmpty(), "a refusal names its reasons");
      } else {
        assertNotNull(((CxmlReader.Result.Read) result).document().payload());
      }
    });
  }
}
