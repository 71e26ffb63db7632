package org.punchgate.order;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.punchgate.validation.Violation;

/**
 * The ERP message: one JSON document per order, described by {@code schema/erp-order.v1.schema.json} in
 * this module. {@link #write} is on the request path and streams with Jackson's generator (no reflection,
 * no tree); {@link #read} is for consumers and tests, and reports what is wrong instead of throwing.
 *
 * <p>Optional values that are unknown are left out, never written as {@code null}. Decimals are strings in
 * plain notation (see {@link Money}); dates are ISO 8601 ({@code 2026-11-23}), instants UTC
 * ({@code 2026-11-23T10:00:00Z}).
 */
public final class ErpOrderMessage {

  /** The schema version this class writes ({@code schemaVersion}); a reader refuses any other. */
  public static final int SCHEMA_VERSION = 1;
  /** Where the schema is, on the class path of this module. */
  public static final String SCHEMA_RESOURCE = "/schema/erp-order.v1.schema.json";
  /**
   * The largest message body we hand to the queue: 1 MiB, the SQS limit since August 2025 (256 KiB before),
   * which the template sets as the queue's {@code MaximumMessageSize} and the local SQS engine accepts too
   * (QueueMessageSizeIT). A fully described 1,000-line order takes about 280 KiB. A larger order is refused
   * with {@link OrderQueue.SendOutcome.TooLarge}.
   */
  public static final int MAX_BYTES = 1024 * 1024;

  private static final JsonFactory JSON = new JsonFactory();
  private static final LastMessage LAST = new LastMessage();

  private ErpOrderMessage() {}

  /**
   * The message body of an order, UTF-8: a copy of your own. Asked again for the same {@link Order} instance
   * (the size check, the order item and the send of one request), it is written once ({@link LastMessage}).
   */
  public static byte[] write(Order order) {
    return LAST.of(order, ErpOrderMessage::serialize);
  }

