package org.punchgate.punchin;

import org.punchgate.connection.PunchInPolicy;
import java.math.BigDecimal;

/**
 * What a PunchIn check found and what its policy makes of it: the check (and so its rule id), the order line
 * (null: the whole order), the action, a text for the sender and the person, and for a corrected price the
 * customer's price in the order's price basis.
 */
public record CheckFinding(PunchInPolicy.Check check, String lineId, Action action, String message,
                           BigDecimal correctedPrice) {

  public enum Action { REJECT_ORDER, REJECT_LINE, CORRECT_PRICE, FLAG }

  public String ruleId() {
    return check.ruleId();
  }
}
