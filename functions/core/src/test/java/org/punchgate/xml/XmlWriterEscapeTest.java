package org.punchgate.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Escaping copies plain runs whole; it must write exactly what escaping character by character writes. */
class XmlWriterEscapeTest {

  private static final String[] PIECES = {"a", "Z", " ", "&", "<", ">", "\"", "'", "\t", "\n", "\r", "\u0001",
      "é", "€", "😀", "\ud800", "\udc00", "\ufffe", "\uffff", "\ufffd", "=", "?", "\ue000", "plain text"};

  @Test
  void writesWhatTheCharacterByCharacterEscapingWrites() {
    Random random = new Random(17);
    for (int run = 0; run < 20_000; run++) {
      StringBuilder text = new StringBuilder();
      for (int i = random.nextInt(10); i > 0; i--) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      String value = text.toString();
      String written = XmlWriter.fragment().start("e").attribute("a", value).text(value).end().toString();
      String expected = value.isEmpty() ? "<e a=\"\"/>"
          : "<e a=\"" + reference(value, true) + "\">" + reference(value, false) + "</e>";
      assertEquals(expected, written, value);
    }
  }

  /** The escaping as it was written first, one character at a time. */
  private static String reference(String text, boolean attribute) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        case '\r' -> out.append("&#13;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
