package org.punchgate.orderping;

import java.util.List;
import org.punchgate.order.OrderReceipt;
import org.punchgate.session.SessionStatus;
import org.punchgate.validation.Violation;

/** Every way an order ping can end; {@link OrderPingHttp} gives each its status, in one place. */
sealed interface OrderPingResult {

  /** The cart is an order: just now, or already by an identical earlier ping ({@code replay}). */
  record Ordered(OrderReceipt receipt, boolean replay) implements OrderPingResult {}

  record Invalid(List<Violation> violations) implements OrderPingResult {}

  /** No credentials, or a wrong secret for the cart's connection. */
  record Unauthorized() implements OrderPingResult {}

  /** No such cart for these credentials: unknown, gone, or another connection's. */
  record UnknownCart() implements OrderPingResult {}

  /** The cart was never transferred, or was cancelled. */
  record NotTransferred(SessionStatus status) implements OrderPingResult {}

  /** The cart is an order already, under another order number. */
  record OtherOrderNumber(OrderReceipt existing) implements OrderPingResult {}

  /** The session is past its retention; its cart is no longer kept for an order. */
  record PastRetention() implements OrderPingResult {}

  /** The stored cart does not make a valid order, or its ERP message would not fit the queue. */
  record NotOrderable(String detail) implements OrderPingResult {}
}
