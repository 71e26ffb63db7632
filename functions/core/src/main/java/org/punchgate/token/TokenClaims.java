package org.punchgate.token;

import java.time.Instant;

/**
 * The claims of a punchout token (SPEC of the shop contract): session id, connection id, shop user group,
 * user name, OCI function (or null), issued-at, expiry and a unique token id.
 */
public record TokenClaims(
    String sessionId, String connectionId, String userGroup, String subject, String function,
    Instant issuedAt, Instant expiresAt, String tokenId) {}