  private static byte[] serialize(Order order) {
    var out = new ByteArrayOutputStream(1024 + 256 * order.lines().size());
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      string(g, "orderId", order.orderId().value());
      string(g, "status", order.status().name());
      string(g, "source", order.source().code());
      string(g, "externalOrderNumber", order.externalOrderNumber());
      if (order.orderDate() != null) {
        string(g, "orderDate", order.orderDate().toString());
      }
      optional(g, "buyerReference", order.buyerReference());
      string(g, "connectionId", order.connectionId());
      writeCustomer(g, order.customer());
      if (order.buyerContact() != null) {
        g.writeObjectFieldStart("buyerContact");
        optional(g, "name", order.buyerContact().name());
        optional(g, "email", order.buyerContact().email());
        optional(g, "phone", order.buyerContact().phone());
        g.writeEndObject();
      }
      string(g, "currency", order.currency());
      g.writeArrayFieldStart("lines");
      for (OrderLine line : order.lines()) {
        writeLine(g, line);
      }
      g.writeEndArray();
      writeTotals(g, order.totals());
      if (order.delivery() != null) {
        writeDelivery(g, order.delivery());
      }
      if (order.punchout() != null) {
        writePunchout(g, order.punchout());
      }
      writeFindings(g, order.findings());
      string(g, "createdAt", order.createdAt().toString());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  private static void writeTotals(JsonGenerator g, Totals totals) throws IOException {
    g.writeObjectFieldStart("totals");
    decimal(g, "lineTotal", totals.lineTotal());
    decimal(g, "chargeTotal", totals.chargeTotal());
    decimal(g, "allowanceTotal", totals.allowanceTotal());
    decimal(g, "taxTotal", totals.taxTotal());
    decimal(g, "total", totals.total());
    g.writeEndObject();
  }

  private static void writePunchout(JsonGenerator g, PunchoutReference punchout) throws IOException {
    g.writeObjectFieldStart("punchout");
    string(g, "sessionId", punchout.sessionId());
    string(g, "cartId", punchout.cartId());
    string(g, "transferredAt", punchout.transferredAt().toString());
    g.writeEndObject();
  }

  private static void writeFindings(JsonGenerator g, List<Finding> findings) throws IOException {
    g.writeArrayFieldStart("findings");
    for (Finding finding : findings) {
      g.writeStartObject();
      string(g, "ruleId", finding.ruleId());
      optional(g, "lineId", finding.lineId());
      string(g, "severity", finding.severity().code());
      string(g, "text", finding.text());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeCustomer(JsonGenerator g, Customer customer) throws IOException {
    g.writeObjectFieldStart("customer");
    string(g, "id", customer.id());
    optional(g, "name", customer.name());
    if (!customer.partyIds().isEmpty()) {
      g.writeArrayFieldStart("partyIds");
      for (PartyId id : customer.partyIds()) {
        writePartyId(g, id);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void writeLine(JsonGenerator g, OrderLine line) throws IOException {
    g.writeStartObject();
    string(g, "lineId", line.lineId());
    optional(g, "parentLineId", line.parentLineId());
    optional(g, "sku", line.sku());
    optional(g, "buyerSku", line.buyerSku());
    string(g, "description", line.description());
    decimal(g, "quantity", line.quantity());
    string(g, "unit", line.unit());
    decimal(g, "unitPrice", line.unitPrice());
    decimal(g, "priceUnit", line.priceUnit());
    decimal(g, "lineAmount", line.lineAmount());
    if (line.taxRate() != null) {
      decimal(g, "taxRate", line.taxRate());
    }
    if (line.classification() != null) {
      g.writeObjectFieldStart("classification");
      string(g, "scheme", line.classification().scheme());
      string(g, "code", line.classification().code());
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeDelivery(JsonGenerator g, Delivery delivery) throws IOException {
    g.writeObjectFieldStart("delivery");
    if (delivery.locationId() != null) {
      g.writeFieldName("locationId");
      writePartyId(g, delivery.locationId());
    }
    Delivery.Address address = delivery.address();
    if (address != null) {
      g.writeObjectFieldStart("address");
      optional(g, "name", address.name());
      if (!address.lines().isEmpty()) {
        g.writeArrayFieldStart("lines");
        for (String text : address.lines()) {
          g.writeString(sqsSafe(text));
        }
        g.writeEndArray();
      }
      optional(g, "postalCode", address.postalCode());
      optional(g, "city", address.city());
      optional(g, "region", address.region());
      optional(g, "countryCode", address.countryCode());
      g.writeEndObject();
    }
    if (delivery.requestedDate() != null) {
      string(g, "requestedDate", delivery.requestedDate().toString());
    }
    g.writeEndObject();
  }

  private static void writePartyId(JsonGenerator g, PartyId id) throws IOException {
    g.writeStartObject();
    optional(g, "scheme", id.scheme());
    string(g, "id", id.id());
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      string(g, field, value);
    }
  }

  private static void string(JsonGenerator g, String field, String value) throws IOException {
    g.writeFieldName(field);
    g.writeString(sqsSafe(value));
  }

  /** The text as SQS accepts it (see {@link SqsSafeText}). */
  static String sqsSafe(String text) {
    return SqsSafeText.of(text);
  }

  private static void decimal(JsonGenerator g, String field, BigDecimal value) throws IOException {
    string(g, field, value.toPlainString());
  }

  // ---- reading (consumers, tests) ----

  /** What a consumer got: an order, or the reasons the body is not a version-1 ERP message. */
  public sealed interface Reading {

    record Readable(Order order) implements Reading {}

    /** {@code orderId} is the body's order id when it has a valid one (for logs), else null. */
    record Unreadable(String orderId, List<Violation> problems) implements Reading {}
  }

  /** Reads a message body; never throws for bad input. */
  public static Reading read(byte[] body) {
    return ErpOrderReader.read(body);
  }
}
