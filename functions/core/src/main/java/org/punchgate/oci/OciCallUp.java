package org.punchgate.oci;

import java.util.List;

/**
 * Names of the OCI call-up parameters the login keeps in {@code Session.callUp()} (only those that were
 * sent), and the values of {@code FUNCTION}. SPECS §1.1 (flow, return address, target, charset, OCI 3.0
 * fixed fields) and §1.2 (catalog functions).
 */
public final class OciCallUp {

  /** The full return URL, including its own query (§1.1 step 2); stored under this name whatever the buyer called it. */
  public static final String HOOK_URL = "HOOK_URL";
  /** Frame the cart form posts into (OCI 4.0/5.0, §1.1 step 4). */
  public static final String RETURN_TARGET = "returntarget";
  /** OCI 3.0 frame and fixed fields, echoed in the cart form (§1.1 step 5); stored in this spelling. */
  public static final String TARGET = "~TARGET";
  public static final String OK_CODE = "~OkCode";
  public static final String CALLER = "~CALLER";
  /** Charset of the cart page (OCI 4.0/5.0, §1.1 step 4). */
  public static final String HTTP_CONTENT_CHARSET = "http_content_charset";
  /** Informative only (§1.1 step 5). */
  public static final String OCI_VERSION = "OCI_VERSION";
  public static final String OPI_VERSION = "OPI_VERSION";
  /** Catalog function and its parameters (§1.2). */
  public static final String FUNCTION = "FUNCTION";
  public static final String PRODUCTID = "PRODUCTID";
  public static final String QUANTITY = "QUANTITY";
  public static final String SEARCHSTRING = "SEARCHSTRING";
  public static final String VENDOR = "VENDOR";
  public static final String EXT_PRODUCT_ID = "EXT_PRODUCT_ID";

  /** The call-up parameters the login keeps, in the order they are listed above. */
  public static final List<String> KEPT = List.of(HOOK_URL, RETURN_TARGET, TARGET, OK_CODE,
      CALLER, HTTP_CONTENT_CHARSET, OCI_VERSION, OPI_VERSION, FUNCTION, PRODUCTID, QUANTITY, SEARCHSTRING, VENDOR,
      EXT_PRODUCT_ID);

  /** The parameters of a catalog function that the shop needs to see. */
  public static final List<String> FUNCTION_PARAMETERS = List.of(PRODUCTID, QUANTITY, SEARCHSTRING, VENDOR, EXT_PRODUCT_ID);

  private OciCallUp() {}
}
