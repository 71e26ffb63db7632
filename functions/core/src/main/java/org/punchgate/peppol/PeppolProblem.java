package org.punchgate.peppol;

/**
 * One reason a cart cannot be written: the rule, the line it concerns ({@code null} for the header) and the text.
 * The line is the line's id as the shop gave it, or its position ({@code #3}) when the id itself is missing.
 */
public record PeppolProblem(PeppolRule rule, String line, String text) {

  static PeppolProblem header(PeppolRule rule) {
    return new PeppolProblem(rule, null, rule.text());
  }

  static PeppolProblem line(PeppolRule rule, String line) {
    return new PeppolProblem(rule, line, rule.text());
  }

  static PeppolProblem line(PeppolRule rule, String line, String detail) {
    return new PeppolProblem(rule, line, rule.text() + ": " + detail);
  }

  /** {@code PEPPOL-T77-R002 line 4: the quantity must be greater than zero}. */
  @Override
  public String toString() {
    return rule.id() + (line == null ? "" : " line " + line) + ": " + text;
  }
}
