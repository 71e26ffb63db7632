package org.punchgate.session;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a connection is used, for the admin list: read from the sessions that logins write anyway, so the login path
 * pays nothing for it (README "Admin API").
 */
public interface SessionActivity {

  /** When the connection's last session began (null: none kept), and how many of its sessions are open now. */
  record ConnectionActivity(Instant lastLoginAt, int openSessions) {}

  ConnectionActivity of(String connectionId, Instant now);

  /** The activity of each of {@code connectionIds}, by id (a store may look them up side by side). */
  default Map<String, ConnectionActivity> of(List<String> connectionIds, Instant now) {
    Map<String, ConnectionActivity> all = new LinkedHashMap<>();
    connectionIds.forEach(id -> all.put(id, of(id, now)));
    return all;
  }
}
