package org.punchgate.session;

import java.time.Instant;

/**
 * How a connection is used, for the admin list: read from the sessions that logins write anyway, so the login path
 * pays nothing for it (README "Admin API").
 */
public interface SessionActivity {

  /** When the connection's last session began (null: none kept), and how many of its sessions are open now. */
  record ConnectionActivity(Instant lastLoginAt, int openSessions) {}

  ConnectionActivity of(String connectionId, Instant now);
}
