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
   * The largest message body we hand to the queue: 256 KiB, the SQS limit that every SQS-compatible engine
   * and every queue's default accepts. A larger order is refused with {@link OrderQueue.SendOutcome.TooLarge}.
   */
  public static final int MAX_BYTES = 256 * 1024;

  private static final JsonFactory JSON = new JsonFactory();

  private ErpOrderMessage() {}

  /** The message body of an order, UTF-8. */
  public static byte[] write(Order order) {
    var out = new ByteArrayOutputStream(1024 + 256 * order.lines().size());
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeNumberField("schemaVersion", SCHEMA_VERSION);
      g.writeStringField("orderId", order.orderId().value());
      g.writeStringField("status", order.status().name());
      g.writeStringField("source", order.source().code());
      g.writeStringField("externalOrderNumber", order.externalOrderNumber());
      if (order.orderDate() != null) {
        g.writeStringField("orderDate", order.orderDate().toString());
      }
      optional(g, "buyerReference", order.buyerReference());
      g.writeStringField("connectionId", order.connectionId());
      writeCustomer(g, order.customer());
      if (order.buyerContact() != null) {
        g.writeObjectFieldStart("buyerContact");
        optional(g, "name", order.buyerContact().name());
        optional(g, "email", order.buyerContact().email());
        optional(g, "phone", order.buyerContact().phone());
        g.writeEndObject();
      }
      g.writeStringField("currency", order.currency());
      g.writeArrayFieldStart("lines");
      for (OrderLine line : order.lines()) {
        writeLine(g, line);
      }
      g.writeEndArray();
      Totals totals = order.totals();
      g.writeObjectFieldStart("totals");
      decimal(g, "lineTotal", totals.lineTotal());
      decimal(g, "chargeTotal", totals.chargeTotal());
      decimal(g, "allowanceTotal", totals.allowanceTotal());
      decimal(g, "taxTotal", totals.taxTotal());
      decimal(g, "total", totals.total());
      g.writeEndObject();
      if (order.delivery() != null) {
        writeDelivery(g, order.delivery());
      }
      if (order.punchout() != null) {
        g.writeObjectFieldStart("punchout");
        g.writeStringField("sessionId", order.punchout().sessionId());
        g.writeStringField("cartId", order.punchout().cartId());
        g.writeStringField("transferredAt", order.punchout().transferredAt().toString());
        g.writeEndObject();
      }
      g.writeArrayFieldStart("findings");
      for (Finding finding : order.findings()) {
        g.writeStartObject();
        g.writeStringField("ruleId", finding.ruleId());
        optional(g, "lineId", finding.lineId());
        g.writeStringField("severity", finding.severity().code());
        g.writeStringField("text", finding.text());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeStringField("createdAt", order.createdAt().toString());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return out.toByteArray();
  }

  private static void writeCustomer(JsonGenerator g, Customer customer) throws IOException {
    g.writeObjectFieldStart("customer");
    g.writeStringField("id", customer.id());
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
    g.writeStringField("lineId", line.lineId());
    optional(g, "parentLineId", line.parentLineId());
    optional(g, "sku", line.sku());
    optional(g, "buyerSku", line.buyerSku());
    g.writeStringField("description", line.description());
    decimal(g, "quantity", line.quantity());
    g.writeStringField("unit", line.unit());
    decimal(g, "unitPrice", line.unitPrice());
    decimal(g, "priceUnit", line.priceUnit());
    decimal(g, "lineAmount", line.lineAmount());
    if (line.taxRate() != null) {
      decimal(g, "taxRate", line.taxRate());
    }
    if (line.classification() != null) {
      g.writeObjectFieldStart("classification");
      g.writeStringField("scheme", line.classification().scheme());
      g.writeStringField("code", line.classification().code());
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
          g.writeString(text);
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
      g.writeStringField("requestedDate", delivery.requestedDate().toString());
    }
    g.writeEndObject();
  }

  private static void writePartyId(JsonGenerator g, PartyId id) throws IOException {
    g.writeStartObject();
    optional(g, "scheme", id.scheme());
    g.writeStringField("id", id.id());
    g.writeEndObject();
  }

  private static void optional(JsonGenerator g, String field, String value) throws IOException {
    if (value != null) {
      g.writeStringField(field, value);
    }
  }

  private static void decimal(JsonGenerator g, String field, BigDecimal value) throws IOException {
    g.writeStringField(field, value.toPlainString());
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
