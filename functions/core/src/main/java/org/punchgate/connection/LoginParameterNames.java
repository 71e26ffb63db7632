package org.punchgate.connection;

/**
 * The names of the OCI call-up parameters that carry the login and the return address. OCI leaves them to
 * the catalog (SPECS §1.1), so each connection may rename them; SAP's usual names are the default.
 */
public record LoginParameterNames(String username, String password, String hookUrl) {

  public static final LoginParameterNames DEFAULT = new LoginParameterNames("USERNAME", "PASSWORD", "HOOK_URL");

  public LoginParameterNames {
    username = username == null || username.isBlank() ? DEFAULT_USERNAME : username;
    password = password == null || password.isBlank() ? DEFAULT_PASSWORD : password;
    hookUrl = hookUrl == null || hookUrl.isBlank() ? DEFAULT_HOOK_URL : hookUrl;
  }

  private static final String DEFAULT_USERNAME = "USERNAME";
  private static final String DEFAULT_PASSWORD = "PASSWORD";
  private static final String DEFAULT_HOOK_URL = "HOOK_URL";
}
