package org.punchgate.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * An order's id, derived from what caused the order so that a retry can never create a second one: the same
 * cause always gives the same id, so the store's conditional write and the queue's deduplication
 * ({@code MessageDeduplicationId} = this id) both see the retry as the order they already have.
 *
 * <ul>
 *   <li>{@link #forCart}: an order that completes a transferred punchout cart (the order ping, or a PunchIn
 *       order that references the cart). Both causes give the same id, so whichever arrives first makes the
 *       order and the other finds it (RoundTrip: one order, never two).</li>
 *   <li>{@link #forBuyerOrder}: a PunchIn order that references no cart, identified by the connection, the
 *       buyer party and the buyer's own order number (unique per buyer; a reused number is refused).</li>
 * </ul>
 *
 * The id is {@code ORD-} and 20 Crockford Base32 characters (100 bits) of a SHA-256 over the cause: short
 * enough to read out on the phone, without characters that look alike, safe as a file name and as an SQS
 * deduplication id (at most 128 characters), and without collisions at any realistic order volume
 * (the birthday bound is about 10^15 orders).
 */
public record OrderId(String value) {

  private static final String PREFIX = "ORD-";
  private static final int HASH_CHARACTERS = 20;
  /** Crockford's Base32: no I, L, O, U, so nothing reads like a 1, 0 or V. */
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final Pattern FORM = Pattern.compile("ORD-[0-9A-HJKMNP-TV-Z]{" + HASH_CHARACTERS + "}");

  public OrderId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException("not an order id: " + value);
    }
  }

  /** Whether a text has the form of an order id (a reader checks before it trusts one as a file name). */
  public static boolean isValid(String value) {
    return value != null && FORM.matcher(value).matches();
  }

  /** The order that completes the transferred cart {@code cartId}, whatever document completes it. */
  public static OrderId forCart(String cartId) {
    return derive("cart", cartId);
  }

  /** A PunchIn order without a punchout cart: the buyer's order number is unique per buyer party. */
  public static OrderId forBuyerOrder(String connectionId, String buyerPartyId, String buyerOrderNumber) {
    return derive("buyer-order", connectionId, buyerPartyId, buyerOrderNumber);
  }

  /** Hashes the kind and each part with its length in front, so that no two different causes share an input. */
  private static OrderId derive(String kind, String... parts) {
    StringBuilder input = new StringBuilder(kind);
    for (String part : parts) {
      if (part == null || part.isEmpty()) {
        throw new IllegalArgumentException("an order id needs every part of its cause: " + kind);
      }
      input.append('\n').append(part.length()).append(':').append(part);
    }
    byte[] hash = sha256(input.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder id = new StringBuilder(PREFIX.length() + HASH_CHARACTERS).append(PREFIX);
    for (int i = 0; i < HASH_CHARACTERS; i++) { // 5 bits per character, from the front of the hash
      int bit = i * 5;
      int twoBytes = ((hash[bit / 8] & 0xff) << 8) | (hash[bit / 8 + 1] & 0xff);
      id.append(ALPHABET[(twoBytes >>> (11 - bit % 8)) & 0x1f]);
    }
    return new OrderId(id.toString());
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
