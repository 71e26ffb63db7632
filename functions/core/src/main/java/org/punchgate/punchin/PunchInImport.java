package org.punchgate.punchin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.punchgate.connection.PunchInPolicy;
import org.punchgate.cxml.CxmlStatus;
import org.punchgate.cxml.CxmlWriter;
import org.punchgate.order.ErpOrderMessage;
import org.punchgate.order.Order;
import org.punchgate.order.OrderId;
import org.punchgate.order.OrderReceipt;
import org.punchgate.order.PunchoutReference;
import org.punchgate.punchin.OrderDecision.Outcome;

/**
 * The PunchIn import of an order for an authenticated connection, as a plain service: replay check, checks,
 * the hand-off of an accepted order, and the recorded answer in the sender's language (a UBL OrderResponse, a
 * cXML Response). The order is handed off before the answer is recorded, and the hand-off is idempotent by
 * order id (the same document always makes the same {@link OrderId}), so a crash between the two is repaired
 * by the sender's retry: the order is found, not doubled, and the answer is recorded then.
 *
 * <p>RoundTrip: an order that names a transferred punchout cart of its connection ({@link CartReferences}) completes
 * that cart and gets {@link OrderId#forCart}, the id the order ping gives it, so the ping and the order meet as
 * one order whichever arrives first.
 */
public final class PunchInImport {

  /** Where an accepted order goes: the order store and the ERP queue's outbox, idempotent by order id. */
  @FunctionalInterface
  public interface OrderHandOff {
    HandedOff handOff(Order order);
  }

  /** What became of a hand-off. */
  public sealed interface HandedOff {
    /** The order is stored (now, or by an earlier call or the order ping) under this id. */
    record Stored(OrderId orderId) implements HandedOff {}

    /** The punchout cart the order completes became an order under another order number. */
    record CartOrderedElsewhere(OrderReceipt existing) implements HandedOff {}

    /** The cart is no longer there to complete (cancelled, expired, another connection's): none was written. */
    record CartGone() implements HandedOff {}
  }

  /** The transferred punchout carts an order may complete. */
  @FunctionalInterface
  public interface Carts {
    /** The cart {@code cartId} of {@code connectionId}, when it was transferred (and maybe ordered since). */
    Optional<PunchoutReference> transferred(String connectionId, String cartId);

    Carts NONE = (connection, cart) -> Optional.empty();
  }

  /** The HTTP answer: status, content type and body, and the order it made (null when none). */
  public record Answer(int status, String contentType, byte[] body, String orderId) {}

  static final String XML = "application/xml; charset=UTF-8";
  static final String CXML = "text/xml; charset=UTF-8";
  /** cXML 409: the order conflicts with one the supplier has (SPECS §2.5): a reused order number. */
  static final int CXML_CONFLICT = 409;

  private final PunchInChecks checks;
  private final PunchInReplays replays;
  private final OrderHandOff handOff;
  private final Carts carts;
  private final Clock clock;
  private final Supplier<String> responseIds;

  public PunchInImport(PunchInMappings mappings, PunchInReplays replays, OrderHandOff handOff, Carts carts,
                       Clock clock, Supplier<String> responseIds) {
    this.checks = new PunchInChecks(mappings);
    this.replays = replays;
    this.handOff = handOff;
    this.carts = carts;
    this.clock = clock;
    this.responseIds = responseIds;
  }

  /** How an answer is written in the sender's language. */
  private interface Language {
    Answer answer(PunchInOrder order, OrderDecision decision, String orderId);

    /** A duplicate order number (cXML has a status of its own for it). */
    Answer duplicate(PunchInOrder order, OrderDecision decision);
  }

  private static final Language UBL = new Language() {
    @Override
    public Answer answer(PunchInOrder order, OrderDecision decision, String orderId) {
      // a refusal is still a 200 with an RE document: the sender's language, never a 5xx
      return new Answer(200, XML, UblOrderResponseWriter.write(order, decision).getBytes(StandardCharsets.UTF_8),
          orderId);
    }

    @Override
    public Answer duplicate(PunchInOrder order, OrderDecision decision) {
      return answer(order, decision, null);
    }
  };

  /**
   * Imports a UBL order the sniffer told, for {@code connectionId}. An order whose reading refuses it is answered
   * {@code RE} with the reading's findings; nothing is recorded for it, as it names no order to protect.
   */
  public Answer importUbl(String connectionId, PunchInPolicy policy, OrderSniffer.Sniffed.Ubl document) {
    return process(connectionId, policy, UblOrderReader.read(document.format(), document.document()), UBL);
  }

  /**
   * Imports a cXML OrderRequest whose sender was authenticated for {@code connectionId}; the answer is a cXML
   * Response in the request's version: 200 accepted (with changes named in the text), 201 acknowledged, 400
   * refused, 409 a duplicate order number.
   */
  public Answer importCxml(String connectionId, PunchInPolicy policy, CxmlOrderRequestReader.CxmlOrderReading read) {
    String version = read.envelope() == null ? null : read.envelope().version();
    return process(connectionId, policy, read.reading(), cxml(version));
  }

