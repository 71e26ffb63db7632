package org.punchgate.oci;

import java.util.HashMap;
import java.util.Map;

/**
 * Decodes HTML character references in attribute values and text: numeric ({@code &#9731;},
 * {@code &#x2603;}) and the named ones catalogs use (the markup five, all of Latin-1 such as {@code &auml;},
 * and common typographic ones). An unknown or unterminated reference is kept as written.
 */
final class HtmlEntities {

  private static final int LONGEST_NAME = 10;
  private static final Map<String, Integer> NAMED = new HashMap<>();

  static {
    NAMED.put("quot", 34);
    NAMED.put("amp", 38);
    NAMED.put("apos", 39);
    NAMED.put("lt", 60);
    NAMED.put("gt", 62);
    // HTML 4 Latin-1 names, U+00A0 to U+00FF in order
    String latin1 = "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn"
        + " sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute"
        + " Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde"
        + " Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave"
        + " aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth"
        + " ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml";
    String[] names = latin1.split(" ");
    for (int k = 0; k < names.length; k++) {
      NAMED.put(names[k], 0xA0 + k);
    }
    NAMED.put("OElig", 0x152);
    NAMED.put("oelig", 0x153);
    NAMED.put("ndash", 0x2013);
    NAMED.put("mdash", 0x2014);
    NAMED.put("lsquo", 0x2018);
    NAMED.put("rsquo", 0x2019);
    NAMED.put("sbquo", 0x201A);
    NAMED.put("ldquo", 0x201C);
    NAMED.put("rdquo", 0x201D);
    NAMED.put("bdquo", 0x201E);
    NAMED.put("bull", 0x2022);
    NAMED.put("hellip", 0x2026);
    NAMED.put("euro", 0x20AC);
    NAMED.put("trade", 0x2122);
  }

  private HtmlEntities() {}

  static String decode(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length()).append(text, 0, amp);
    int i = amp;
    while (i < text.length()) {
      char c = text.charAt(i);
      int semicolon = c == '&' ? semicolonAfter(text, i) : -1;
      int codePoint = semicolon > i + 1 ? codePoint(text.substring(i + 1, semicolon)) : -1;
      if (codePoint < 0) {
        out.append(c);
        i++;
      } else {
        out.appendCodePoint(codePoint);
        i = semicolon + 1;
      }
    }
    return out.toString();
  }

  /** The ';' ending a reference that starts at {@code amp}, looked for only as far as the longest name. */
  private static int semicolonAfter(String text, int amp) {
    int limit = Math.min(text.length(), amp + 2 + LONGEST_NAME);
    for (int p = amp + 1; p < limit; p++) {
      if (text.charAt(p) == ';') {
        return p;
      }
    }
    return -1;
  }

  private static int codePoint(String reference) {
    if (reference.charAt(0) != '#') {
      return NAMED.getOrDefault(reference, -1);
    }
    boolean hex = reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
    String digits = reference.substring(hex ? 2 : 1);
    if (digits.isEmpty() || digits.length() > 7) {
      return -1;
    }
    try {
      int value = Integer.parseInt(digits, hex ? 16 : 10);
      boolean valid = value > 0 && value <= Character.MAX_CODE_POINT && !(value >= 0xD800 && value <= 0xDFFF);
      return valid ? value : 0xFFFD;
    } catch (NumberFormatException notDigits) {
      return -1;
    }
  }
}
