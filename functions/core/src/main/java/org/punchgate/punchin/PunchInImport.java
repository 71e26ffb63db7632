package org.punchgate.punchin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.punchgate.order.Order;
import org.punchgate.punchin.OrderDecision.Outcome;

/**
 * The PunchIn import of a UBL order for an authenticated connection, as a plain service: replay check, reading,
 * checks, the hand-off of an accepted order, and the recorded answer. The order is handed off before the answer
 * is recorded, and the hand-off is idempotent by order id (the same document always makes the same
 * {@link org.punchgate.order.OrderId}), so a crash between the two is repaired by the sender's retry: the order is
 * found, not doubled, and the answer is recorded then.
 */
public final class PunchInImport {

  /** Where an accepted order goes: the order store and the ERP queue's outbox, idempotent by order id. */
  @FunctionalInterface
  public interface OrderHandOff {
    void handOff(Order order);
  }

  /** The HTTP answer: status, content type and body, and the order it made (null when none). */
  public record Answer(int status, String contentType, byte[] body, String orderId) {}

  static final String XML = "application/xml; charset=UTF-8";

  private final PunchInChecks checks;
  private final PunchInReplays replays;
  private final OrderHandOff handOff;
  private final Clock clock;
  private final Supplier<String> responseIds;

  public PunchInImport(PunchInMappings mappings, PunchInReplays replays, OrderHandOff handOff, Clock clock,
                       Supplier<String> responseIds) {
    this.checks = new PunchInChecks(mappings);
    this.replays = replays;
    this.handOff = handOff;
    this.clock = clock;
    this.responseIds = responseIds;
  }

  /**
   * Imports a UBL order the sniffer told, for {@code connectionId}. An order whose reading refuses it is answered
   * {@code RE} with the reading's findings; nothing is recorded for it, as it names no order to protect.
   */
  public Answer importUbl(String connectionId, PunchInPolicy policy, OrderSniffer.Sniffed.Ubl document) {
    OrderReading reading = UblOrderReader.read(document.format(), document.document());
    PunchInOrder order = reading.order();
    LocalDateTime now = LocalDateTime.now(clock);
    if (reading.refused() || order.id() == null || order.buyer() == null) {
      String reason = reading.fatal().stream().map(f -> f.ruleId() + ": " + f.message())
          .reduce((a, b) -> a + "; " + b).orElse("the order names no buyer party");
      return answer(order, new OrderDecision(responseIds.get(), now, Outcome.REJECTED, reason, List.of()), null);
    }
    PunchInReplays.Key key = PunchInReplays.Key.of(connectionId, PunchInOrders.buyerKey(order), order.id());
    String fingerprint = PunchInReplays.fingerprint(order);
    var previous = replays.find(key, clock.instant());
    if (previous.isPresent()) {
      return previous.get().sameDocument(fingerprint) ? replay(previous.get()) : duplicate(order, now);
    }
    PunchInChecks.Result result = checks.check(connectionId, order, policy, responseIds.get(), now);
    String orderId = null;
    if (result.accepted()) {
      Order accepted = PunchInOrders.toOrder(PunchInOrders.buyerOrderId(connectionId, order), connectionId, order,
          result, null, clock.instant());
      handOff.handOff(accepted);
      orderId = accepted.orderId().value();
    }
    Answer answer = answer(order, result.decision(), orderId);
    var reply = new PunchInReplays.Reply(key, fingerprint, answer.status(), answer.contentType(), answer.body(),
        orderId, clock.instant());
    return switch (replays.record(reply, clock.instant())) {
      case PunchInReplays.Recorded.First first -> answer;
      case PunchInReplays.Recorded.Replay replay -> replay(replay.original()); // a concurrent identical post won
      case PunchInReplays.Recorded.DuplicateOrderNumber dup -> duplicate(order, now);
    };
  }

  private Answer duplicate(PunchInOrder order, LocalDateTime now) {
    return answer(order, new OrderDecision(responseIds.get(), now, Outcome.REJECTED, "duplicate order number: "
        + order.id() + " was already used by this buyer for another order", List.of()), null);
  }

  private static Answer replay(PunchInReplays.Reply reply) {
    return new Answer(reply.status(), reply.contentType(), reply.body(), reply.orderId());
  }

  /** The UBL answer; a refusal is still a 200 with an RE document: the sender's language, never a 5xx. */
  private static Answer answer(PunchInOrder order, OrderDecision decision, String orderId) {
    return new Answer(200, XML, UblOrderResponseWriter.write(order, decision).getBytes(StandardCharsets.UTF_8),
        orderId);
  }
}
