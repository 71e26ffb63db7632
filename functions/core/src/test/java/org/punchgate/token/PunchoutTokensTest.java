package org.punchgate.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;
import org.punchgate.testing.Fixtures;

class PunchoutTokensTest {

  private final Fixtures.MutableClock clock = Fixtures.clock();
  private final PunchoutTokens tokens = Fixtures.tokens(clock);
  private final TokenClaims claims = new TokenClaims("sid-1", "demo-oci4", "acme-buyers", "buyer@acme.example",
      "DETAIL", Fixtures.NOW, Fixtures.NOW.plus(Duration.ofMinutes(30)), "jti-1");

  @Test
  void roundTripsEveryClaim() {
    var verified = assertInstanceOf(PunchoutTokens.Verification.Valid.class, tokens.verify(tokens.issue(claims)));
    assertEquals(claims, verified.claims());
  }

  @Test
  void isAStandardHs256JwtThatAnyLibraryCanCheck() throws Exception {
    String token = tokens.issue(claims);
    String[] parts = token.split("\\.");
    var header = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
    assertEquals("HS256", header.get("alg").asText());
    assertEquals("JWT", header.get("typ").asText());
    var payload = Json.parse(Base64.getUrlDecoder().decode(parts[1]));
    assertEquals("sid-1", payload.get("sid").asText());
    assertEquals(Fixtures.NOW.getEpochSecond() + 1800, payload.get("exp").asLong());
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Fixtures.TOKEN_SECRET, "HmacSHA256"));
    byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertEquals(true, MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2])));
  }

  @Test
  void refusesTamperedForeignAndExpiredTokens() {
    String token = tokens.issue(claims);
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"sid\":\"other\",\"exp\":9999999999}".getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertInstanceOf(PunchoutTokens.Verification.Invalid.class, tokens.verify(forged));
    String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes()) + "." + parts[1] + ".";
    assertInstanceOf(PunchoutTokens.Verification.Invalid.class, tokens.verify(none));
    PunchoutTokens otherKey = new PunchoutTokens("another-secret-another-secret-another".getBytes(), clock);
    assertInstanceOf(PunchoutTokens.Verification.Invalid.class, otherKey.verify(token));
    assertInstanceOf(PunchoutTokens.Verification.Invalid.class, tokens.verify("not.a.token"));
    clock.advance(Duration.ofMinutes(31));
    assertEquals("expired", ((PunchoutTokens.Verification.Invalid) tokens.verify(token)).reason());
  }

  @Test
  void needsAKeyOfAtLeast256Bits() {
    assertThrows(IllegalArgumentException.class, () -> new PunchoutTokens("short".getBytes(), clock));
  }
}
