package org.punchgate.punchin;

/**
 * One problem found in an order: the rule it breaks (a PEPPOL rule id where the rule is PEPPOL's, else one
 * of {@link OrderRules}), how grave it is, the order line it concerns (null for the header), where in the
 * document (element path and source line) and what is wrong in words.
 */
public record OrderFinding(String ruleId, Severity severity, String lineId, String location, int sourceLine,
                           String message) {

  public enum Severity {
    /** The document cannot be processed as it is. */
    FATAL,
    /** Worth telling the sender or a person; the order can still be processed. */
    WARNING
  }

  public boolean isFatal() {
    return severity == Severity.FATAL;
  }

  @Override
  public String toString() {
    return ruleId + " " + severity + (lineId == null ? "" : " line " + lineId) + " at " + location
        + (sourceLine > 0 ? " (line " + sourceLine + ")" : "") + ": " + message;
  }
}
