package org.punchgate.order;

import java.time.Instant;
import java.util.Objects;

/** The punchout an order completes: the session, the transferred cart, and when the cart went to the buyer. */
public record PunchoutReference(String sessionId, String cartId, Instant transferredAt) {

  public PunchoutReference {
    Checks.nonEmpty(sessionId, "sessionId");
    Checks.nonEmpty(cartId, "cartId");
    Objects.requireNonNull(transferredAt, "transferredAt");
  }
}
