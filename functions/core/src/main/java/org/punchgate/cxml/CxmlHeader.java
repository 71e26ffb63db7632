package org.punchgate.cxml;

import java.util.List;
import org.punchgate.connection.CxmlCredential;

/** The cXML {@code Header}: From, To and Sender credentials and the Sender's UserAgent (SPECS §2.2). */
public record CxmlHeader(List<Credential> from, List<Credential> to, List<Credential> sender, String userAgent) {

  public CxmlHeader {
    from = List.copyOf(from);
    to = List.copyOf(to);
    sender = List.copyOf(sender);
  }

  /** A credential as sent: domain, identity and, in the Sender of a request, the shared secret. */
  public record Credential(String domain, String identity, String sharedSecret) {

    public CxmlCredential withoutSecret() {
      return new CxmlCredential(domain, identity);
    }

    @Override
    public String toString() {
      // never print the shared secret
      return "Credential[domain=" + domain + ", identity=" + identity + (sharedSecret == null ? "" : ", sharedSecret=***") + "]";
    }
  }
}
