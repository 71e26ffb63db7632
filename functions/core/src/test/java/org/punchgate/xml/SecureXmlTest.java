package org.punchgate.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureXmlTest {

  private static SecureXml.Parsed parse(String xml) {
    return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsADocumentWithAnExternalDoctypeWithoutLoadingIt() {
    var parsed = parse("<?xml version=\"1.0\"?>\n<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd\">"
        + "<cXML a=\"1\">x<![CDATA[<y>]]>&amp;<b>c</b></cXML>");
    var doc = assertInstanceOf(SecureXml.Parsed.Document.class, parsed);
    assertEquals("http://xml.cxml.org/schemas/cXML/1.2.050/cXML.dtd", SecureXml.systemId(doc.doctype()).orElseThrow());
    assertEquals("x<y>&c", doc.root().allText());
    assertEquals("x&lt;y&gt;&amp;<b>c</b>", doc.root().innerXml());
  }

  @Test
  void refusesAnExternalEntityThatReadsALocalFile(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    var parsed = parse("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]><r>&xxe;</r>");
    var malformed = assertInstanceOf(SecureXml.Parsed.Malformed.class, parsed);
    assertFalse(malformed.message().contains("TOP-SECRET"));
  }

  @Test
  void refusesAParameterEntityXxe(@TempDir Path dir) throws IOException {
    Path evil = dir.resolve("evil.dtd");
    Files.writeString(evil, "<!ENTITY leak \"LEAKED\">");
    var parsed = parse("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY % p SYSTEM \"" + evil.toUri() + "\"> %p;]><r>&leak;</r>");
    assertInstanceOf(SecureXml.Parsed.Malformed.class, parsed);
  }

  @Test
  void refusesBillionLaughsFastAndWithoutMemoryGrowth() {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
    for (int i = 2; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        dtd.append("&lol").append(i - 1).append(';');
      }
      dtd.append("\">");
    }
    dtd.append("]>");
    String bomb = "<?xml version=\"1.0\"?>" + dtd + "<lolz>&lol9;</lolz>";
    Runtime rt = Runtime.getRuntime();
    long before = rt.totalMemory() - rt.freeMemory();
    var parsed = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parse(bomb));
    long after = rt.totalMemory() - rt.freeMemory();
    assertInstanceOf(SecureXml.Parsed.Malformed.class, parsed);
    assertTrue(after - before < 64L * 1024 * 1024, "memory grew by " + (after - before));
  }

  @Test
  void refusesAnUndeclaredEntityWithoutAnyDtd() {
    assertInstanceOf(SecureXml.Parsed.Malformed.class, parse("<r>&nbsp;</r>"));
  }

  @Test
  void neverFetchesAnExternalDtd() throws IOException {
    try (ServerSocket server = new ServerSocket(0)) {
      server.setSoTimeout(300);
      var parsed = parse("<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:" + server.getLocalPort()
          + "/evil.dtd\"><r>ok</r>");
      assertEquals("ok", assertInstanceOf(SecureXml.Parsed.Document.class, parsed).root().allText());
      boolean contacted;
      try (var ignored = server.accept()) {
        contacted = true;
      } catch (SocketTimeoutException expected) {
        contacted = false;
      }
      assertFalse(contacted, "the parser connected to the DTD's address");
    }
  }

  @Test
  void honoursIso88591DeclaredInTheDocument() {
    byte[] latin1 = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>Gr\u00f6\u00dfe \u00e9t\u00e9</r>"
        .getBytes(StandardCharsets.ISO_8859_1);
    var doc = assertInstanceOf(SecureXml.Parsed.Document.class, SecureXml.parse(latin1));
    assertEquals("Gr\u00f6\u00dfe \u00e9t\u00e9", doc.root().allText());
  }

  @Test
  void readsUtf8WithAndWithoutByteOrderMark() {
    String text = "<?xml version=\"1.0\" encoding=\"utf-8\"?><r>\u20ac \u2019 \uD83D\uDE00</r>";
    byte[] plain = text.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    for (byte[] doc : new byte[][] {plain, bom}) {
      var parsed = assertInstanceOf(SecureXml.Parsed.Document.class, SecureXml.parse(doc));
      assertEquals("\u20ac \u2019 \uD83D\uDE00", parsed.root().allText());
    }
  }

  @Test
  void refusesDeepNesting() {
    String deep = "<a>".repeat(SecureXml.MAX_DEPTH + 5) + "</a>".repeat(SecureXml.MAX_DEPTH + 5);
    assertInstanceOf(SecureXml.Parsed.Malformed.class, parse(deep));
  }

  @Test
  void reportsTheLineOfMalformedInput() {
    var malformed = assertInstanceOf(SecureXml.Parsed.Malformed.class, parse("<r>\n<a>\n</r>"));
    assertEquals(3, malformed.line());
  }

  @Test
  void writerEscapesAndReplacesCharactersXmlCannotCarry() {
    XmlWriter w = XmlWriter.fragment();
    w.start("a").attribute("x", "\"<&>\n").text("<&>\"\u0001").end();
    assertEquals("<a x=\"&quot;&lt;&amp;&gt;&#10;\">&lt;&amp;&gt;\"\uFFFD</a>", w.toString());
    var reparsed = assertInstanceOf(SecureXml.Parsed.Document.class, parse(w.toString()));
    assertEquals("\"<&>\n", reparsed.root().attribute("x"));
  }
}
