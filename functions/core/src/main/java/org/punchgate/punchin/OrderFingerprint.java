package org.punchgate.punchin;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.punchgate.cart.Classification;

/**
 * The SHA-256 of a UBL order's values, streamed into the digest one value at a time (a 1,000-line order never
 * becomes one large text). Every value of {@link PunchInOrder} counts, in a fixed order, each written with its
 * length (or a mark for an absent value), so no two different orders write the same bytes. Decimals count with
 * their scale ({@code 10} is not {@code 10.00}), as the document wrote them. Where a line stood in the XML
 * ({@link PunchInOrder.Line#sourceLine}) does not count: it is the layout, not the order, and an access point
 * that re-serialises the document must get the same fingerprint.
 */
final class OrderFingerprint {

  /** The mark of an absent value: a length no value has. */
  private static final int NULL = 0;

  private final MessageDigest sha256;
  private final DataOutputStream out;

  private OrderFingerprint() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    out = new DataOutputStream(new BufferedOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(),
        sha256), 8192));
  }

  /** {@code sha256:} and the hex digest of the order's values. */
  static String of(PunchInOrder order) {
    var f = new OrderFingerprint();
    try {
      f.order(order);
      f.out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a null stream does not fail
    }
    return "sha256:" + HexFormat.of().formatHex(f.sha256.digest());
  }

  private void order(PunchInOrder o) throws IOException {
    text(o.format() == null ? null : o.format().name());
    text(o.customizationId());
    text(o.profileId());
    text(o.id());
    value(o.issueDate());
    value(o.issueTime());
    text(o.currency());
    text(o.orderType());
    text(o.customerReference());
    text(o.accountingCost());
    text(o.note());
    text(o.payloadId());
    party(o.buyer());
    party(o.seller());
    delivery(o.delivery());
    references(o.references());
    length(o.lines().size());
    for (PunchInOrder.Line line : o.lines()) {
      line(line);
    }
    totals(o.totals());
  }

  private void party(PunchInOrder.Party p) throws IOException {
    if (present(p)) {
      identifier(p.endpoint());
      identifiers(p.identifiers());
      text(p.name());
      text(p.countryCode());
    }
  }

  private void delivery(PunchInOrder.Delivery d) throws IOException {
    if (present(d)) {
      identifier(d.locationId());
      text(d.name());
      if (present(d.address())) {
        texts(d.address().streetLines());
        text(d.address().city());
        text(d.address().postalZone());
        text(d.address().region());
        text(d.address().countryCode());
      }
      value(d.requestedStart());
      value(d.requestedEnd());
    }
  }

  private void references(PunchInOrder.References r) throws IOException {
    if (present(r)) {
      text(r.quotationId());
      text(r.catalogueId());
      text(r.orderDocumentId());
      text(r.contractId());
      text(r.supplierOrderId());
    }
  }

  private void line(PunchInOrder.Line l) throws IOException {
    text(l.id());
    value(l.quantity());
    text(l.unitCode());
    value(l.lineAmount());
    value(l.priceAmount());
    value(l.baseQuantity());
    text(l.name());
    text(l.description());
    text(l.sellersItemId());
    text(l.supplierAuxiliaryId());
    text(l.buyersItemId());
    identifier(l.standardItemId());
    text(l.manufacturersItemId());
    length(l.classifications().size());
    for (Classification c : l.classifications()) {
      text(c.scheme());
      text(c.code());
    }
    text(l.taxCategory());
    value(l.taxPercent());
    text(l.note());
  }

  private void totals(PunchInOrder.Totals t) throws IOException {
    if (present(t)) {
      value(t.lineExtension());
      value(t.taxExclusive());
      value(t.taxInclusive());
      value(t.allowanceTotal());
      value(t.chargeTotal());
      value(t.prepaid());
      value(t.rounding());
      value(t.payable());
    }
  }

  private void identifiers(List<PunchInOrder.Identifier> ids) throws IOException {
    length(ids.size());
    for (PunchInOrder.Identifier id : ids) {
      identifier(id);
    }
  }

  private void identifier(PunchInOrder.Identifier id) throws IOException {
    if (present(id)) {
      text(id.value());
      text(id.scheme());
    }
  }

  private void texts(List<String> texts) throws IOException {
    length(texts.size());
    for (String t : texts) {
      text(t);
    }
  }

  /** A value by its text: decimals keep their scale, dates and times are ISO 8601. */
  private void value(Object value) throws IOException {
    text(value == null ? null : value.toString());
  }

  private void text(String text) throws IOException {
    if (text == null) {
      out.write(NULL);
      return;
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    length(bytes.length + 1); // 0 is absent, so "" is 1
    out.write(bytes);
  }

  /**
   * A length or count in 7-bit groups, low first, the high bit saying "more follows": one byte for the short
   * values of an order instead of four, which is a third less to hash.
   */
  private void length(int n) throws IOException {
    int rest = n;
    while (rest >= 0x80) {
      out.write((rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    out.write(rest);
  }

  /** A mark for a structure: absent, or present with its values after it. */
  private boolean present(Object part) throws IOException {
    out.writeBoolean(part != null);
    return part != null;
  }
}
