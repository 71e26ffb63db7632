package org.punchgate.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

/** Our PBKDF2-HMAC-SHA256 gives the bytes of the standard and of the JDK's implementation, for any input. */
class Pbkdf2Test {

  @Test
  void matchesTheRfc7914TestVector() {
    // RFC 7914 §11: PBKDF2-HMAC-SHA256, P="passwd", S="salt", c=1 (first 32 of 64 bytes)
    assertArrayEquals(HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"),
        SecretHash.pbkdf2("passwd".toCharArray(), "salt".getBytes(StandardCharsets.US_ASCII), 1));
  }

  @Test
  void matchesTheJdkForShortLongAndNonAsciiSecretsAndAnySalt() throws Exception {
    Random random = new Random(7);
    String[] secrets = {"a", "sample-password", "pässwörd ✓ 密码", "x".repeat(64), "y".repeat(65),
        "z".repeat(200), "\ud800 unpaired", "😀".repeat(20)};
    for (String secret : secrets) {
      for (int iterations : new int[] {1, 2, 3, 1000}) {
        byte[] salt = new byte[random.nextInt(40)];
        random.nextBytes(salt);
        assertArrayEquals(jdk(secret, salt, iterations), SecretHash.pbkdf2(secret.toCharArray(), salt, iterations),
            secret + " / " + iterations);
      }
    }
  }

  private static byte[] jdk(String secret, byte[] salt, int iterations) throws Exception {
    if (salt.length == 0) {
      return jdkViaMac(secret, salt, iterations); // the JDK's key factory refuses an empty salt
    }
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
        .generateSecret(new PBEKeySpec(secret.toCharArray(), salt, iterations, 256)).getEncoded();
  }

  /** RFC 8018 §5.2 written out with the JDK's HmacSHA256, for the inputs its key factory does not take. */
  private static byte[] jdkViaMac(String secret, byte[] salt, int iterations) throws Exception {
    var mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(salt);
    byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
    byte[] t = u.clone();
    for (int j = 1; j < iterations; j++) {
      u = mac.doFinal(u);
      for (int i = 0; i < t.length; i++) {
        t[i] ^= u[i];
      }
    }
    return t;
  }
}
