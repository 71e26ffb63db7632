package org.punchgate.session;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.json.Json;

/**
 * How carts (and large session documents) are kept in a DynamoDB item: gzip-compressed JSON. A DynamoDB
 * item holds at most 400 KB, and a cart of a thousand lines is about 300 KB of JSON but a tenth of that
 * compressed; compression also cuts the write units a transfer costs.
 */
public final class StoredDocuments {

  /** What a compressed cart may take of an item, leaving room for the session document beside it. */
  public static final int MAX_STORED_CART_BYTES = 200 * 1024;
  /** Session documents above this size are stored compressed too (cXML edit sessions with big carts). */
  public static final int COMPRESS_DOC_ABOVE = 32 * 1024;

  private StoredDocuments() {}

  public static byte[] cart(Cart cart) {
    return gzip(Json.write(CartJson.write(cart)));
  }

  public static Cart cart(byte[] stored) {
    return CartJson.read(Json.parse(gunzip(stored))).cart();
  }

  public static byte[] gzip(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, text.length() / 6));
    try (GZIPOutputStream zip = new FastGzip(out)) {
      zip.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Gzip at the fastest level: carts are repetitive JSON, so it still shrinks them about tenfold. */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(ByteArrayOutputStream out) throws IOException {
      super(out, 8192);
      def.setLevel(java.util.zip.Deflater.BEST_SPEED);
    }
  }

  public static byte[] gunzip(byte[] stored) {
    try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      return zip.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
