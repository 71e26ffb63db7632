package org.punchgate.punchin;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the supplier answers to an order, independent of where orders are stored: the outcome for the whole
 * order, the outcome of each line (for an acceptance with changes), a reason a person can read, and the
 * response's own id and time. The response writers turn it into each format's codes.
 *
 * @param reason why the order was rejected or changed (written as the response's Note / Status text); may be null
 */
public record OrderDecision(String responseId, LocalDateTime issuedAt, Outcome outcome, String reason,
                            List<LineDecision> lines) {

  public OrderDecision {
    lines = List.copyOf(lines);
  }

  /** The header outcome, SPECS §4.3 (BIS 3 codes) and §4.4 (UNCL1225 codes). */
  public enum Outcome {
    /** Received, the decision is left to a person: BIS 3 {@code AB}; no BIS 28A equivalent. */
    RECEIVED,
    /** Accepted as ordered: BIS 3 {@code AP}, UNCL1225 {@code 29}. */
    ACCEPTED,
    /** Rejected: BIS 3 {@code RE}, UNCL1225 {@code 27}. */
    REJECTED,
    /** Accepted with changes to lines: BIS 3 {@code CA} (every line sent), UNCL1225 {@code 30}. */
    ACCEPTED_WITH_CHANGES
  }

  /** A line's outcome: BIS 3 line status 5 / 7 / 3, UNCL1225 29 / 27 / 30. */
  public enum LineOutcome { ACCEPTED, REJECTED, CHANGED }

  /**
   * The decision on one order line, by the order's line id. For a changed line, the quantity and/or price the
   * supplier will deliver at (null where unchanged); {@code reason} is written as the line's note.
   */
  public record LineDecision(String lineId, LineOutcome outcome, BigDecimal quantity, BigDecimal price, String reason) {

    public static LineDecision accepted(String lineId) {
      return new LineDecision(lineId, LineOutcome.ACCEPTED, null, null, null);
    }

    public static LineDecision rejected(String lineId, String reason) {
      return new LineDecision(lineId, LineOutcome.REJECTED, null, null, reason);
    }

    public static LineDecision changed(String lineId, BigDecimal quantity, BigDecimal price, String reason) {
      return new LineDecision(lineId, LineOutcome.CHANGED, quantity, price, reason);
    }
  }
}
