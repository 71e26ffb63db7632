package org.punchgate.punchin;

import java.math.BigDecimal;
import java.util.List;
import org.punchgate.punchin.OrderFinding.Severity;
import org.punchgate.xml.XmlElement;

/** The checks the parts of the cXML OrderRequest reader share, each failure a fatal finding at its place. */
final class CxmlOrderChecks {

  final List<OrderFinding> findings;

  CxmlOrderChecks(List<OrderFinding> findings) {
    this.findings = findings;
  }

  BigDecimal decimal(XmlElement e, String lineId, String at) {
    String text = e.allText().strip();
    BigDecimal value = Numbers.decimal(text);
    if (value == null) {
      finding(OrderRules.FORMAT, lineId, at, e, "is not a number: '" + text + "'");
    }
    return value;
  }

  String required(XmlElement e, String at, String attribute) {
    String value = e.attribute(attribute);
    if (value == null || value.isBlank()) {
      finding(OrderRules.MANDATORY, null, at + "/@" + attribute, e, "is missing");
      return null;
    }
    return value;
  }

  void finding(String rule, String lineId, String location, XmlElement near, String message) {
    findings.add(new OrderFinding(rule, Severity.FATAL, lineId, location, near == null ? -1 : near.line(), message));
  }

  static String strip(String s) {
    return s == null ? null : s.strip();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
