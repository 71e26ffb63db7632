package org.punchgate.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One element being read by {@link SecureXml#parse}: its adjacent text pieces are joined into one node. */
final class XmlElementBuilder {
  private final String name;
  private final Map<String, String> attributes;
  private final int line;
  private final List<XmlNode> content = new ArrayList<>();
  private StringBuilder pendingText;

  XmlElementBuilder(String name, Map<String, String> attributes, int line) {
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
