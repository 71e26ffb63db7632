package org.punchgate.order;

/**
 * Where an order stands. Every order reaches the ERP as {@code NEW}: checked and stored by the gateway, not
 * yet processed by the ERP. Later states belong to the ERP; new values would be added here and to the
 * message schema's {@code status} enum.
 */
public enum OrderStatus {
  NEW
}
