package org.punchgate.ordercompletion;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import org.punchgate.lambda.OrderLog;
import org.punchgate.lambda.Priming;
import org.punchgate.lambda.SnapStartHooks;
import org.punchgate.order.OrderHandOff;
import org.punchgate.wiring.OrderWiring;

/**
 * Lambda entry for the scheduled outbox sweep (every minute, template.yaml): sends the orders whose
 * hand-off a crash or a failed send left in the outbox, and marks them sent. The schedule's event carries
 * nothing the sweep needs, so it is taken as a plain map.
 */
public final class OutboxSweepFunction implements RequestHandler<Map<String, Object>, Integer> {

  private final OrderHandOff handOff;
  private final SnapStartHooks snapStart; // held here: the CRaC context keeps its resources weakly

  public OutboxSweepFunction() {
    this(OrderWiring.fromEnvironment(OrderLog.PROBLEMS), true); // wired once per container
  }

  OutboxSweepFunction(OrderWiring wiring) {
    this(wiring, false);
  }

  /** Primed with a sweep of an in-memory outbox; the sweep makes no random ids, but reseeds like every function. */
  OutboxSweepFunction(OrderWiring wiring, boolean snapStart) {
    this.handOff = wiring.handOff();
    this.snapStart = !snapStart ? null : SnapStartHooks.register(() -> Priming.run(wiring.common().config(),
        common -> new OutboxSweepFunction(Priming.orderWiring(common)), (priming, sweep) -> sweep.handleRequest(Map.of(), null)),
        wiring.common().ids());
  }

  SnapStartHooks snapStartHooks() {
    return snapStart;
  }

  /** Answers how many orders reached the queue in this sweep. */
  @Override
  public Integer handleRequest(Map<String, Object> scheduledEvent, Context context) {
    int sent = handOff.sweep();
    OrderLog.swept(sent);
    return sent;
  }
}
