package org.punchgate.link;

import java.time.Instant;

/**
 * A login link a supplier hands to one buyer (PEPPOL punch-out, SPECS §3.2): following it opens a session of
 * {@code connectionId} with the link's own return URL and buyer reference. The link's secret is never stored:
 * {@code id} is the SHA-256 of the secret (URL-safe Base64), so it can be listed and revoked without giving
 * anyone the power to log in.
 *
 * @param id             public id: the hash of the secret in the link's URL
 * @param connectionId   the connection the session opens on
 * @param returnUrl      where the buyer's browser posts the cart (allow-listed by the connection)
 * @param buyerReference ReceiverParty/Contact/ID of the carts; may be null
 * @param createdAt      when the link was made
 * @param expiresAt      after this the link answers 410; null: it does not expire
 * @param revokedAt      when it was revoked; null while valid
 */
public record LoginLink(String id, String connectionId, String returnUrl, String buyerReference, Instant createdAt,
    Instant expiresAt, Instant revokedAt) {

  /** Whether the link opens a session at {@code now}. */
  public boolean usableAt(Instant now) {
    return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
  }

  public LoginLink revoked(Instant at) {
    return new LoginLink(id, connectionId, returnUrl, buyerReference, createdAt, expiresAt, at);
  }
}
