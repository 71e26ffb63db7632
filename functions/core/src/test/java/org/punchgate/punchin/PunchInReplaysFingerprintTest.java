package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.punchgate.punchin.PunchInFixtures.readUbl;
import static org.punchgate.punchin.PunchInFixtures.resource;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** "The same document": a UBL order re-serialised by an access point is the same; another quantity is not. */
class PunchInReplaysFingerprintTest {

  private static final String BIS3 = new String(resource("bis3-order.xml"), StandardCharsets.UTF_8);

  @Test
  void aReserialisedUblOrderIsTheSameDocumentAChangedOneIsNot() {
    String same = PunchInReplays.fingerprint(readUbl(resource("bis3-order.xml")).order());
    String reserialised = BIS3.replace("xmlns:cbc=", "xmlns:b=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\" xmlns:cbc=")
        .replace("\n  ", "\n    ").replace("<!-- Punchgate", "<!-- resent: Punchgate");
    assertEquals(same, PunchInReplays.fingerprint(readUbl(reserialised.getBytes(StandardCharsets.UTF_8)).order()));
    String changed = BIS3.replace("unitCode=\"EA\">10<", "unitCode=\"EA\">11<");
    assertNotEquals(same, PunchInReplays.fingerprint(readUbl(changed.getBytes(StandardCharsets.UTF_8)).order()));
  }

  @Test
  void aCxmlDocumentIsItsPayloadId() {
    var sniffed = (OrderSniffer.Sniffed.Cxml) OrderSniffer.sniff(resource("cxml-orderrequest-iso-8859-1.xml"));
    PunchInOrder order = CxmlOrderRequestReader.read(sniffed.document()).reading().order();
    assertEquals("payload:1764000000000.abc@buyer.example", PunchInReplays.fingerprint(order));
  }
}
