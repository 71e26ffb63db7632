package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcut in {@link OciText#cut} cuts exactly where the character BreakIterator would. */
class OciTextCutTest {

  private static final String[] PIECES = {"a", "Z", " ", "\r", "\n", "\r\n", "é", "e\u0301", "ß", "\u00ff",
      "\u0300", "😀", "👍🏽", "🇸🇪", "\u200d", "각", "\t", "-"};

  @Test
  void cutsWhereTheBreakIteratorCutsForMixedText() {
    Random random = new Random(42);
    for (int run = 0; run < 20_000; run++) {
      StringBuilder text = new StringBuilder();
      int pieces = 1 + random.nextInt(12);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      int max = random.nextInt(text.length() + 1);
      assertEquals(reference(text.toString(), max), OciText.cut(text.toString(), max), () -> "max " + max + ": "
          + text.codePoints().mapToObj(Integer::toHexString).toList());
    }
  }

  private static String reference(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
    characters.setText(text);
    int end = characters.isBoundary(max) ? max : characters.preceding(max);
    return text.substring(0, Math.max(end, 0)).stripTrailing();
  }
}
