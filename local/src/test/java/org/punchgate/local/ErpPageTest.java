package org.punchgate.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.order.Finding;

/** The ERP page's findings table: a row per finding with its rule id, line and severity, every value escaped. */
class ErpPageTest {

  @Test
  void findingsAreOneRowEachWithRuleLineAndSeverityAndEscaped() {
    String html = ErpPage.findings(List.of(
        new Finding("PUNCHIN-PRICE", "2", Finding.Severity.WARNING, "unit price <b>6.40</b> & \"more\""),
        new Finding("PUNCHIN-TOTALS", null, Finding.Severity.INFO, "total")));

    assertTrue(html.contains("<tr class=\"finding\" data-rule=\"PUNCHIN-PRICE\" data-severity=\"warning\">"), html);
    assertTrue(html.contains("unit price &lt;b&gt;6.40&lt;/b&gt; &amp; &quot;more&quot;"), html);
    assertFalse(html.contains("<b>6.40"), "no markup from a finding's text");
    assertTrue(html.contains("<td>(order)</td>"), "a finding on the whole order");
  }

  @Test
  void anOrderWithoutFindingsSaysSo() {
    assertTrue(ErpPage.findings(List.of()).contains("No findings"));
  }
}
