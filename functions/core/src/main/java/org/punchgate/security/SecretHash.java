package org.punchgate.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted, slow hashes of login secrets (OCI passwords, cXML shared secrets), stored as
 * {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} so the work factor can be raised later without
 * invalidating stored hashes. Verification compares in constant time.
 */
public final class SecretHash {

  public static final int DEFAULT_ITERATIONS = 120_000;
  private static final String PREFIX = "pbkdf2-sha256";
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final int MAX_SECRET_CHARS = 1024;

  private SecretHash() {}

  public static String hash(String secret, SecureRandom random) {
    return hash(secret, random, DEFAULT_ITERATIONS);
  }

  public static String hash(String secret, SecureRandom random, int iterations) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = pbkdf2(secret.toCharArray(), salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
  }

  /** True when the secret matches the stored hash. A malformed stored hash never matches. */
  public static boolean verify(String secret, String stored) {
    if (secret == null || stored == null || secret.length() > MAX_SECRET_CHARS) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !PREFIX.equals(parts[0])) {
      return false;
    }
    try {
      int iterations = Integer.parseInt(parts[1]);
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      byte[] actual = pbkdf2(secret.toCharArray(), salt, iterations);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Spends the same work as a real verification and returns false: used when no connection matches, so
   * an unknown user name costs as much time as a wrong password and does not reveal itself.
   */
  public static boolean verifyAgainstNothing(String secret) {
    pbkdf2((secret == null ? "" : secret).toCharArray(), "punchgate-dummy!".getBytes(StandardCharsets.US_ASCII),
        DEFAULT_ITERATIONS);
    return false;
  }

  private static byte[] pbkdf2(char[] secret, byte[] salt, int iterations) {
    try {
      var spec = new PBEKeySpec(secret, salt, iterations, HASH_BITS);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }
}
