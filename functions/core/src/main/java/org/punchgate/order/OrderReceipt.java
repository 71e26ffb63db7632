package org.punchgate.order;

import java.time.Instant;
import java.util.Objects;

/**
 * What the buyer's system learns about an order that completed a cart: enough to answer a repeated ping
 * with the same order, kept beside the session so that the repeat costs one read.
 */
public record OrderReceipt(OrderId orderId, String cartId, String orderNumber, String connectionId,
    Instant createdAt) {

  public OrderReceipt {
    Objects.requireNonNull(orderId, "orderId");
    Checks.nonEmpty(cartId, "cartId");
    Checks.nonEmpty(orderNumber, "orderNumber");
    Checks.nonEmpty(connectionId, "connectionId");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** The receipt of a new order that completes a punchout cart. */
  public static OrderReceipt of(Order order) {
    return new OrderReceipt(order.orderId(), order.punchout().cartId(), order.externalOrderNumber(),
        order.connectionId(), order.createdAt());
  }
}
