package org.punchgate.cxml;

/**
 * How a request to the cXML setup address ends. Each becomes a cXML Response in {@link CxmlSetupHttp};
 * {@code version} is the cXML version to answer in (the connection's, once it is known).
 */
sealed interface CxmlSetupResult {

  String version();

  /** The request is refused with this Status; nothing was stored. */
  record Refused(String version, CxmlStatus status) implements CxmlSetupResult {}

  /** A ProfileRequest: this address serves ProfileRequest and PunchOutSetupRequest. */
  record Profile(String version, String url) implements CxmlSetupResult {}

  /** A session is open; the browser starts at {@code startPageUrl}. */
  record Opened(String version, String sessionId, String startPageUrl) implements CxmlSetupResult {}
}
