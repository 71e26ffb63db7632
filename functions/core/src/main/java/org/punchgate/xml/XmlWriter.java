package org.punchgate.xml;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small XML writer for the documents we send: elements, attributes, escaped text and raw fragments we
 * produced ourselves. Indents element-only content by two spaces; an element that holds text keeps its
 * content on one line, so mixed content is written exactly. Characters XML cannot carry (control
 * characters, lone surrogates) are replaced by U+FFFD, so the output is always well-formed.
 */
public final class XmlWriter {

  private final StringBuilder out;
  private final Deque<Open> open = new ArrayDeque<>();
  private final boolean indent;
  private boolean startTagOpen;

  private static final class Open {
    final String name;
    boolean hasChildren;
    boolean hasText;

    Open(String name) {
      this.name = name;
    }
  }

  private XmlWriter(boolean indent) {
    this(indent, 2048);
  }

  private XmlWriter(boolean indent, int capacity) {
    this.indent = indent;
    this.out = new StringBuilder(capacity);
  }

  /** A document: declaration (UTF-8) and optional DOCTYPE come first. */
  public static XmlWriter document() {
    return document(2048);
  }

  /** A document whose buffer starts at about its expected size, so a large one is not copied as it grows. */
  public static XmlWriter document(int expectedChars) {
    XmlWriter writer = new XmlWriter(true, expectedChars);
    writer.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    return writer;
  }

  /** A fragment, written without indentation (element content such as a BuyerCookie). */
  public static XmlWriter fragment() {
    return new XmlWriter(false);
  }

  public XmlWriter doctype(String root, String systemId) {
    out.append("<!DOCTYPE ").append(root).append(" SYSTEM \"").append(systemId).append("\">\n");
    return this;
  }

  public XmlWriter start(String name) {
    closeStartTag();
    Open parent = open.peek();
    if (parent != null) {
      parent.hasChildren = true;
      if (indent && !parent.hasText) {
        newline(open.size());
      }
    }
    out.append('<').append(name);
    open.push(new Open(name));
    startTagOpen = true;
    return this;
  }

  /** Adds an attribute to the element just started; a null value writes nothing. */
  public XmlWriter attribute(String name, String value) {
    if (!startTagOpen) {
      throw new IllegalStateException("attributes belong right after start()");
    }
    if (value != null) {
      out.append(' ').append(name).append("=\"");
      escape(value, true);
      out.append('"');
    }
    return this;
  }

  public XmlWriter text(String text) {
    if (text == null || text.isEmpty()) {
      return this;
    }
    startContent();
    escape(text, false);
    return this;
  }

  /** Content follows: the start tag is closed and the element no longer ends as an empty tag. */
  private void startContent() {
    closeStartTag();
    if (!open.isEmpty()) {
      open.peek().hasText = true;
    }
  }

  /** Writes markup as is. Only for fragments this process produced (such as {@link XmlElement#innerXml()}). */
  public XmlWriter raw(String markup) {
    if (markup == null || markup.isEmpty()) {
      return this;
    }
    startContent();
    out.append(markup);
    return this;
  }

  public XmlWriter end() {
    Open element = open.pop();
    if (startTagOpen) {
      out.append("/>");
      startTagOpen = false;
      return this;
    }
    if (indent && element.hasChildren && !element.hasText) {
      newline(open.size());
    }
    out.append("</").append(element.name).append('>');
    return this;
  }

  /** {@code <name>text</name>}, or nothing at all when the text is null. */
  public XmlWriter element(String name, String text) {
    if (text != null) {
      start(name).text(text).end();
    }
    return this;
  }

  @Override
  public String toString() {
    if (!open.isEmpty()) {
      throw new IllegalStateException("unclosed element " + open.peek().name);
    }
    return indent ? out + "\n" : out.toString();
  }

  private void closeStartTag() {
    if (startTagOpen) {
      out.append('>');
      startTagOpen = false;
    }
  }

  private void newline(int depth) {
    out.append('\n');
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private void escape(String text, boolean attribute) {
    int length = text.length();
    int run = 0; // the first character not yet copied: plain runs are copied whole, not char by char
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c > '>' ? c < Character.MIN_SURROGATE || (c > Character.MAX_SURROGATE && c < '\uFFFE')
          : isPlainAscii(c, attribute)) {
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++; // a valid pair is copied as it is
        continue;
      }
      out.append(text, run, i).append(replacement(c));
      run = i + 1;
    }
    if (run == 0) {
      out.append(text);
    } else {
      out.append(text, run, length);
    }
  }

  /** Characters up to '>' written as they are: not markup, not a control character (but tab and newline in text). */
  private static boolean isPlainAscii(char c, boolean attribute) {
    if (c < ' ') {
      return !attribute && (c == '\t' || c == '\n');
    }
    return c != '&' && c != '<' && c != '>' && !(attribute && c == '"');
  }

  /** What a character that is not plain becomes: a reference, or U+FFFD where XML allows no such character. */
  private static String replacement(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\t' -> "&#9;";
      case '\n' -> "&#10;";
      case '\r' -> "&#13;";
      default -> "\uFFFD";
    };
  }

}
