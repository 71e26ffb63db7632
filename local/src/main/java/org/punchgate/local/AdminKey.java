package org.punchgate.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The local runner's stand-in for IAM on the admin API: a bearer key, compared in constant time. */
final class AdminKey {

  private static final String BEARER = "Bearer ";

  private AdminKey() {}

  static boolean matches(String key, String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8));
  }
}
