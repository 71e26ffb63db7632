package org.punchgate.adminui;

/**
 * The admin API's answer as the page gets it: status, content type (null: none) and body (empty: none).
 */
public record AdminReply(int status, String contentType, byte[] body) {

  public AdminReply {
    body = body == null ? new byte[0] : body;
  }
}
