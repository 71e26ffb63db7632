package org.punchgate.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.punchgate.json.Json;

/**
 * Issues and verifies punchout tokens: compact JWTs signed with HS256, so a shop verifies them with any
 * JWT library and the shared key. The header is fixed; a token with any other algorithm is refused.
 */
public final class PunchoutTokens {

  private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
  private static final int MAX_TOKEN_CHARS = 4096;
  private static final long CLOCK_SKEW_SECONDS = 30;

  private final SecretKeySpec key;
  private final Clock clock;

  public PunchoutTokens(byte[] secret, Clock clock) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the token signing secret needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret, "HmacSHA256");
    this.clock = clock;
  }

  public String issue(TokenClaims claims) {
    ObjectNode payload = Json.object();
    payload.put("sid", claims.sessionId());
    payload.put("cid", claims.connectionId());
    payload.put("grp", claims.userGroup());
    payload.put("sub", claims.subject());
    Json.putIfPresent(payload, "fn", claims.function());
    payload.put("iat", claims.issuedAt().getEpochSecond());
    payload.put("exp", claims.expiresAt().getEpochSecond());
    payload.put("jti", claims.tokenId());
    String signingInput = HEADER + "." + b64(Json.write(payload).getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + b64(sign(signingInput));
  }

  /** The outcome of checking a token: its claims, or why it was refused. */
  public sealed interface Verification {
    record Valid(TokenClaims claims) implements Verification {}

    record Invalid(String reason) implements Verification {}
  }

  public Verification verify(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return new Verification.Invalid("missing or oversized token");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || !HEADER.equals(parts[0])) {
      return new Verification.Invalid("not an HS256 punchout token");
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      return new Verification.Invalid("malformed signature");
    }
    if (!MessageDigest.isEqual(sign(parts[0] + "." + parts[1]), signature)) {
      return new Verification.Invalid("bad signature");
    }
    JsonNode payload;
    try {
      payload = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
    } catch (RuntimeException e) {
      return new Verification.Invalid("malformed payload");
    }
    long now = clock.instant().getEpochSecond();
    long exp = payload.path("exp").asLong(0);
    if (exp == 0 || now > exp + CLOCK_SKEW_SECONDS) {
      return new Verification.Invalid("expired");
    }
    return new Verification.Valid(new TokenClaims(
        Json.text(payload, "sid"), Json.text(payload, "cid"), Json.text(payload, "grp"),
        Json.text(payload, "sub"), Json.text(payload, "fn"),
        Instant.ofEpochSecond(payload.path("iat").asLong()), Instant.ofEpochSecond(exp),
        Json.text(payload, "jti")));
  }

  private byte[] sign(String signingInput) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
