package org.punchgate.session;

/**
 * Life of a punchout session: opened at login, closed once by a cart transfer or a cancel; a transferred
 * cart becomes an order once, when the procurement system pings the approved purchase order.
 * OPEN → TRANSFERRED → ORDERED, or OPEN → CANCELLED.
 */
public enum SessionStatus {
  OPEN,
  TRANSFERRED,
  CANCELLED,
  ORDERED
}
