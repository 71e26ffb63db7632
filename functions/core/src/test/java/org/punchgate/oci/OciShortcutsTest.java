package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast paths of the OCI writer answer exactly what the slow paths they skip would answer. */
class OciShortcutsTest {

  private static final String[] NUMBER_PIECES = {"0", "1", "9", "00", ".", "5", "-", "+", "e", " ", "12345"};
  private static final String[] TEXT_PIECES = {"a", "Z", " ", "&", "é", "€", "😀", "\ud800", "\udc00", "ß", "\u0152"};
  private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
      StandardCharsets.US_ASCII, Charset.forName("windows-1252"), Charset.forName("ISO-8859-15"),
      Charset.forName("Shift_JIS"));

  @Test
  void canonicalDecimalsAreSentAsTheyAreWhichIsWhatTheParseGives() {
    Random random = new Random(7);
    for (int run = 0; run < 50_000; run++) {
      String text = random(random, NUMBER_PIECES, 1 + random.nextInt(6));
      if (OciValues.isCanonicalDecimal(text)) {
        BigDecimal parsed = new BigDecimal(text);
        assertEquals(text, parsed.toPlainString(), text);
        assertTrue(parsed.scale() <= OciField.MAX_DECIMALS && OciValues.integerDigits(parsed)
            <= OciField.MAX_INTEGER_DIGITS, text);
      }
    }
  }

  @Test
  void canonicalIntegersAreSentAsTheyAreWhichIsWhatTheParseGives() {
    Random random = new Random(5);
    for (int run = 0; run < 50_000; run++) {
      String text = random(random, NUMBER_PIECES, 1 + random.nextInt(4));
      if (OciValues.isCanonicalInteger(text)) {
        assertEquals(text, new BigDecimal(text).toBigIntegerExact().toString(), text);
        assertEquals(text, OciValues.integer(text, 30, OciVersion.V4_0).text(), text);
      }
    }
    assertEquals("10", OciValues.integer("10", 5, OciVersion.V4_0).text());
    assertEquals("10", OciValues.integer("10.0", 5, OciVersion.V4_0).text());
    assertEquals(false, OciValues.integer("123456", 5, OciVersion.V4_0).valid());
  }

  @Test
  void canonicalDecimalsAreTheUsualCartNumbers() {
    for (String text : List.of("0", "1", "12.5", "0.001", "99999999999.999", "3.50")) {
      assertTrue(OciValues.isCanonicalDecimal(text), text);
      assertEquals(text, OciValues.decimal(text).text());
    }
    for (String text : List.of("", ".5", "5.", "01", "1.0001", "123456789012", "-1", "1e3", " 1")) {
      assertEquals(false, OciValues.isCanonicalDecimal(text), text);
    }
  }

  @Test
  void textCalledEncodableWithoutAnEncoderIsEncodable() {
    Random random = new Random(11);
    for (int run = 0; run < 20_000; run++) {
      String text = random(random, TEXT_PIECES, random.nextInt(8));
      for (Charset charset : CHARSETS) {
        boolean encodable = charset.newEncoder().canEncode(text);
        if (OciText.surelyEncodable(text, charset)) {
          assertTrue(encodable, charset + " " + text);
        }
        assertEquals(encodable, OciText.canEncode(text, charset), charset + " " + text);
      }
    }
  }

  @Test
  void appendingEscapedTextEqualsEscapingIt() {
    Random random = new Random(3);
    String[] pieces = {"a", "&", "<", ">", "\"", "'", "é", "&amp;", "😀"};
    for (int run = 0; run < 10_000; run++) {
      String text = random(random, pieces, random.nextInt(8));
      assertEquals(org.punchgate.http.Html.escape(text),
          org.punchgate.http.Html.appendEscaped(new StringBuilder(), text).toString(), text);
    }
  }

  private static String random(Random random, String[] pieces, int count) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < count; i++) {
      text.append(pieces[random.nextInt(pieces.length)]);
    }
    return text.toString();
  }
}
