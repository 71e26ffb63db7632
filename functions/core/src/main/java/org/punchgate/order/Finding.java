package org.punchgate.order;

import java.util.Objects;

/**
 * Something a check found in an accepted order, for a person at the supplier to look at: a stable rule id
 * (documented with the checks), the line it concerns (null: the whole order), how serious, and a text.
 */
public record Finding(String ruleId, String lineId, Severity severity, String text) {

  public Finding {
    Checks.nonEmpty(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(text, "text");
  }

  /** How serious a finding is; the ERP message writes the lower-case name. */
  public enum Severity {
    /** Recorded only, e.g. a price corrected to the customer's price. */
    INFO,
    /** Accepted, but a person should look (a price deviation under accept-and-flag). */
    WARNING,
    /** Part of the order was refused (a rejected line under accept-with-changes). */
    ERROR;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Severity ofCode(String code) {
      for (Severity severity : values()) {
        if (severity.code().equals(code)) {
          return severity;
        }
      }
      return null;
    }
  }
}
