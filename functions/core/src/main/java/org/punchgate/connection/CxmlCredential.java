package org.punchgate.connection;

import java.util.Locale;

/** A cXML Credential: a domain ({@code NetworkID}, {@code DUNS}, ...) and an identity within it. */
public record CxmlCredential(String domain, String identity) {

  /** Domains are compared case-insensitively (real documents mix NetworkId/NetworkID); identities exactly. */
  public boolean matches(String otherDomain, String otherIdentity) {
    return otherDomain != null && otherIdentity != null
        && domain.toLowerCase(Locale.ROOT).equals(otherDomain.strip().toLowerCase(Locale.ROOT))
        && identity.equals(otherIdentity.strip());
  }
}
