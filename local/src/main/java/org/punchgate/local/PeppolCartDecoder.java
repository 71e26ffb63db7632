package org.punchgate.local;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.punchgate.xml.SecureXml;
import org.punchgate.xml.XmlElement;

/**
 * The buyer simulator's reading of a returned PEPPOL cart, as a procurement system does it: the cart field's Base64
 * value → bytes → XML in the encoding the document declares (byte order mark first, then the XML declaration, UTF-8
 * when neither says; SPECS §3.2: the official examples are ISO-8859-1). Any input gives a {@link Decoded} value,
 * never an exception, so the decoder can be fed arbitrary bytes.
 */
public final class PeppolCartDecoder {

  /** A larger form value is refused before decoding: about 6 MB of XML, far beyond a 1,000-line cart. */
  public static final int MAX_FORM_CHARS = 8 * 1024 * 1024;
  private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?\\bencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final String CATALOGUE = "Catalogue";

  private PeppolCartDecoder() {}

  /** What a cart field held. */
  public sealed interface Decoded {
    /** A UBL Catalogue: its bytes, the encoding they were read in, the decoded text and the parsed root. */
    record Cart(byte[] bytes, Charset charset, String text, XmlElement root) implements Decoded {}

    /** The field was missing or empty. */
    record Empty() implements Decoded {}

    record TooLarge(int chars, int limit) implements Decoded {}

    /** Not Base64 (after line breaks and spaces are removed). */
    record NotBase64(String reason) implements Decoded {}

    /** The document declares an encoding this JVM does not know. */
    record UnknownEncoding(String name) implements Decoded {}

    /** The bytes are not valid in the encoding the document declares. */
    record BadBytes(Charset charset) implements Decoded {}

    /** Not well-formed XML, or XML that SecureXml refuses (an internal DTD subset, entities, limits). */
    record NotXml(String message, int line) implements Decoded {}

    /** Well-formed XML, but its root is not a Catalogue. */
    record NotCatalogue(String root) implements Decoded {}
  }

  public static Decoded decode(String formValue) {
    if (formValue == null || formValue.isBlank()) {
      return new Decoded.Empty();
    }
    if (formValue.length() > MAX_FORM_CHARS) {
      return new Decoded.TooLarge(formValue.length(), MAX_FORM_CHARS);
    }
    byte[] bytes;
    try {
      // a form value may be wrapped into lines (MIME style): whitespace is never part of Base64
      bytes = Base64.getDecoder().decode(WHITESPACE.matcher(formValue).replaceAll(""));
    } catch (IllegalArgumentException e) {
      return new Decoded.NotBase64(e.getMessage());
    }
    return decodeBytes(bytes);
  }

  /** Reads cart bytes as they arrived (already Base64-decoded). */
  public static Decoded decodeBytes(byte[] bytes) {
    if (bytes.length == 0) {
      return new Decoded.Empty();
    }
    Charset charset;
    int bom = 0;
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      charset = StandardCharsets.UTF_8;
      bom = 3;
    } else if (startsWith(bytes, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (startsWith(bytes, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    } else {
      String declared = declaredEncoding(bytes);
      if (declared == null) {
        charset = StandardCharsets.UTF_8;
      } else {
        try {
          charset = Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return new Decoded.UnknownEncoding(declared);
        }
      }
    }
    String text;
    try {
      text = charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, bom, bytes.length - bom))
          .toString();
    } catch (CharacterCodingException e) {
      return new Decoded.BadBytes(charset);
    }
    return switch (SecureXml.parse(bytes)) {
      case SecureXml.Parsed.Malformed malformed -> new Decoded.NotXml(malformed.message(), malformed.line());
      case SecureXml.Parsed.Document document -> isCatalogue(document.root())
          ? new Decoded.Cart(bytes, charset, text, document.root())
          : new Decoded.NotCatalogue(document.root().name());
    };
  }

  private static boolean isCatalogue(XmlElement root) {
    String name = root.name();
    return name.equals(CATALOGUE) || name.endsWith(":" + CATALOGUE);
  }

  /** The encoding named in the XML declaration; the declaration itself is ASCII in every encoding we accept. */
  private static String declaredEncoding(byte[] bytes) {
    String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
    Matcher m = DECLARED.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
