package org.punchgate.cxml;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.validation.Violation;
import org.punchgate.xml.XmlElement;

/**
 * The checks every part of the cXML reader shares: required attributes, numbers and extrinsics, each
 * failure collected as a violation that names the element path and line.
 */
final class CxmlChecks {

  final List<Violation> violations = new ArrayList<>();

  BigDecimal decimal(String text, String path, XmlElement at) {
    if (text == null) {
      problem(path, at, "is missing");
      return null;
    }
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      problem(path, at, "is not a number: '" + text.strip() + "'");
      return null;
    }
  }

  BigDecimal optionalMoney(XmlElement holder, String path) {
    if (holder == null || holder.child("Money") == null) {
      return null;
    }
    return decimal(holder.child("Money").allText(), path, holder.child("Money"));
  }

  String required(XmlElement e, String path, String attribute) {
    String value = e.attribute(attribute);
    if (value == null || value.isBlank()) {
      problem(path + "/@" + attribute, e, "is missing");
      return null;
    }
    return value;
  }

  Map<String, String> extrinsics(XmlElement holder, String path) {
    Map<String, String> extrinsics = new LinkedHashMap<>();
    for (XmlElement x : holder.children("Extrinsic")) {
      String name = required(x, path + "/Extrinsic", "name");
      if (name != null) {
        extrinsics.putIfAbsent(name, x.allText().strip());
      }
    }
    return extrinsics;
  }

  void problem(String path, XmlElement near, String message) {
    violations.add(new Violation("cxml.document.content", path + (near != null && near.line() > 0 ? " (line " + near.line() + ")" : ""), message));
  }
}
