package org.punchgate.oci;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import org.punchgate.http.HttpRequest;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Text as the buyer's page can carry it. The page charset is the call-up's {@code http_content_charset}
 * (SPECS §1.1 step 4), UTF-8 when absent or unknown. A browser would send a character the charset lacks as
 * {@code &#NNNN;} garbage, so free text is brought to its closest form in the charset first (accents
 * dropped by compatibility decomposition, typographic punctuation to ASCII, {@code €} to {@code EUR}),
 * {@code ?} where there is none; identifiers are never changed (the renderer reports them instead).
 */
final class OciText {

  private static final Map<Integer, String> CLOSEST = Map.ofEntries(
      Map.entry(0x2018, "'"), Map.entry(0x2019, "'"), Map.entry(0x201A, "'"), Map.entry(0x2032, "'"),
      Map.entry(0x201C, "\""), Map.entry(0x201D, "\""), Map.entry(0x201E, "\""), Map.entry(0x2033, "\""),
      Map.entry(0x2010, "-"), Map.entry(0x2011, "-"), Map.entry(0x2012, "-"), Map.entry(0x2013, "-"),
      Map.entry(0x2014, "-"), Map.entry(0x2212, "-"), Map.entry(0x2022, "*"), Map.entry(0x20AC, "EUR"),
      Map.entry(0x0152, "OE"), Map.entry(0x0153, "oe"), Map.entry(0x0141, "L"), Map.entry(0x0142, "l"),
      Map.entry(0x00DF, "ss"), Map.entry(0x00C6, "AE"), Map.entry(0x00E6, "ae"), Map.entry(0x00D8, "O"),
      Map.entry(0x00F8, "o"), Map.entry(0x00A0, " "));

  private OciText() {}

  /** The page charset for a call-up value: a known charset that can encode, else UTF-8. */
  static Charset pageCharset(String name) {
    Charset charset = HttpRequest.charsetOr(name, StandardCharsets.UTF_8);
    return charset.canEncode() ? charset : StandardCharsets.UTF_8;
  }

  static boolean canEncode(String text, Charset charset) {
    return surelyEncodable(text, charset) || charset.newEncoder().canEncode(text);
  }

  /** Free text in its closest form that the charset can encode. */
  static String closestIn(String text, Charset charset) {
    if (surelyEncodable(text, charset)) {
      return text;
    }
    CharsetEncoder encoder = charset.newEncoder();
    if (encoder.canEncode(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(cp -> out.append(closest(cp, encoder)));
    return out.toString();
  }

  private static String closest(int codePoint, CharsetEncoder encoder) {
    String original = Character.toString(codePoint);
    if (encoder.canEncode(original)) {
      return original;
    }
    String replacement = CLOSEST.get(codePoint);
    if (replacement != null && encoder.canEncode(replacement)) {
      return replacement;
    }
    String decomposed = Normalizer.normalize(original, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
    if (!decomposed.isEmpty() && encoder.canEncode(decomposed)) {
      return decomposed;
    }
    return "?";
  }

  /**
   * Whether the text is encodable without asking an encoder: a new encoder per field was most of the cost
   * of a cart page. UTF-8 carries everything but unpaired surrogates; the page charsets that extend ASCII
   * carry ASCII text. Anything else goes to the encoder.
   */
  static boolean surelyEncodable(String text, Charset charset) {
    boolean unicode = charset == StandardCharsets.UTF_8;
    if (!unicode && !ASCII_SUPERSETS.contains(charset.name())) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unicode ? Character.isSurrogate(c) : c >= 0x80) {
        return false; // a pair is fine for UTF-8, but the encoder decides: this is only the fast path
      }
    }
    return true;
  }

  /** Canonical names of page charsets known to encode every ASCII character as itself. */
  private static final java.util.Set<String> ASCII_SUPERSETS = java.util.Set.of("US-ASCII", "ISO-8859-1",
      "ISO-8859-2", "ISO-8859-15", "windows-1250", "windows-1252", "UTF-8");

  /**
   * The text cut to at most {@code max} UTF-16 units at a user-perceived character boundary, so neither a
   * surrogate pair nor a letter and its combining accent are split; trailing blanks are dropped.
   */
  static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    if (max > 0 && plainBoundary(text.charAt(max - 1), text.charAt(max))) {
      return text.substring(0, max).stripTrailing(); // the common case, without a BreakIterator per call
    }
    BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
    characters.setText(text);
    int end = characters.isBoundary(max) ? max : characters.preceding(max);
    return text.substring(0, Math.max(end, 0)).stripTrailing();
  }

  /**
   * Whether two characters below U+0300 (where the combining marks start) meet at a character boundary: no
   * character there extends a cluster, so only CR LF stays together (UAX #29 rules GB3 and GB999).
   */
  private static boolean plainBoundary(char before, char after) {
    return before < '\u0300' && after < '\u0300' && !(before == '\r' && after == '\n');
  }
}
