package org.punchgate.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a login secret against what a connection stores, which names its scheme:
 * <ul>
 *   <li>{@code pbkdf2-sha256$...} ({@link SecretHash}) for secrets a person chose: slow, salted, so that a
 *       guessable password costs an attacker with the table 120,000 HMAC rounds per guess;</li>
 *   <li>{@code hmac-sha256$<mac>} for secrets the admin API generated (at least 128 random bits): one
 *       HMAC-SHA-256 under a server-side key that lives in Secrets Manager, not in the table. A secret with
 *       128 random bits cannot be guessed, so no work factor is needed, and without the key a leaked table
 *       does not even let an attacker test a guess. A login costs microseconds instead of ~150 ms.</li>
 * </ul>
 * During a rotation the stored value holds the new hash, then the previous one with the instant it stops
 * working: {@code <current> <previous>!<epochSeconds>}. Both are compared in constant time.
 */
public final class SecretVerifier {

  public static final String HMAC_PREFIX = "hmac-sha256$";
  /** 24 random bytes: 192 bits, 32 characters of URL-safe Base64. */
  public static final int GENERATED_BYTES = 24;
  private static final int MAX_SECRET_CHARS = 1024;

  private final SecretKeySpec key;
  private final Clock clock;

  /** {@code key} null: generated-secret hashes never match (only PBKDF2 hashes work). */
  public SecretVerifier(byte[] key, Clock clock) {
    this.key = key == null || key.length == 0 ? null : new SecretKeySpec(key.clone(), "HmacSHA256");
    this.clock = clock;
  }

  /** A new secret for a connection: 192 bits from {@code random}, URL-safe Base64. */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[GENERATED_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** What a connection stores for a generated secret. */
  public String hashGenerated(String secret) {
    if (key == null) {
      throw new IllegalStateException("no secret hash key is configured (SECRET_HASH_KEY)");
    }
    return HMAC_PREFIX + Base64.getEncoder().withoutPadding().encodeToString(mac(secret));
  }

  /**
   * The stored value after a rotation: {@code newHash} is in force at once, the current one of
   * {@code stored} keeps working until {@code previousUntil}, so buyers' systems can switch without a gap.
   */
  public static String rotated(String newHash, String stored, Instant previousUntil) {
    if (stored == null || stored.isBlank()) {
      return newHash;
    }
    return newHash + " " + current(stored) + "!" + previousUntil.getEpochSecond();
  }

  /** The hash in force, without a previous one. */
  public static String current(String stored) {
    int space = stored.indexOf(' ');
    return space < 0 ? stored : stored.substring(0, space);
  }

  /** True when the secret matches the current hash, or the previous one before it expires. */
  public boolean verify(String secret, String stored) {
    if (secret == null || stored == null || secret.length() > MAX_SECRET_CHARS) {
      return false;
    }
    int space = stored.indexOf(' ');
    if (space < 0) {
      return verifyOne(secret, stored);
    }
    boolean current = verifyOne(secret, stored.substring(0, space));
    String previous = stored.substring(space + 1);
    int bang = previous.lastIndexOf('!');
    if (bang < 0) {
      return current;
    }
    boolean inOverlap;
    try {
      inOverlap = clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(previous.substring(bang + 1))));
    } catch (NumberFormatException e) {
      inOverlap = false;
    }
    boolean old = inOverlap && verifyOne(secret, previous.substring(0, bang));
    return current | old;
  }

  /** The cost of a real check, for an unknown user (see {@link SecretHash#verifyAgainstNothing}). */
  public boolean verifyAgainstNothing(String secret) {
    return SecretHash.verifyAgainstNothing(secret);
  }

  private boolean verifyOne(String secret, String hash) {
    if (hash.startsWith(HMAC_PREFIX)) {
      if (key == null) {
        return false;
      }
      byte[] expected;
      try {
        expected = Base64.getDecoder().decode(hash.substring(HMAC_PREFIX.length()));
      } catch (IllegalArgumentException e) {
        return false;
      }
      return MessageDigest.isEqual(expected, mac(secret));
    }
    return SecretHash.verify(secret, hash);
  }

  private byte[] mac(String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
