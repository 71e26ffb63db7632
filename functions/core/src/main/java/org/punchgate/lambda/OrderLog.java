package org.punchgate.lambda;

import org.punchgate.order.OrderHandOff;

/** Log lines of the ERP hand-off, in the functions' one log style. */
public final class OrderLog {

  private OrderLog() {}

  /** A hand-off that failed and waits for the sweeper: the order id, the step, the exception's class and stack. */
  public static final OrderHandOff.Problems PROBLEMS = (orderId, step, error) ->
      JsonLog.line().put("orderId", orderId.value()).put("step", step.name()).error(error).problem("WARN");

  /** One sweep's result. */
  public static void swept(int sent) {
    JsonLog.line().put("event", "outbox-sweep").put("sent", sent).info();
  }
}
