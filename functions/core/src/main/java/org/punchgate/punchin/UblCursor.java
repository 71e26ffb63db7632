package org.punchgate.punchin;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A forward-only walk over a UBL document on a {@link org.punchgate.xml.SecureXml#stream} cursor, element by
 * element, without a tree: a reader asks for the children of the element it is in ({@link #nextChild}), reads a
 * leaf's text ({@link #text}) or skips a subtree ({@link #skip}). Names are compared by local name, as in
 * the tree readers do: senders choose their prefixes freely. The path of names as written is kept in one builder,
 * so a finding can name where it is without a string per element.
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
  private final StringBuilder path = new StringBuilder(128);
  private int[] marks = new int[16];
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
    return path.toString();
  }

  /**
   * All the text inside the current element (its descendants' too), stripped, null when empty; leaves the
   * cursor after the element's end tag.
   */
  String text() throws XMLStreamException {
    StringBuilder text = null;
    int level = depth;
    while (reader.hasNext()) {
      switch (reader.next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text == null) {
            text = new StringBuilder(reader.getTextLength());
          }
          text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
        }
        case XMLStreamConstants.START_ELEMENT -> entered();
        case XMLStreamConstants.END_ELEMENT -> {
          left();
          if (depth < level) {
            return strip(text);
          }
        }
        default -> {
          // comments and processing instructions carry no content
        }
      }
    }
    return strip(text);
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
    if (depth == marks.length) {
      marks = java.util.Arrays.copyOf(marks, depth * 2);
    }
    marks[depth++] = path.length();
    path.append('/');
    String prefix = reader.getPrefix();
    if (prefix != null && !prefix.isEmpty()) {
      path.append(prefix).append(':');
    }
    path.append(reader.getLocalName());
    if (reader.getAttributeCount() > 0) {
      String currency = reader.getAttributeValue(null, "currencyID");
      if (currency != null) {
        watch.currency(currency, this);
      }
    }
  }

  private void left() {
    path.setLength(marks[--depth]);
  }

  private static String strip(StringBuilder text) {
    if (text == null) {
      return null;
    }
    String s = text.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
