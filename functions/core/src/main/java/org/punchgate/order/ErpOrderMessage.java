package org.punchgate.order;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.json.Json;
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
    JsonNode root;
    try {
      root = Json.parse(body);
    } catch (Json.JsonSyntaxException e) {
      return new Reading.Unreadable(null, List.of(new Violation("$", "not JSON: " + e.getMessage())));
    }
    if (!root.isObject()) {
      return new Reading.Unreadable(null, List.of(new Violation("$", "must be a JSON object")));
    }
    var in = new Fields();
    String id = Json.text(root, "orderId");
    String orderId = OrderId.isValid(id) ? id : null;
    JsonNode version = root.get("schemaVersion");
    if (version == null || !version.isIntegralNumber() || version.intValue() != SCHEMA_VERSION) {
      return new Reading.Unreadable(orderId, List.of(new Violation("schemaVersion",
          "this reader understands schemaVersion " + SCHEMA_VERSION + ", not " + version)));
    }
    if (orderId == null) {
      in.problem("orderId", "required, of the form ORD- and 20 characters");
    }
    OrderStatus status = in.enumValue(root, "status", OrderStatus.class);
    OrderSource source = OrderSource.ofCode(in.required(root, "source", ""));
    if (source == null) {
      in.problem("source", "unknown source " + Json.text(root, "source"));
    }
    String currency = in.required(root, "currency", "");
    List<OrderLine> lines = new ArrayList<>();
    JsonNode linesNode = root.path("lines");
    for (int i = 0; i < linesNode.size(); i++) {
      try {
        lines.add(readLine(linesNode.get(i), "lines[" + i + "].", in));
      } catch (IllegalArgumentException badValue) {
        in.problem("lines[" + i + "]", badValue.getMessage());
      }
    }
    if (!linesNode.isArray() || linesNode.isEmpty()) {
      in.problem("lines", "required, at least one line");
    }
    JsonNode totalsNode = root.path("totals");
    List<Finding> findings = new ArrayList<>();
    JsonNode findingsNode = root.path("findings");
    for (int i = 0; i < findingsNode.size(); i++) {
      JsonNode f = findingsNode.get(i);
      String at = "findings[" + i + "].";
      Finding.Severity severity = Finding.Severity.ofCode(in.required(f, "severity", at));
      if (severity == null) {
        in.problem(at + "severity", "one of info, warning, error");
      }
      findings.add(new Finding(in.required(f, "ruleId", at), Json.text(f, "lineId"), severity,
          in.required(f, "text", at)));
    }
    JsonNode customerNode = root.path("customer");
    Customer customer = new Customer(in.required(customerNode, "id", "customer."), Json.text(customerNode, "name"),
        partyIds(customerNode.path("partyIds")));
    JsonNode contact = root.path("buyerContact");
    JsonNode punchout = root.path("punchout");
    if (!in.problems.isEmpty()) {
      return new Reading.Unreadable(orderId, List.copyOf(in.problems));
    }
    try {
      return new Reading.Readable(new Order(
          new OrderId(orderId), status, source,
          in.required(root, "externalOrderNumber", ""),
          in.date(root, "orderDate", ""),
          Json.text(root, "buyerReference"),
          in.required(root, "connectionId", ""),
          customer,
          Contact.ofNullable(Json.text(contact, "name"), Json.text(contact, "email"), Json.text(contact, "phone")),
          currency,
          lines,
          new Totals(in.decimal(totalsNode, "lineTotal", "totals."), in.decimal(totalsNode, "chargeTotal", "totals."),
              in.decimal(totalsNode, "allowanceTotal", "totals."), in.decimal(totalsNode, "taxTotal", "totals."),
              in.decimal(totalsNode, "total", "totals.")),
          root.has("delivery") ? readDelivery(root.get("delivery"), in) : null,
          punchout.isObject() ? new PunchoutReference(in.required(punchout, "sessionId", "punchout."),
              in.required(punchout, "cartId", "punchout."), in.instant(punchout, "transferredAt", "punchout.")) : null,
          findings,
          in.instant(root, "createdAt", "")));
    } catch (IllegalArgumentException | NullPointerException inconsistent) {
      // the parts are there but do not make an order (totals that do not add up, a missing field)
      List<Violation> problems = new ArrayList<>(in.problems);
      problems.add(new Violation("$", inconsistent.getMessage()));
      return new Reading.Unreadable(orderId, List.copyOf(problems));
    }
  }

  /** A line, or null when a field is missing or malformed (each problem is recorded). */
  private static OrderLine readLine(JsonNode node, String at, Fields in) {
    int before = in.problems.size();
    JsonNode cls = node.path("classification");
    String lineId = in.required(node, "lineId", at);
    String description = in.required(node, "description", at);
    BigDecimal quantity = in.decimal(node, "quantity", at);
    String unit = in.required(node, "unit", at);
    BigDecimal unitPrice = in.decimal(node, "unitPrice", at);
    BigDecimal priceUnit = in.decimal(node, "priceUnit", at);
    BigDecimal lineAmount = in.decimal(node, "lineAmount", at);
    BigDecimal taxRate = node.has("taxRate") ? in.decimal(node, "taxRate", at) : null;
    OrderLine.Classification classification = null;
    if (cls.isObject()) {
      String scheme = in.required(cls, "scheme", at + "classification.");
      String code = in.required(cls, "code", at + "classification.");
      classification = scheme == null || code == null ? null : new OrderLine.Classification(scheme, code);
    }
    if (in.problems.size() > before) {
      return null;
    }
    return new OrderLine(lineId, Json.text(node, "parentLineId"), Json.text(node, "sku"), Json.text(node, "buyerSku"),
        description, quantity, unit, unitPrice, priceUnit, lineAmount, taxRate, classification);
  }

  private static Delivery readDelivery(JsonNode node, Fields in) {
    JsonNode address = node.path("address");
    List<String> lines = new ArrayList<>();
    address.path("lines").forEach(line -> lines.add(line.asText()));
    return new Delivery(
        node.path("locationId").isObject() ? partyId(node.get("locationId")) : null,
        address.isObject() ? new Delivery.Address(Json.text(address, "name"), lines, Json.text(address, "postalCode"),
            Json.text(address, "city"), Json.text(address, "region"), Json.text(address, "countryCode")) : null,
        in.date(node, "requestedDate", "delivery."));
  }

  private static List<PartyId> partyIds(JsonNode array) {
    List<PartyId> ids = new ArrayList<>();
    array.forEach(node -> ids.add(partyId(node)));
    return ids;
  }

  private static PartyId partyId(JsonNode node) {
    return new PartyId(Json.text(node, "scheme"), Json.text(node, "id"));
  }

  /** Reads fields and collects a problem for each one that is missing or malformed. */
  private static final class Fields {
    final List<Violation> problems = new ArrayList<>();

    void problem(String location, String message) {
      problems.add(new Violation(location, message));
    }

    String required(JsonNode node, String field, String at) {
      JsonNode value = node.get(field);
      if (value == null || !value.isTextual()) {
        problem(at + field, "required, a string");
        return null;
      }
      return value.asText();
    }

    BigDecimal decimal(JsonNode node, String field, String at) {
      String text = required(node, field, at);
      if (text == null) {
        return null;
      }
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        problem(at + field, "a decimal in plain notation");
        return null;
      }
    }

    LocalDate date(JsonNode node, String field, String at) {
      String text = Json.text(node, field);
      try {
        return text == null ? null : LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        problem(at + field, "an ISO 8601 date");
        return null;
      }
    }

    Instant instant(JsonNode node, String field, String at) {
      String text = required(node, field, at);
      try {
        return text == null ? null : Instant.parse(text);
      } catch (DateTimeParseException e) {
        problem(at + field, "an ISO 8601 instant in UTC");
        return null;
      }
    }

    <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type) {
      String text = required(node, field, "");
      try {
        return text == null ? null : Enum.valueOf(type, text);
      } catch (IllegalArgumentException e) {
        problem(field, "unknown value " + text);
        return null;
      }
    }
  }
}
