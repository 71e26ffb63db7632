package org.punchgate.cxml;

import java.time.Clock;
import org.punchgate.security.RandomIds;

/**
 * Our own cXML payloadIDs: {@code <epoch millis>.<random>@<host>}, the convention of the cXML User's Guide
 * (SPECS §2.2), unique without coordination thanks to the random part.
 */
public final class PayloadIds {

  private final RandomIds ids;
  private final Clock clock;
  private final String host;

  public PayloadIds(RandomIds ids, Clock clock, String host) {
    this.ids = ids;
    this.clock = clock;
    this.host = host == null || host.isBlank() ? "punchgate" : host;
  }

  public String next() {
    return clock.millis() + "." + ids.newId(9) + "@" + host;
  }
}
