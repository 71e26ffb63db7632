package org.punchgate.orderping;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The user name and secret of an HTTP Basic {@code Authorization} header (RFC 7617), or null. */
public record BasicCredentials(String username, String secret) {

  public static BasicCredentials from(String authorization) {
    if (authorization == null) {
      return null;
    }
    String value = authorization.strip();
    if (value.length() < 6 || !value.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(value.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    return colon <= 0 ? null : new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1));
  }

  @Override
  public String toString() {
    return "BasicCredentials[" + username + ", ***]"; // never the secret, even in a test failure
  }
}
