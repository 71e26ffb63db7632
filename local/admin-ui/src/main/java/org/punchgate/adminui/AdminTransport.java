package org.punchgate.adminui;

import java.io.IOException;

/**
 * The one way the admin page reaches the admin API. The CLI implements it with SigV4 (a deployed stack) or the
 * admin key (the local runner); the page itself never holds either.
 */
public interface AdminTransport {

  /**
   * Sends one call to the admin API.
   *
   * @param method GET, POST, PUT or DELETE
   * @param pathAndQuery starts with {@code /admin/}, already percent-encoded, as the page asked for it
   * @param body the request body; empty for none
   */
  AdminReply send(String method, String pathAndQuery, byte[] body) throws IOException;
}
