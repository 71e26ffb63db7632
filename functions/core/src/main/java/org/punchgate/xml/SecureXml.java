package org.punchgate.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * The one way the gateway reads XML from the internet: the JDK's StAX parser with DTDs switched off, so a
 * DOCTYPE is accepted but never loaded, external entities are never resolved and no entity is ever
 * expanded (a reference to one is an error). A document with an internal DTD subset is refused outright:
 * no protocol we speak uses one, and every XXE and entity-expansion attack needs one. The encoding is the
 * document's own (byte order mark or XML declaration; UTF-8 when neither says otherwise).
 *
 * <p>{@link #parse} reads the whole document into a small immutable tree of {@link XmlElement}s: the
 * documents we accept are bounded in size by the caller, and a tree keeps the protocol readers short.
 */
public final class SecureXml {

  /** Deeper nesting than this is refused: no business document needs it, and it bounds the parser's stack. */
  public static final int MAX_DEPTH = 64;
  /** More elements than this are refused, whatever the byte size. */
  public static final int MAX_ELEMENTS = 200_000;

  private static final XMLInputFactory FACTORY = newInputFactory();

  private SecureXml() {}

  /**
   * A StAX input factory that never loads a DTD or an external entity. Always the JDK's own implementation,
   * whatever else is on the class path, so the settings below are known to hold.
   */
  public static XMLInputFactory newInputFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    setIfSupported(factory, "jdk.xml.maxElementDepth", MAX_DEPTH);
    setIfSupported(factory, "jdk.xml.entityExpansionLimit", 64); // 0 would mean "no limit"
    setIfSupported(factory, "jdk.xml.elementAttributeLimit", 100);
    return factory;
  }

  private static void setIfSupported(XMLInputFactory factory, String name, Object value) {
    try {
      factory.setProperty(name, value);
    } catch (IllegalArgumentException notSupported) {
      // an older JDK without this limit: the DTD settings above still keep entities out
    }
  }

  /** The outcome of reading a document: its root element and DOCTYPE, or why it is not well-formed XML. */
  public sealed interface Parsed {
    record Document(String doctype, XmlElement root) implements Parsed {}

    record Malformed(String message, int line) implements Parsed {}
  }

  public static Parsed parse(byte[] document) {
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
      return read(reader);
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      return new Parsed.Malformed(firstLine(e.getMessage()), at == null ? -1 : at.getLineNumber());
    } catch (RuntimeException e) {
      // the JDK parser reports some malformed input (bad encodings, limits) as unchecked exceptions
      return new Parsed.Malformed(firstLine(String.valueOf(e.getMessage())), -1);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing to release: the input is in memory
        }
      }
    }
  }

  /**
   * The same hardened parser as {@link #parse}, as a StAX cursor for readers that must not build a tree (a
   * 1,000-line order). The cursor enforces what {@link #parse} enforces: a DOCTYPE with an internal subset,
   * an entity reference, more than {@link #MAX_ELEMENTS} elements or nesting deeper than {@link #MAX_DEPTH}
   * end the reading with an {@link XMLStreamException}, which the caller reports as malformed input.
   */
  public static XMLStreamReader stream(byte[] document) throws XMLStreamException {
    return new Guarded(FACTORY.createXMLStreamReader(new ByteArrayInputStream(document)));
  }

  /** The message and line of a streaming failure, as {@link #parse} reports them. */
  public static Parsed.Malformed malformed(Exception e) {
    if (e instanceof XMLStreamException x) {
      Location at = x.getLocation();
      return new Parsed.Malformed(firstLine(x.getMessage()), at == null ? -1 : at.getLineNumber());
    }
    return new Parsed.Malformed(firstLine(String.valueOf(e.getMessage())), -1);
  }

  /** The limits of {@link #read} on a cursor: checked per event, so a caller can stop early at no cost. */
  private static final class Guarded extends StreamReaderDelegate {
    private int elements;
    private int depth;

    Guarded(XMLStreamReader reader) {
      super(reader);
    }

    @Override
    public int next() throws XMLStreamException {
      int event = super.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          if (++elements > MAX_ELEMENTS) {
            throw new XMLStreamException("more than " + MAX_ELEMENTS + " elements", getLocation());
          }
          if (++depth > MAX_DEPTH) {
            throw new XMLStreamException("elements nested deeper than " + MAX_DEPTH, getLocation());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> depth--;
        case XMLStreamConstants.DTD -> {
          String doctype = getText();
          if (doctype != null && doctype.indexOf('[') >= 0) {
            throw new XMLStreamException("a DOCTYPE with an internal subset is not accepted", getLocation());
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw new XMLStreamException("entity references are not accepted", getLocation());
        default -> {
          // text, comments, processing instructions: the caller's business
        }
      }
      return event;
    }

    @Override
    public int nextTag() {
      // the delegate's nextTag would bypass the counting in next(); readers here use next() only
      throw new UnsupportedOperationException("use next()");
    }

    @Override
    public String getElementText() {
      throw new UnsupportedOperationException("use next()");
    }
  }

  private static Parsed read(XMLStreamReader reader) throws XMLStreamException {
    String doctype = null;
    Deque<Builder> open = new ArrayDeque<>();
    XmlElement root = null;
    int elements = 0;
    while (reader.hasNext()) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.DTD -> {
          doctype = reader.getText();
          if (doctype != null && doctype.indexOf('[') >= 0) {
            return new Parsed.Malformed("a DOCTYPE with an internal subset is not accepted",
                reader.getLocation().getLineNumber());
          }
        }
        case XMLStreamConstants.START_ELEMENT -> {
          if (++elements > MAX_ELEMENTS) {
            return new Parsed.Malformed("more than " + MAX_ELEMENTS + " elements", reader.getLocation().getLineNumber());
          }
          if (open.size() >= MAX_DEPTH) {
            return new Parsed.Malformed("elements nested deeper than " + MAX_DEPTH, reader.getLocation().getLineNumber());
          }
          Map<String, String> attributes = new LinkedHashMap<>();
          for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(qualified(reader.getAttributePrefix(i), reader.getAttributeLocalName(i)),
                reader.getAttributeValue(i));
          }
          open.push(new Builder(qualified(reader.getPrefix(), reader.getLocalName()), attributes,
              reader.getLocation().getLineNumber()));
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!open.isEmpty()) {
            open.peek().text(reader.getText());
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE ->
            // with DTD support off the parser reports undeclared entities itself; this is a second lock
            throw new XMLStreamException("entity references are not accepted", reader.getLocation());
        case XMLStreamConstants.END_ELEMENT -> {
          XmlElement done = open.pop().build();
          if (open.isEmpty()) {
            root = done;
          } else {
            open.peek().child(done);
          }
        }
        default -> {
          // comments, processing instructions, the declaration: not part of the content
        }
      }
    }
    return root == null ? new Parsed.Malformed("no root element", -1) : new Parsed.Document(doctype, root);
  }

  private static String qualified(String prefix, String local) {
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "not well-formed XML";
    }
    // the JDK prefixes "ParseError at [row,col]:[r,c]\nMessage: "; keep the message only
    int at = message.indexOf("Message: ");
    String text = at >= 0 ? message.substring(at + 9) : message;
    int newline = text.indexOf('\n');
    return (newline >= 0 ? text.substring(0, newline) : text).strip();
  }

  /** The system id of a DOCTYPE declaration, if it has one. */
  public static Optional<String> systemId(String doctype) {
    if (doctype == null) {
      return Optional.empty();
    }
    int system = doctype.indexOf("SYSTEM");
    int publicId = doctype.indexOf("PUBLIC");
    int from = system >= 0 ? system + 6 : publicId;
    if (from < 0) {
      return Optional.empty();
    }
    List<String> quoted = new ArrayList<>();
    for (int i = from; i < doctype.length() && quoted.size() < 2; i++) {
      char q = doctype.charAt(i);
      if (q == '"' || q == '\'') {
        int end = doctype.indexOf(q, i + 1);
        if (end < 0) {
          break;
        }
        quoted.add(doctype.substring(i + 1, end));
        i = end;
      }
    }
    if (system >= 0) {
      return quoted.isEmpty() ? Optional.empty() : Optional.of(quoted.get(0));
    }
    return quoted.size() < 2 ? Optional.empty() : Optional.of(quoted.get(1));
  }

  private static final class Builder {
    private final String name;
    private final Map<String, String> attributes;
    private final int line;
    private final List<XmlNode> content = new ArrayList<>();
    private StringBuilder pendingText;

    Builder(String name, Map<String, String> attributes, int line) {
      this.name = name;
      this.attributes = attributes;
      this.line = line;
    }

    void text(String text) {
      if (pendingText == null) {
        pendingText = new StringBuilder(text.length());
      }
      pendingText.append(text);
    }

    void child(XmlElement element) {
      flushText();
      content.add(element);
    }

    XmlElement build() {
      flushText();
      return new XmlElement(name, attributes, content, line);
    }

    private void flushText() {
      if (pendingText != null) {
        content.add(new XmlNode.Text(pendingText.toString()));
        pendingText = null;
      }
    }
  }
}
