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
 * <p>A login for an unknown user, connection or cXML Sender is checked against a dummy hash of the kind a real
 * check would meet ({@link #verifyAgainstNothing}), so its answer takes as long as a wrong secret's: with generated
 * secrets microseconds, not a PBKDF2 round that would give the unknown name away.
 */
public final class SecretVerifier {

  public static final String HMAC_PREFIX = "hmac-sha256$";
  /** 24 random bytes: 192 bits, 32 characters of URL-safe Base64. */
  public static final int GENERATED_BYTES = 24;
  private static final int MAX_SECRET_CHARS = 1024;

  /** The dummy MAC an unknown name is compared with: 32 zero bytes, which no secret's MAC is in practice. */
  private static final String DUMMY_DIGEST = Base64.getEncoder().withoutPadding().encodeToString(new byte[32]);
  private static final String DUMMY_HMAC = HMAC_PREFIX + DUMMY_DIGEST;
  private static final String DUMMY_SALT = Base64.getEncoder().withoutPadding()
      .encodeToString("punchgate-dummy!".getBytes(StandardCharsets.US_ASCII));

  /** How a stored hash is checked. */
  public enum Scheme { HMAC_SHA256, PBKDF2_SHA256 }

  /** One hash computed: its scheme and whether it was a dummy for an unknown name (what tests observe). */
  record Check(Scheme scheme, boolean dummy) {}

  private final SecretKeySpec key;
  private final Clock clock;
  private final java.util.function.Consumer<Check> checks;
  /** A dummy shaped like the stored value last checked for real: what an unknown name costs. */
  private volatile String typicalDummy;

  /** {@code key} null: generated-secret hashes never match (only PBKDF2 hashes work). */
  public SecretVerifier(byte[] key, Clock clock) {
    this(key, clock, check -> { });
  }

  /** Tells {@code checks} of every hash computed: for tests that a dummy check ran, without timing anything. */
  SecretVerifier(byte[] key, Clock clock, java.util.function.Consumer<Check> checks) {
    this.key = key == null || key.length == 0 ? null : new SecretKeySpec(key.clone(), "HmacSHA256");
    this.clock = clock;
    this.checks = checks;
    // before any real check: generated secrets where a key is configured, else chosen passwords
    this.typicalDummy = this.key != null ? DUMMY_HMAC : pbkdf2Dummy(SecretHash.DEFAULT_ITERATIONS);
  }

  /** A new secret for a connection: 192 bits from {@code random}, URL-safe Base64. */
  public static String generate(SecureRandom random) {
    byte[] bytes = new byte[GENERATED_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether generated secrets can be hashed (and so verified) here: only with the server-side key. */
  public boolean canHashGenerated() {
    return key != null;
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
    if (stored != null) {
      typicalDummy = dummyLike(stored);
    }
    return verify(secret, stored, false);
  }

  /**
   * Spends the work of a real check and returns false, for a name nobody has (an unknown connection or cXML
   * Sender): the dummy has the shape of the stored value checked last, so in a deployment whose connections use
   * generated secrets an unknown name costs one HMAC like a known one, and with chosen passwords a PBKDF2 round.
   */
  public boolean verifyAgainstNothing(String secret) {
    verify(secret, typicalDummy, true); // a missing or oversized secret costs nothing here, as in a real check
    return false;
  }

  /**
   * Spends the work of checking against {@code like} (a stored value of the same connection, for an unknown user
   * name) without using it, and returns false.
   */
  public boolean verifyAgainstNothing(String secret, String like) {
    verify(secret, like == null ? typicalDummy : dummyLike(like), true);
    return false;
  }

  /**
   * A stored value of the same schemes, work factors and overlap as {@code stored}, with hashes that belong to no
   * secret: checking it costs what checking {@code stored} costs.
   */
  static String dummyLike(String stored) {
    int space = stored.indexOf(' ');
    if (space < 0) {
      return dummyOne(stored);
    }
    String previous = stored.substring(space + 1);
    int bang = previous.lastIndexOf('!');
    return bang < 0 ? dummyOne(stored.substring(0, space))
        : dummyOne(stored.substring(0, space)) + " " + dummyOne(previous.substring(0, bang)) + previous.substring(bang);
  }

  private static String dummyOne(String hash) {
    if (hash.startsWith(HMAC_PREFIX)) {
      return DUMMY_HMAC;
    }
    String[] parts = hash.split("\\$");
    int iterations;
    try {
      iterations = parts.length == 4 ? Integer.parseInt(parts[1]) : SecretHash.DEFAULT_ITERATIONS;
    } catch (NumberFormatException e) {
      iterations = SecretHash.DEFAULT_ITERATIONS;
    }
    return pbkdf2Dummy(iterations < 1 ? SecretHash.DEFAULT_ITERATIONS : iterations);
  }

  private static String pbkdf2Dummy(int iterations) {
    return "pbkdf2-sha256$" + iterations + "$" + DUMMY_SALT + "$" + DUMMY_DIGEST;
  }

  private boolean verify(String secret, String stored, boolean dummy) {
    if (secret == null || stored == null || secret.length() > MAX_SECRET_CHARS) {
      return false;
    }
    int space = stored.indexOf(' ');
    if (space < 0) {
      return verifyOne(secret, stored, dummy);
    }
    boolean current = verifyOne(secret, stored.substring(0, space), dummy);
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
    boolean old = inOverlap && verifyOne(secret, previous.substring(0, bang), dummy);
    return current | old;
  }

  private boolean verifyOne(String secret, String hash, boolean dummy) {
    if (hash.startsWith(HMAC_PREFIX)) {
      checks.accept(new Check(Scheme.HMAC_SHA256, dummy));
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
    checks.accept(new Check(Scheme.PBKDF2_SHA256, dummy));
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
