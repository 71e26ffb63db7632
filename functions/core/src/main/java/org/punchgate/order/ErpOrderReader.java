package org.punchgate.order;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.punchgate.json.Json;
import org.punchgate.order.ErpOrderMessage.Reading;
import org.punchgate.validation.Violation;

/**
 * Reads an ERP message back into an {@link Order}, for consumers and tests. It is no more lenient than the
 * schema: every value must have the schema's type and form, and the order records enforce the rest (lengths,
 * totals that add up). Fields it does not know are ignored, as a tolerant consumer should. It reports each
 * problem with its place and never throws for bad input.
 */
final class ErpOrderReader {

  private final ErpMessageFields fields = new ErpMessageFields();

  private ErpOrderReader() {}

  static Reading read(byte[] body) {
    JsonNode root;
    try {
      root = Json.parse(body);
    } catch (Json.JsonSyntaxException e) {
      return new Reading.Unreadable(null, List.of(new Violation("erp.message.json", "$", "not JSON: " + e.getMessage())));
    }
    if (!root.isObject()) {
      return new Reading.Unreadable(null, List.of(new Violation("erp.message.object", "$", "must be a JSON object")));
    }
    JsonNode idNode = root.get("orderId");
    String orderId = idNode != null && idNode.isTextual() && OrderId.isValid(idNode.asText()) ? idNode.asText() : null;
    JsonNode version = root.get("schemaVersion");
    if (version == null || !version.isIntegralNumber() || version.intValue() != ErpOrderMessage.SCHEMA_VERSION) {
      return new Reading.Unreadable(orderId, List.of(new Violation("erp.message.schema-version", "schemaVersion",
          "this reader understands schemaVersion " + ErpOrderMessage.SCHEMA_VERSION + ", not " + version)));
    }
    var reader = new ErpOrderReader();
    try {
      Order order = reader.order(root, orderId);
      return reader.fields.problems.isEmpty() ? new Reading.Readable(order)
          : new Reading.Unreadable(orderId, List.copyOf(reader.fields.problems));
    } catch (IllegalArgumentException | NullPointerException inconsistent) {
      // each part has its form, but together they make no order (totals that do not add up, a missing part)
      if (reader.fields.problems.isEmpty()) {
        reader.fields.problem("$", inconsistent.getMessage());
      }
      return new Reading.Unreadable(orderId, List.copyOf(reader.fields.problems));
    }
  }

  /** The order, or null once a problem is recorded (the caller reports the problems). */
  private Order order(JsonNode root, String orderId) {
    if (orderId == null) {
      fields.problem("orderId", "required, of the form ORD- and 20 characters");
    }
    String status = fields.text(root, "status", "", true);
    String source = fields.text(root, "source", "", true);
    String externalOrderNumber = fields.text(root, "externalOrderNumber", "", true);
    LocalDate orderDate = fields.date(root, "orderDate", "", false);
    String buyerReference = fields.text(root, "buyerReference", "", false);
    String connectionId = fields.text(root, "connectionId", "", true);
    Customer customer = fields.object(root, "customer", "", true, this::customer);
    Contact contact = fields.object(root, "buyerContact", "", false, this::contact);
    String currency = fields.text(root, "currency", "", true);
    List<OrderLine> lines = fields.array(root, "lines", "", true, this::line);
    Totals totals = fields.object(root, "totals", "", true, this::totals);
    Delivery delivery = fields.object(root, "delivery", "", false, this::delivery);
    PunchoutReference punchout = fields.object(root, "punchout", "", false, this::punchout);
    List<Finding> findings = fields.array(root, "findings", "", true, this::finding);
    Instant createdAt = fields.instant(root, "createdAt", "", true);
    OrderStatus orderStatus = status == null ? null : parseStatus(status);
    OrderSource orderSource = source == null ? null : OrderSource.ofCode(source);
    if (source != null && orderSource == null) {
      fields.problem("source", "unknown source " + source);
    }
    if (!fields.problems.isEmpty()) {
      return null;
    }
    return new Order(new OrderId(orderId), orderStatus, orderSource, externalOrderNumber, orderDate, buyerReference,
        connectionId, customer, contact, currency, lines, totals, delivery, punchout, findings, createdAt);
  }

