package org.punchgate.punchin;

import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import org.punchgate.punchin.PunchInOrder.Identifier;

/**
 * A leaf element of a UBL order as streamed: its stripped text (null when empty), source line and one
 * attribute asked for; with the small readers that take leaves and texts from a {@link UblCursor}.
 */
record UblLeaf(String text, int line, String attribute) {

  /** The first occurrence of each child of the current element, by local name, as leaves. */
  static Map<String, UblLeaf> leaves(UblCursor c) throws XMLStreamException {
    Map<String, UblLeaf> found = new HashMap<>();
    while (c.nextChild()) {
      if (found.containsKey(c.local())) {
        c.skip();
      } else {
        found.put(c.local(), leaf(c, null));
      }
    }
    return found;
  }

  static UblLeaf leaf(UblCursor c, String attribute) throws XMLStreamException {
    int line = c.line();
    String value = attribute == null ? null : c.attribute(attribute);
    return new UblLeaf(c.text(), line, value);
  }

  /** The text of the first child named {@code local} of the current element; the rest is passed over. */
  static String childText(UblCursor c, String local) throws XMLStreamException {
    String text = null;
    boolean seen = false;
    while (c.nextChild()) {
      if (!seen && c.local().equals(local)) {
        seen = true;
        text = c.text();
      } else {
        c.skip();
      }
    }
    return text;
  }

  /** A repeated element the model holds once: passed over, the first value kept. */
  static <T> T skipKeep(UblCursor c, T kept) throws XMLStreamException {
    c.skip();
    return kept;
  }

  static String text(UblLeaf leaf) {
    return leaf == null ? null : leaf.text();
  }

  static Identifier identifier(UblLeaf leaf) {
    return leaf == null || leaf.text() == null ? null : new Identifier(leaf.text(), leaf.attribute());
  }
}
