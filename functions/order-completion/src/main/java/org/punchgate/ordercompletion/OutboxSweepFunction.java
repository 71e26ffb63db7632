package org.punchgate.ordercompletion;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.punchgate.lambda.OrderLog;
import org.punchgate.order.OrderHandOff;
import org.punchgate.wiring.OrderWiring;

/**
 * Lambda entry for the scheduled outbox sweep (every minute, template.yaml): sends the orders whose
 * hand-off a crash or a failed send left in the outbox, and marks them sent. The schedule's event carries
 * nothing the sweep needs, so it is taken as a plain map.
 */
public final class OutboxSweepFunction implements RequestHandler<Map<String, Object>, Integer> {

  private final OrderHandOff handOff;

  public OutboxSweepFunction() {
    this(OrderWiring.fromEnvironment(OrderLog.PROBLEMS)); // wired once per container
  }

  OutboxSweepFunction(OrderWiring wiring) {
    this.handOff = wiring.handOff();
  }

  /** Answers how many orders reached the queue in this sweep. */
  @Override
  public Integer handleRequest(Map<String, Object> scheduledEvent, Context context) {
    int sent = handOff.sweep();
    OrderLog.swept(sent);
    return sent;
  }
}