  private OrderStatus parseStatus(String status) {
    for (OrderStatus value : OrderStatus.values()) {
      if (value.name().equals(status)) {
        return value;
      }
    }
    fields.problem("status", "unknown status " + status);
    return null;
  }

  private Customer customer(JsonNode node, String at) {
    return new Customer(fields.text(node, "id", at, true), fields.text(node, "name", at, false),
        fields.array(node, "partyIds", at, false, this::partyId));
  }

  private Contact contact(JsonNode node, String at) {
    Contact contact = Contact.ofNullable(fields.text(node, "name", at, false), fields.text(node, "email", at, false),
        fields.text(node, "phone", at, false));
    if (contact == null) {
      fields.problem(at, "names at least one of name, email, phone");
    }
    return contact;
  }

  private OrderLine line(JsonNode node, String at) {
    String lineId = fields.text(node, "lineId", at, true);
    String parentLineId = fields.text(node, "parentLineId", at, false);
    String sku = fields.text(node, "sku", at, false);
    String buyerSku = fields.text(node, "buyerSku", at, false);
    String description = fields.text(node, "description", at, true);
    BigDecimal quantity = fields.decimal(node, "quantity", at, true);
    String unit = fields.text(node, "unit", at, true);
    BigDecimal unitPrice = fields.decimal(node, "unitPrice", at, true);
    BigDecimal priceUnit = fields.decimal(node, "priceUnit", at, true);
    BigDecimal lineAmount = fields.decimal(node, "lineAmount", at, true);
    BigDecimal taxRate = fields.decimal(node, "taxRate", at, false);
    OrderLine.Classification classification = fields.object(node, "classification", at, false,
        (c, where) -> new OrderLine.Classification(fields.text(c, "scheme", where, true), fields.text(c, "code", where, true)));
    return new OrderLine(lineId, parentLineId, sku, buyerSku, description, quantity, unit, unitPrice, priceUnit,
        lineAmount, taxRate, classification);
  }

  private Totals totals(JsonNode node, String at) {
    return new Totals(fields.decimal(node, "lineTotal", at, true), fields.decimal(node, "chargeTotal", at, true),
        fields.decimal(node, "allowanceTotal", at, true), fields.decimal(node, "taxTotal", at, true), fields.decimal(node, "total", at, true));
  }

  private Delivery delivery(JsonNode node, String at) {
    return new Delivery(fields.object(node, "locationId", at, false, this::partyId),
        fields.object(node, "address", at, false, (a, where) -> new Delivery.Address(fields.text(a, "name", where, false),
            fields.strings(a, "lines", where),
            fields.text(a, "postalCode", where, false), fields.text(a, "city", where, false), fields.text(a, "region", where, false),
            fields.text(a, "countryCode", where, false))),
        fields.date(node, "requestedDate", at, false));
  }

  private PunchoutReference punchout(JsonNode node, String at) {
    return new PunchoutReference(fields.text(node, "sessionId", at, true), fields.text(node, "cartId", at, true),
        fields.instant(node, "transferredAt", at, true));
  }

  private Finding finding(JsonNode node, String at) {
    String severity = fields.text(node, "severity", at, true);
    Finding.Severity level = severity == null ? null : Finding.Severity.ofCode(severity);
    if (severity != null && level == null) {
      fields.problem(at + "severity", "one of info, warning, error");
    }
    return new Finding(fields.text(node, "ruleId", at, true), fields.text(node, "lineId", at, false), level,
        fields.text(node, "text", at, true));
  }

  private PartyId partyId(JsonNode node, String at) {
    return new PartyId(fields.text(node, "scheme", at, false), fields.text(node, "id", at, true));
  }
}
