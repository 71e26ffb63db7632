package org.punchgate.peppol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PeppolEncodingsTest {

  private static String latin1(String xml) {
    return new String(PeppolEncodings.encode(xml, PeppolEncoding.ISO_8859_1), StandardCharsets.ISO_8859_1);
  }

  @Test
  void replacesTheDeclarationAndKeepsLatin1Bytes() {
    assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>Åäö ÿ</a>",
        latin1("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>Åäö ÿ</a>"));
  }

  @Test
  void referencesEveryCharacterBeyondLatin1IncludingPairsAndManyInARow() {
    String many = "€".repeat(500);
    assertEquals("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>&#128512;x" + "&#8364;".repeat(500) + "&#128512;</a>",
        latin1("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>😀x" + many + "😀</a>"));
  }

  @Test
  void utf8IsWrittenAsIs() {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a>€😀</a>";
    assertEquals(xml, new String(PeppolEncodings.encode(xml, PeppolEncoding.UTF_8), StandardCharsets.UTF_8));
  }
}
