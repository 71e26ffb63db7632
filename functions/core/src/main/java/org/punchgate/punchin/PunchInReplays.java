package org.punchgate.punchin;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The answers PunchIn gave, kept so that the same order document again gets the same answer and creates
 * nothing (README "Duplicates"), for at least {@link #RETENTION}. A record is keyed by the buyer's order
 * number as the buyer party's: {@link Key#of}. Its fingerprint says which document it answered: the cXML
 * payloadID, or for UBL a digest of the order's values as read ({@link #fingerprint}), so a resend through
 * another access point that re-serialises the XML is still the same document.
 */
public interface PunchInReplays {

  /** How long an answer is kept: the issue's 72 hours at least; DynamoDB's TTL deletes it later. */
  Duration RETENTION = Duration.ofDays(7);

  /**
   * Records {@code reply} unless a record of its key exists (conditional write): then returns that record, as a
   * replay of the same document or as a duplicate order number of another one.
   */
  Recorded record(Reply reply, Instant now);

  /** The record of a key, if one is kept and not expired. */
  java.util.Optional<Reply> find(Key key, Instant now);

  /** {@code PUNCHIN#<connection>#<buyer party>#<order number>}: one buyer's order number on one connection. */
  record Key(String value) {
    public Key {
      Objects.requireNonNull(value, "key");
    }

    public static Key of(String connectionId, String buyerParty, String orderNumber) {
      return new Key("PUNCHIN#" + connectionId + "#" + buyerParty + "#" + orderNumber);
    }
  }

  /** An answer as sent: the HTTP status, content type and body bytes, and which document it answered. */
  record Reply(Key key, String fingerprint, int status, String contentType, byte[] body, String orderId,
               Instant at) {
    public Reply {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(fingerprint, "fingerprint");
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(at, "at");
    }

    public boolean sameDocument(String otherFingerprint) {
      return fingerprint.equals(otherFingerprint);
    }
  }

  /** The outcome of {@link #record}: an exhaustive switch tells the three apart. */
  sealed interface Recorded {
    /** No record had this key: this reply is now the answer to it. */
    record First() implements Recorded {}

    /** The same document was answered before: send {@code original} again. */
    record Replay(Reply original) implements Recorded {}

    /** Another document used this buyer's order number first: refuse as a duplicate order number. */
    record DuplicateOrderNumber(Reply original) implements Recorded {}

    static Recorded of(Reply existing, Reply attempted) {
      return existing.sameDocument(attempted.fingerprint()) ? new Replay(existing) : new DuplicateOrderNumber(existing);
    }
  }

  /**
   * The fingerprint of an order document: the cXML payloadID, or a digest of the UBL order's values
   * ({@link OrderFingerprint}).
   */
  static String fingerprint(PunchInOrder order) {
    if (order.payloadId() != null) {
      return "payload:" + order.payloadId();
    }
    return OrderFingerprint.of(order);
  }
}
