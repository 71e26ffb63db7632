package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeppolCartDecoderTest {

  private static final String CART = "<Catalogue xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Catalogue-2\""
      + " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
      + "<cbc:ID>Åsa</cbc:ID></Catalogue>";

  private static String form(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void readsIso88591AsDeclared() {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + CART).getBytes(StandardCharsets.ISO_8859_1);
    var cart = assertInstanceOf(PeppolCartDecoder.Decoded.Cart.class, PeppolCartDecoder.decode(form(xml)));
    assertEquals(StandardCharsets.ISO_8859_1, cart.charset());
    assertEquals("Åsa", cart.root().childText("cbc:ID"));
  }

  @Test
  void readsUtf8WithAByteOrderMarkAndWithoutADeclaration() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    var cart = assertInstanceOf(PeppolCartDecoder.Decoded.Cart.class,
        PeppolCartDecoder.decode(form(concat(bom, CART.getBytes(StandardCharsets.UTF_8)))));
    assertEquals(StandardCharsets.UTF_8, cart.charset());
    assertEquals(CART, cart.text(), "the mark is not part of the text");
    assertEquals("Åsa", cart.root().childText("cbc:ID"));
  }

  @Test
  void acceptsAFormValueWrappedIntoLines() {
    String wrapped = Base64.getMimeEncoder().encodeToString(CART.getBytes(StandardCharsets.UTF_8));
    assertInstanceOf(PeppolCartDecoder.Decoded.Cart.class, PeppolCartDecoder.decode(wrapped));
  }

  @Test
  void refusesWhatIsNotACartWithADocumentedResult() {
    assertInstanceOf(PeppolCartDecoder.Decoded.Empty.class, PeppolCartDecoder.decode(null));
    assertInstanceOf(PeppolCartDecoder.Decoded.Empty.class, PeppolCartDecoder.decode("  "));
    assertInstanceOf(PeppolCartDecoder.Decoded.NotBase64.class, PeppolCartDecoder.decode("not base64 !"));
    assertInstanceOf(PeppolCartDecoder.Decoded.TooLarge.class,
        PeppolCartDecoder.decode("A".repeat(PeppolCartDecoder.MAX_FORM_CHARS + 4)));
    assertEquals(new PeppolCartDecoder.Decoded.UnknownEncoding("X-NOPE-1"), PeppolCartDecoder.decode(
        form(("<?xml version=\"1.0\" encoding=\"X-NOPE-1\"?>" + CART).getBytes(StandardCharsets.US_ASCII))));
    assertInstanceOf(PeppolCartDecoder.Decoded.BadBytes.class,
        PeppolCartDecoder.decode(form(new byte[] {'<', 'a', '>', (byte) 0xC3, '<', '/', 'a', '>'})));
    assertInstanceOf(PeppolCartDecoder.Decoded.NotXml.class,
        PeppolCartDecoder.decode(form("<Catalogue>".getBytes(StandardCharsets.UTF_8))));
    assertEquals(new PeppolCartDecoder.Decoded.NotCatalogue("Invoice"),
        PeppolCartDecoder.decode(form("<Invoice/>".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void refusesEntitiesAndInternalDtds() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Catalogue [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<Catalogue>&x;</Catalogue>";
    assertInstanceOf(PeppolCartDecoder.Decoded.NotXml.class,
        PeppolCartDecoder.decode(form(xxe.getBytes(StandardCharsets.UTF_8))));
  }

  /** Fuzz-style: random bytes and mutated carts always give one of the documented results, never an exception. */
  @Test
  void arbitraryInputNeverThrows() {
    Random random = new Random(20261203);
    byte[] cart = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + CART).getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < 2_000; i++) {
      byte[] input = i % 2 == 0 ? new byte[random.nextInt(200)] : cart.clone();
      if (i % 2 == 0) {
        random.nextBytes(input);
      } else {
        for (int flips = 0; flips < 1 + random.nextInt(4); flips++) {
          input[random.nextInt(input.length)] = (byte) random.nextInt(256);
        }
      }
      assertNotNull(assertDoesNotThrow(() -> PeppolCartDecoder.decodeBytes(input)));
      String text = new String(input, StandardCharsets.ISO_8859_1);
      assertNotNull(assertDoesNotThrow(() -> PeppolCartDecoder.decode(text)));
    }
  }
}
