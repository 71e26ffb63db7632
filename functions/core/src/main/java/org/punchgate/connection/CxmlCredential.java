package org.punchgate.connection;

import java.util.Locale;

/** A cXML Credential: a domain ({@code NetworkID}, {@code DUNS}, ...) and an identity within it. */
public record CxmlCredential(String domain, String identity) {

  /**
   * The longest domain or identity we look up. Real ones are a few dozen characters (an e-mail address at
   * most 254); the lookup key holds both and DynamoDB keys stop at 2048 bytes.
   */
  public static final int MAX_PART_CHARS = 256;

  /** Whether a domain and identity are short enough to be looked up at all. */
  public static boolean fitsLookup(String domain, String identity) {
    return domain.length() <= MAX_PART_CHARS && identity.length() <= MAX_PART_CHARS;
  }

  /** Domains are compared case-insensitively (real documents mix NetworkId/NetworkID); identities exactly. */
  public boolean matches(String otherDomain, String otherIdentity) {
    return otherDomain != null && otherIdentity != null
        && domain.toLowerCase(Locale.ROOT).equals(otherDomain.strip().toLowerCase(Locale.ROOT))
        && identity.equals(otherIdentity.strip());
  }
}