  private Language cxml(String version) {
    String v = version == null ? org.punchgate.connection.CxmlSettings.DEFAULT_VERSION : version;
    return new Language() {
      @Override
      public Answer answer(PunchInOrder order, OrderDecision decision, String orderId) {
        return written(CxmlOrderResponse.status(decision), orderId);
      }

      @Override
      public Answer duplicate(PunchInOrder order, OrderDecision decision) {
        return written(new CxmlStatus(CXML_CONFLICT, "Conflict", decision.reason()), null);
      }

      private Answer written(CxmlStatus status, String orderId) {
        var envelope = new CxmlWriter.Envelope(clock.millis() + "." + responseIds.get() + "@punchgate", clock.instant(),
            v, null);
        return new Answer(200, CXML, CxmlWriter.response(envelope, status).getBytes(StandardCharsets.UTF_8), orderId);
      }
    };
  }

  private Answer process(String connectionId, PunchInPolicy policy, OrderReading reading, Language language) {
    PunchInOrder order = reading.order();
    LocalDateTime now = LocalDateTime.now(clock);
    if (reading.refused() || order.id() == null || !hasBuyerKey(order)) {
      String reason = reading.fatal().stream().map(f -> f.ruleId() + ": " + f.message())
          .reduce((a, b) -> a + "; " + b).orElse("the order names no buyer party");
      return language.answer(order, rejected(now, reason), null);
    }
    PunchInReplays.Key key = PunchInReplays.Key.of(connectionId, PunchInOrders.buyerKey(order), order.id());
    String fingerprint = PunchInReplays.fingerprint(order);
    var previous = replays.find(key, clock.instant());
    if (previous.isPresent()) {
      return previous.get().sameDocument(fingerprint) ? replay(previous.get()) : duplicate(order, now, language);
    }
    PunchInChecks.Result result = checks.check(connectionId, order, policy, responseIds.get(), now);
    Answer answer;
    if (result.accepted()) {
      answer = accepted(connectionId, order, result, now, language);
    } else {
      answer = language.answer(order, result.decision(), null);
    }
    var reply = new PunchInReplays.Reply(key, fingerprint, answer.status(), answer.contentType(), answer.body(),
        answer.orderId(), clock.instant());
    return switch (replays.record(reply, clock.instant())) {
      case PunchInReplays.Recorded.First first -> answer;
      case PunchInReplays.Recorded.Replay replay -> replay(replay.original()); // a concurrent identical post won
      case PunchInReplays.Recorded.DuplicateOrderNumber dup -> duplicate(order, now, language);
    };
  }

  /** Stores and hands off an accepted order; refuses it when it cannot be stored as it is. */
  private Answer accepted(String connectionId, PunchInOrder order, PunchInChecks.Result result, LocalDateTime now,
                          Language language) {
    Optional<PunchoutReference> cart = Optional.empty();
    for (String cartId : CartReferences.cartIds(order)) {
      cart = carts.transferred(connectionId, cartId);
      if (cart.isPresent()) {
        break;
      }
    }
    Order stored = cart.isPresent()
        ? PunchInOrders.toOrder(OrderId.forCart(cart.get().cartId()), connectionId, order, result, cart.get(),
            clock.instant())
        : buyerOrder(connectionId, order, result);
    // the hand-off's order item and queue message reuse this one serialization of the same instance
    int bytes = ErpOrderMessage.write(stored).length;
    if (bytes > ErpOrderMessage.MAX_BYTES) {
      return language.answer(order, rejected(now, "the order's ERP message would take " + bytes
          + " bytes; the queue takes at most " + ErpOrderMessage.MAX_BYTES), null);
    }
    HandedOff handedOff = handOff.handOff(stored);
    if (handedOff instanceof HandedOff.CartGone) {
      // the cart changed between the look-up and the write (cancelled, expired): the order stands on its own
      stored = buyerOrder(connectionId, order, result);
      handedOff = handOff.handOff(stored);
    }
    return switch (handedOff) {
      case HandedOff.Stored s -> language.answer(order, result.decision(), s.orderId().value());
      case HandedOff.CartOrderedElsewhere e -> language.answer(order, rejected(now, "the punchout cart "
          + e.existing().cartId() + " this order completes was ordered already under order number "
          + e.existing().orderNumber() + " (" + e.existing().orderId() + ")"), null);
      case HandedOff.CartGone g -> throw new IllegalStateException("an order without a cart has no cart to lose");
    };
  }

  private Order buyerOrder(String connectionId, PunchInOrder order, PunchInChecks.Result result) {
    return PunchInOrders.toOrder(PunchInOrders.buyerOrderId(connectionId, order), connectionId, order, result, null,
        clock.instant());
  }

  private static boolean hasBuyerKey(PunchInOrder order) {
    return order.buyer() != null && (order.buyer().endpoint() != null || !order.buyer().identifiers().isEmpty());
  }

  private OrderDecision rejected(LocalDateTime now, String reason) {
    return new OrderDecision(responseIds.get(), now, Outcome.REJECTED, reason, List.of());
  }

  private Answer duplicate(PunchInOrder order, LocalDateTime now, Language language) {
    return language.duplicate(order, rejected(now, "duplicate order number: " + order.id()
        + " was already used by this buyer for another order"));
  }

  private static Answer replay(PunchInReplays.Reply reply) {
    return new Answer(reply.status(), reply.contentType(), reply.body(), reply.orderId());
  }
}
