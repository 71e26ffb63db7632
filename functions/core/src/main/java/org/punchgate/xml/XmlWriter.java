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

  private final StringBuilder out = new StringBuilder(2048);
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
    this.indent = indent;
  }

  /** A document: declaration (UTF-8) and optional DOCTYPE come first. */
  public static XmlWriter document() {
    XmlWriter writer = new XmlWriter(true);
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
    closeStartTag();
    if (!open.isEmpty()) {
      open.peek().hasText = true;
    }
    escape(text, false);
    return this;
  }

  /** Writes markup as is. Only for fragments this process produced (such as {@link XmlElement#innerXml()}). */
  public XmlWriter raw(String markup) {
    if (markup == null || markup.isEmpty()) {
      return this;
    }
    closeStartTag();
    if (!open.isEmpty()) {
      open.peek().hasText = true;
    }
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
  }
}
