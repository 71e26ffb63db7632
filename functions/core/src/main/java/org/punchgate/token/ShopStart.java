package org.punchgate.token;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The shop start URL with the punchout token appended as query parameter {@code punchout_token}. */
public final class ShopStart {

  public static final String TOKEN_PARAMETER = "punchout_token";

  private ShopStart() {}

  public static String url(String shopStartUrl, String token) {
    int hash = shopStartUrl.indexOf('#');
    String base = hash < 0 ? shopStartUrl : shopStartUrl.substring(0, hash);
    String fragment = hash < 0 ? "" : shopStartUrl.substring(hash);
    String separator = base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?";
    return base + separator + TOKEN_PARAMETER + "=" + URLEncoder.encode(token, StandardCharsets.US_ASCII) + fragment;
  }
}
