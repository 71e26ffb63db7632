package org.punchgate.oci;

/**
 * Names of the OCI call-up parameters the gateway understands (SPECS §1.1, §1.2, §1.5), and the keys
 * under which a session keeps them for the cart return. The login and password parameter names and the
 * HOOK_URL name are per connection ({@link org.punchgate.connection.LoginParameterNames}); the return URL
 * is always kept under {@link #HOOK_URL}.
 */
public final class OciCallUp {

  public static final String HOOK_URL = "HOOK_URL";
  /** OCI 4.0/5.0 frame target of the return form. */
  public static final String RETURN_TARGET = "returntarget";
  /** OCI 3.0 fixed fields, echoed in the cart form. */
  public static final String TARGET = "~TARGET";
  public static final String OK_CODE = "~OkCode";
  public static final String CALLER = "~CALLER";
  /** OCI 4.0+: charset of the call-up and of the return page. */
  public static final String CHARSET = "http_content_charset";
  public static final String OCI_VERSION = "OCI_VERSION";
  public static final String OPI_VERSION = "OPI_VERSION";
  /** §1.2 catalog functions and their parameters. */
  public static final String FUNCTION = "FUNCTION";
  public static final String PRODUCT_ID = "PRODUCTID";
  public static final String QUANTITY = "QUANTITY";
  public static final String SEARCH_STRING = "SEARCHSTRING";
  public static final String VENDOR = "VENDOR";
  public static final String EXT_PRODUCT_ID = "EXT_PRODUCT_ID";

  /** Every parameter above that a session keeps, matched case-insensitively at login. */
  public static final String[] KEPT = {
      RETURN_TARGET, TARGET, OK_CODE, CALLER, CHARSET, OCI_VERSION, OPI_VERSION, FUNCTION, PRODUCT_ID,
      QUANTITY, SEARCH_STRING, VENDOR, EXT_PRODUCT_ID};

  /** The parameters of a catalog function that the shop needs to see. */
  public static final String[] FUNCTION_PARAMETERS = {PRODUCT_ID, QUANTITY, SEARCH_STRING, VENDOR, EXT_PRODUCT_ID};

  private OciCallUp() {}
}
