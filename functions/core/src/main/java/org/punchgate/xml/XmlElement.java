package org.punchgate.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An element read by {@link SecureXml}: name (with prefix where it had one), attributes in document
 * order, content (text and child elements, in order, so mixed and ANY content survive) and the line it
 * started on, for error messages.
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlNode> content, int line)
    implements XmlNode {

  public XmlElement {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    content = List.copyOf(content);
  }

  public String attribute(String attributeName) {
    return attributes.get(attributeName);
  }

  public List<XmlElement> children() {
    List<XmlElement> children = new ArrayList<>();
    for (XmlNode n : content) {
      if (n instanceof XmlElement e) {
        children.add(e);
      }
    }
    return children;
  }

  public List<XmlElement> children(String childName) {
    List<XmlElement> children = new ArrayList<>();
    for (XmlNode n : content) {
      if (n instanceof XmlElement e && e.name.equals(childName)) {
        children.add(e);
      }
    }
    return children;
  }

  /** The first child of that name, or null. */
  public XmlElement child(String childName) {
    for (XmlNode n : content) {
      if (n instanceof XmlElement e && e.name.equals(childName)) {
        return e;
      }
    }
    return null;
  }

  /** The element's own text (not its children's), as written. */
  public String ownText() {
    StringBuilder text = new StringBuilder();
    for (XmlNode n : content) {
      if (n instanceof XmlNode.Text t) {
        text.append(t.value());
      }
    }
    return text.toString();
  }

  /** All text inside the element, its descendants' included, in document order. */
  public String allText() {
    StringBuilder text = new StringBuilder();
    appendAllText(text);
    return text.toString();
  }

  private void appendAllText(StringBuilder text) {
    for (XmlNode n : content) {
      if (n instanceof XmlNode.Text t) {
        text.append(t.value());
      } else if (n instanceof XmlElement e) {
        e.appendAllText(text);
      }
    }
  }

  /** The text of the first child of that name, stripped, or null when there is no such child. */
  public String childText(String childName) {
    XmlElement child = child(childName);
    return child == null ? null : child.allText().strip();
  }

  /** True when the element contains child elements, not only text (ANY content used as markup). */
  public boolean hasChildElements() {
    for (XmlNode n : content) {
      if (n instanceof XmlElement) {
        return true;
      }
    }
    return false;
  }

  /** The content serialized as XML (escaped text and child elements), for ANY-content elements. */
  public String innerXml() {
    XmlWriter writer = XmlWriter.fragment();
    for (XmlNode n : content) {
      writeNode(writer, n);
    }
    return writer.toString();
  }

  private static void writeNode(XmlWriter writer, XmlNode node) {
    switch (node) {
      case XmlNode.Text t -> writer.text(t.value());
      case XmlElement e -> {
        writer.start(e.name);
        e.attributes.forEach(writer::attribute);
        for (XmlNode n : e.content) {
          writeNode(writer, n);
        }
        writer.end();
      }
    }
  }
}
