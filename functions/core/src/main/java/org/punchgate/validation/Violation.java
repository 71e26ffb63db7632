package org.punchgate.validation;

/**
 * One precise problem with an input document: which rule it breaks ({@code cart.line.quantity.positive}: a
 * stable id that callers and order responses can match on), where ({@code lines[2].quantity},
 * {@code HOOK_URL}, {@code /cXML/Header/Sender}), and what is wrong, in words a caller can act on.
 */
public record Violation(String rule, String location, String message) {

  @Override
  public String toString() {
    return location + ": " + message;
  }
}
