package org.punchgate.xml;

/** A piece of element content: a child element or a run of text. */
public sealed interface XmlNode permits XmlElement, XmlNode.Text {

  record Text(String value) implements XmlNode {}
}
