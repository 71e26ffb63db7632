package org.punchgate.http;

/** HTML escaping for text and attribute values: everything we write into a page goes through here. */
public final class Html {

  private Html() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    return appendEscaped(new StringBuilder(text.length() + 16), text).toString();
  }

  /**
   * Also CR: a browser turns a raw CR or CRLF in an attribute value into LF before the form is posted, so a
   * long text with CRLF would reach the buyer changed (found by fuzzing); as {@code &#13;} it survives.
   */
  private static final long SPECIAL = 1L << '&' | 1L << '<' | 1L << '>' | 1L << '"' | 1L << '\'' | 1L << '\r';

  /**
   * Appends the text escaped as {@link #escape} does, copying the runs between special characters in one
   * go: a cart page escapes thousands of values, most of which need nothing.
   */
  public static StringBuilder appendEscaped(StringBuilder out, String text) {
    if (text == null) {
      return out;
    }
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 64 || (SPECIAL & (1L << c)) == 0) {
        continue; // one test for the common character, instead of the switch
      }
      String replacement = switch (c) {
        case '&' -> "&amp;";
        case '<' -> "&lt;";
        case '>' -> "&gt;";
        case '"' -> "&quot;";
        case '\'' -> "&#39;";
        case '\r' -> "&#13;";
        default -> null;
      };
      if (replacement != null) {
        out.append(text, run, i).append(replacement);
        run = i + 1;
      }
    }
    return run == 0 ? out.append(text) : out.append(text, run, text.length()); // a whole String copies faster
  }

  /** A small, self-contained error page (no script, no external resources). */
  public static String errorPage(String title, String message) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title></head>\n<body style=\"font-family:sans-serif;margin:2em\"><h1>" + escape(title) + "</h1>\n<p>"
        + escape(message) + "</p></body></html>\n";
  }
}
