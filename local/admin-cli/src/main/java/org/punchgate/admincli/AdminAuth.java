package org.punchgate.admincli;

import java.net.URI;
import java.util.Map;

/**
 * How a request to the admin API is authorized: the local runner's admin key as a bearer token, or SigV4 for the
 * IAM-authorized routes of a deployed stack ({@link SigV4Auth}).
 */
interface AdminAuth {

  /** The environment variable that may stand in for {@code --admin-key} (kept out of shell history and ps). */
  String ADMIN_KEY_VARIABLE = "PUNCHGATE_ADMIN_KEY";

  /** The headers that authorize this exact request (method, URL, content type and body). */
  Map<String, String> headers(String method, URI uri, String contentType, byte[] body);

  /** The local runner's stand-in for IAM: {@code Authorization: Bearer <key>}. */
  record AdminKey(String key) implements AdminAuth {
    @Override
    public Map<String, String> headers(String method, URI uri, String contentType, byte[] body) {
      return Map.of("Authorization", "Bearer " + key);
    }

    @Override
    public String toString() {
      return "AdminKey[***]"; // never the key itself, should this ever be logged
    }
  }

  /** The admin key when one is given, else SigV4 with the default credentials chain. */
  static AdminAuth of(CommandLine line, Console console, URI apiUrl) {
    String key = line.option("--admin-key").orElse(console.env().get(ADMIN_KEY_VARIABLE));
    if (key != null && !key.isBlank()) {
      return new AdminKey(key.strip());
    }
    return SigV4Auth.fromDefaultChain(line.option("--profile").orElse(null), line.option("--region").orElse(null), apiUrl);
  }
}
