package org.punchgate.connection;

import java.util.Locale;

/**
 * A key a connection is found by at login, besides its id: a kind ({@code CXML_SENDER}, later a PEPPOL
 * participant scheme) and a normalised value. Two aliases are equal exactly when they name the same login.
 */
public record ConnectionAlias(String kind, String value) {

  public static final String CXML_SENDER = "CXML_SENDER";
  /** The longest value looked up: a cXML domain and identity of the longest we look up, and their separator. */
  public static final int MAX_VALUE_CHARS = 2 * CxmlCredential.MAX_PART_CHARS + 1;

  /** A cXML Sender credential: domains compare case-insensitively, identities exactly (after trimming). */
  public static ConnectionAlias cxmlSender(String domain, String identity) {
    return new ConnectionAlias(CXML_SENDER, domain.strip().toLowerCase(Locale.ROOT) + "#" + identity.strip());
  }

  /** Whether the value is short enough to be any connection's alias (and to fit a store's key at all). */
  public boolean fitsLookup() {
    return value.length() <= MAX_VALUE_CHARS;
  }

  /** The alias as one string, e.g. {@code CXML_SENDER#networkid#AN01}: the stores' lookup key. */
  public String key() {
    return kind + "#" + value;
  }
}
