package org.punchgate.punchin;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only walk over a UBL document on a {@link org.punchgate.xml.SecureXml#stream} cursor, element by
 * element, without a tree: a reader asks for the children of the element it is in ({@link #nextChild}), reads a
 * leaf's text ({@link #text}) or skips a subtree ({@link #skip}). Names are compared by local name, as in
 * the tree readers do: senders choose their prefixes freely. The path of names as written is kept as the parser's
 * own name strings, so a finding can name where it is without a string built per element.
 *
 * <p>Every start element passes {@link CurrencyWatch}: PEPPOL-T01-R003 concerns every {@code currencyID} in
 * the document, also in elements the reader skips.
 */
final class UblCursor {

  /** Told of every {@code currencyID} attribute, with the path and source line of its element. */
  interface CurrencyWatch {
    void currency(String currencyId, UblCursor at);
  }

  private final XMLStreamReader reader;
  private final CurrencyWatch watch;
  /** The open elements' names as the parser gives them (its own shared strings): a path costs nothing until asked. */
  private String[] prefixes = new String[16];
  private String[] locals = new String[16];
  private int depth;

  UblCursor(XMLStreamReader reader, CurrencyWatch watch) {
    this.reader = reader;
    this.watch = watch;
  }

  /** Moves to the document's root element; false when there is none. */
  boolean root() throws XMLStreamException {
    while (reader.hasNext()) {
      if (reader.next() == XMLStreamConstants.START_ELEMENT) {
        entered();
        return true;
      }
    }
    return false;
  }

  /**
   * Enters the element the underlying reader is positioned at (for readers handed a cursor in the middle of a
   * document, such as a test set's embedded orders).
   */
  void enterCurrent() {
    entered();
  }

  /**
   * Moves to the next child element of the current element and returns true, or consumes the current element's
   * end tag and returns false. Text between children is passed over.
   */
  boolean nextChild() throws XMLStreamException {
    int level = depth;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        entered();
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        left();
        if (depth < level) {
          return false;
        }
      }
    }
    return false;
  }

  /** The current element's local name. */
  String local() {
    return reader.getLocalName();
  }

  /** The current element's attribute by local name (no namespace), stripped; null when absent or blank. */
  String attribute(String local) {
    String value = reader.getAttributeValue(null, local);
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** The source line of the current element's start tag. */
  int line() {
    return reader.getLocation().getLineNumber();
  }

  /** The path of the current element, names as written: {@code /Order/cac:OrderLine/cac:LineItem}. */
  String path() {
    StringBuilder path = new StringBuilder(16 * depth);
    for (int i = 0; i < depth; i++) {
      path.append('/');
      if (prefixes[i] != null && !prefixes[i].isEmpty()) {
        path.append(prefixes[i]).append(':');
      }
      path.append(locals[i]);
    }
    return path.toString();
  }

  /**
   * All the text inside the current element (its descendants' too), stripped, null when empty; leaves the
   * cursor after the element's end tag.
   */
  String text() throws XMLStreamException {
    // a leaf's text is one event (the factory coalesces); a builder is only needed for text around children
    String first = null;
    StringBuilder text = null;
    int level = depth;
    while (reader.hasNext()) {
      switch (reader.next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (first == null) {
            first = reader.getText();
          } else {
            if (text == null) {
              text = new StringBuilder(first);
            }
            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
          }
        }
        case XMLStreamConstants.START_ELEMENT -> entered();
        case XMLStreamConstants.END_ELEMENT -> {
          left();
          if (depth < level) {
            return strip(text == null ? first : text.toString());
          }
        }
        default -> {
          // comments and processing instructions carry no content
        }
      }
    }
    return strip(text == null ? first : text.toString());
  }

  /** Passes over the current element and everything in it. */
  void skip() throws XMLStreamException {
    int level = depth;
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        entered();
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        left();
        if (depth < level) {
          return;
        }
      }
    }
  }

  private void entered() {
    if (depth == locals.length) {
      prefixes = Arrays.copyOf(prefixes, depth * 2);
      locals = Arrays.copyOf(locals, depth * 2);
    }
    prefixes[depth] = reader.getPrefix();
    locals[depth++] = reader.getLocalName();
    if (reader.getAttributeCount() > 0) {
      String currency = reader.getAttributeValue(null, "currencyID");
      if (currency != null) {
        watch.currency(currency, this);
      }
    }
  }

  private void left() {
    depth--;
  }

  private static String strip(String text) {
    if (text == null) {
      return null;
    }
    String s = text.strip();
    return s.isEmpty() ? null : s;
  }
}
