package org.punchgate.punchin;

import java.util.ArrayList;
import java.util.List;
import org.punchgate.xml.XmlElement;
import org.punchgate.xml.XmlNode;

/**
 * Finds UBL elements in a {@link org.punchgate.xml.SecureXml} tree by local name. The tree keeps names as
 * written ({@code cbc:ID}, {@code ns2:ID} or {@code ID} under a default namespace), and senders choose their
 * prefixes freely, so UBL readers compare the part after the colon. UBL's cac and cbc local names never
 * clash within one parent, so this is unambiguous.
 */
final class UblTree {

  private UblTree() {}

  static String localName(XmlElement e) {
    String name = e.name();
    int colon = name.indexOf(':');
    return colon < 0 ? name : name.substring(colon + 1);
  }

  static boolean is(XmlElement e, String local) {
    String name = e.name();
    int colon = name.indexOf(':');
    return colon < 0 ? name.equals(local)
        : name.length() - colon - 1 == local.length() && name.startsWith(local, colon + 1);
  }

  /** The first child with that local name, or null. */
  static XmlElement child(XmlElement parent, String local) {
    if (parent == null) {
      return null;
    }
    for (XmlNode n : parent.content()) {
      if (n instanceof XmlElement e && is(e, local)) {
        return e;
      }
    }
    return null;
  }

  /** Follows a path of local names from {@code parent}; null where a step is missing. */
  static XmlElement path(XmlElement parent, String... locals) {
    XmlElement at = parent;
    for (String local : locals) {
      at = child(at, local);
      if (at == null) {
        return null;
      }
    }
    return at;
  }

  static List<XmlElement> children(XmlElement parent, String local) {
    if (parent == null) {
      return List.of();
    }
    List<XmlElement> found = new ArrayList<>();
    for (XmlNode n : parent.content()) {
      if (n instanceof XmlElement e && is(e, local)) {
        found.add(e);
      }
    }
    return found;
  }

  /** The stripped text of an element, or null when it is absent or empty (an empty element says nothing). */
  static String text(XmlElement e) {
    if (e == null) {
      return null;
    }
    String text = e.allText().strip();
    return text.isEmpty() ? null : text;
  }

  static String text(XmlElement parent, String... path) {
    return text(path(parent, path));
  }
}
