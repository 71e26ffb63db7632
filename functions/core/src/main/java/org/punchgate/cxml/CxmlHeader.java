package org.punchgate.cxml;

import java.util.List;
import org.punchgate.connection.CxmlCredential;

/** The cXML {@code Header}: From, To and Sender credentials and the Sender's UserAgent (SPECS §2.2). */
public record CxmlHeader(List<SentCredential> from, List<SentCredential> to, List<SentCredential> sender,
                         String userAgent) {

  public CxmlHeader {
    from = List.copyOf(from);
    to = List.copyOf(to);
    sender = List.copyOf(sender);
  }

  /**
   * A credential as a document presents it: domain, identity and, in the Sender of a request, the shared
   * secret. It lives only while one document is handled and is never stored. What we store and match
   * against (a connection's own and allowed credentials, a session's parties) is the checked
   * {@link CxmlCredential}, which has no secret: {@link #withoutSecret()} turns one into the other.
   */
  public record SentCredential(String domain, String identity, String sharedSecret) {

    public CxmlCredential withoutSecret() {
      return new CxmlCredential(domain, identity);
    }

    @Override
    public String toString() {
      // never print the shared secret
      return "SentCredential[domain=" + domain + ", identity=" + identity + (sharedSecret == null ? "" : ", sharedSecret=***") + "]";
    }
  }
}
