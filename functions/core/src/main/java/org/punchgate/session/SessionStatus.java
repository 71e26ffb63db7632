package org.punchgate.session;

/** Life of a punchout session: opened at login, closed once by a cart transfer or a cancel. */
public enum SessionStatus {
  OPEN,
  TRANSFERRED,
  CANCELLED
}
