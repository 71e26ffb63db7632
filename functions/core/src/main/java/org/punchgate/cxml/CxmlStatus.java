package org.punchgate.cxml;

/**
 * A cXML {@code Status}: code, the code's text, and an optional detail (the element's content). The codes
 * are those of the cXML User's Guide as listed in SAP Ariba's note "List of cXML Status Codes" (SPECS §2.5).
 * A cXML status travels inside an HTTP 200 answer; it is independent of the HTTP status.
 */
public record CxmlStatus(int code, String text, String detail) {

  public static final int OK = 200;
  public static final int BAD_REQUEST = 400;
  public static final int UNAUTHORIZED = 401;
  public static final int FORBIDDEN = 403;
  public static final int NOT_ACCEPTABLE = 406;
  public static final int INTERNAL_ERROR = 500;

  public static CxmlStatus ok() {
    return new CxmlStatus(OK, "OK", null);
  }

  public static CxmlStatus badRequest(String detail) {
    return new CxmlStatus(BAD_REQUEST, "Bad Request", detail);
  }

  public static CxmlStatus unauthorized(String detail) {
    return new CxmlStatus(UNAUTHORIZED, "Unauthorized", detail);
  }

  public static CxmlStatus forbidden(String detail) {
    return new CxmlStatus(FORBIDDEN, "Forbidden", detail);
  }

  public static CxmlStatus notAcceptable(String detail) {
    return new CxmlStatus(NOT_ACCEPTABLE, "Not Acceptable", detail);
  }

  public static CxmlStatus internalError(String detail) {
    return new CxmlStatus(INTERNAL_ERROR, "Internal Server Error", detail);
  }

  public boolean isSuccess() {
    return code >= 200 && code < 300;
  }
}
