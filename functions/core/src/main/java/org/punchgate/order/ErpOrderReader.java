package org.punchgate.order;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.regex.Pattern;
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

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z");

  private final List<Violation> problems = new ArrayList<>();

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
      return reader.problems.isEmpty() ? new Reading.Readable(order)
          : new Reading.Unreadable(orderId, List.copyOf(reader.problems));
    } catch (IllegalArgumentException | NullPointerException inconsistent) {
      // each part has its form, but together they make no order (totals that do not add up, a missing part)
      if (reader.problems.isEmpty()) {
        reader.problem("$", inconsistent.getMessage());
      }
      return new Reading.Unreadable(orderId, List.copyOf(reader.problems));
    }
  }

  /** The order, or null once a problem is recorded (the caller reports the problems). */
  private Order order(JsonNode root, String orderId) {
    if (orderId == null) {
      problem("orderId", "required, of the form ORD- and 20 characters");
    }
    String status = text(root, "status", "", true);
    String source = text(root, "source", "", true);
    String externalOrderNumber = text(root, "externalOrderNumber", "", true);
    LocalDate orderDate = date(root, "orderDate", "", false);
    String buyerReference = text(root, "buyerReference", "", false);
    String connectionId = text(root, "connectionId", "", true);
    Customer customer = object(root, "customer", "", true, this::customer);
    Contact contact = object(root, "buyerContact", "", false, this::contact);
    String currency = text(root, "currency", "", true);
    List<OrderLine> lines = array(root, "lines", "", true, this::line);
    Totals totals = object(root, "totals", "", true, this::totals);
    Delivery delivery = object(root, "delivery", "", false, this::delivery);
    PunchoutReference punchout = object(root, "punchout", "", false, this::punchout);
    List<Finding> findings = array(root, "findings", "", true, this::finding);
    Instant createdAt = instant(root, "createdAt", "", true);
    OrderStatus orderStatus = status == null ? null : parseStatus(status);
    OrderSource orderSource = source == null ? null : OrderSource.ofCode(source);
    if (source != null && orderSource == null) {
      problem("source", "unknown source " + source);
    }
    if (!problems.isEmpty()) {
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
    problem("status", "unknown status " + status);
    return null;
  }

  private Customer customer(JsonNode node, String at) {
    return new Customer(text(node, "id", at, true), text(node, "name", at, false),
        array(node, "partyIds", at, false, this::partyId));
  }

  private Contact contact(JsonNode node, String at) {
    Contact contact = Contact.ofNullable(text(node, "name", at, false), text(node, "email", at, false),
        text(node, "phone", at, false));
    if (contact == null) {
      problem(at, "names at least one of name, email, phone");
    }
    return contact;
  }

  private OrderLine line(JsonNode node, String at) {
    String lineId = text(node, "lineId", at, true);
    String parentLineId = text(node, "parentLineId", at, false);
    String sku = text(node, "sku", at, false);
    String buyerSku = text(node, "buyerSku", at, false);
    String description = text(node, "description", at, true);
    BigDecimal quantity = decimal(node, "quantity", at, true);
    String unit = text(node, "unit", at, true);
    BigDecimal unitPrice = decimal(node, "unitPrice", at, true);
    BigDecimal priceUnit = decimal(node, "priceUnit", at, true);
    BigDecimal lineAmount = decimal(node, "lineAmount", at, true);
    BigDecimal taxRate = decimal(node, "taxRate", at, false);
    OrderLine.Classification classification = object(node, "classification", at, false,
        (c, where) -> new OrderLine.Classification(text(c, "scheme", where, true), text(c, "code", where, true)));
    return new OrderLine(lineId, parentLineId, sku, buyerSku, description, quantity, unit, unitPrice, priceUnit,
        lineAmount, taxRate, classification);
  }

  private Totals totals(JsonNode node, String at) {
    return new Totals(decimal(node, "lineTotal", at, true), decimal(node, "chargeTotal", at, true),
        decimal(node, "allowanceTotal", at, true), decimal(node, "taxTotal", at, true), decimal(node, "total", at, true));
  }

  private Delivery delivery(JsonNode node, String at) {
    return new Delivery(object(node, "locationId", at, false, this::partyId),
        object(node, "address", at, false, (a, where) -> new Delivery.Address(text(a, "name", where, false),
            strings(a, "lines", where),
            text(a, "postalCode", where, false), text(a, "city", where, false), text(a, "region", where, false),
            text(a, "countryCode", where, false))),
        date(node, "requestedDate", at, false));
  }

  private PunchoutReference punchout(JsonNode node, String at) {
    return new PunchoutReference(text(node, "sessionId", at, true), text(node, "cartId", at, true),
        instant(node, "transferredAt", at, true));
  }

  private Finding finding(JsonNode node, String at) {
    String severity = text(node, "severity", at, true);
    Finding.Severity level = severity == null ? null : Finding.Severity.ofCode(severity);
    if (severity != null && level == null) {
      problem(at + "severity", "one of info, warning, error");
    }
    return new Finding(text(node, "ruleId", at, true), text(node, "lineId", at, false), level,
        text(node, "text", at, true));
  }

  private PartyId partyId(JsonNode node, String at) {
    return new PartyId(text(node, "scheme", at, false), text(node, "id", at, true));
  }

  // ---- typed access: each records a problem and answers null when the value has the wrong form ----

  /**
   * An object field read by {@code reader}; null when absent (a problem if required) or malformed. A part
   * whose own fields have problems is not built (its records would refuse the missing values).
   */
  private <T> T object(JsonNode node, String field, String at, boolean required, BiFunction<JsonNode, String, T> reader) {
    JsonNode value = present(node, field, at, required);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      return wrongType(at + field, "an object");
    }
    int before = problems.size();
    T part = attempt(() -> reader.apply(value, at + field + "."), at + field);
    return problems.size() == before ? part : null;
  }

  /** An array field, each item read by {@code reader}; empty when absent (a problem if required). */
  private <T> List<T> array(JsonNode node, String field, String at, boolean required,
      BiFunction<JsonNode, String, T> reader) {
    JsonNode value = present(node, field, at, required);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      wrongType(at + field, "an array");
      return List.of();
    }
    List<T> items = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String where = at + field + "[" + i + "]";
      int before = problems.size();
      T read = item.isObject() ? attempt(() -> reader.apply(item, where + "."), where) : wrongType(where, "an object");
      if (problems.size() == before && read != null) {
        items.add(read);
      }
    }
    return items;
  }

  /** An optional array of strings. */
  private List<String> strings(JsonNode node, String field, String at) {
    JsonNode value = present(node, field, at, false);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      return wrongType(at + field, "an array of strings");
    }
    List<String> texts = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      if (value.get(i).isTextual()) {
        texts.add(value.get(i).asText());
      } else {
        wrongType(at + field + "[" + i + "]", "a string");
      }
    }
    return texts;
  }

  /** A string field; a required one must not be empty. */
  private String text(JsonNode node, String field, String at, boolean required) {
    JsonNode value = present(node, field, at, required);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      return wrongType(at + field, "a string");
    }
    if (required && value.asText().isEmpty()) {
      problem(at + field, "must not be empty");
      return null;
    }
    return value.asText();
  }

  private BigDecimal decimal(JsonNode node, String field, String at, boolean required) {
    String text = text(node, field, at, required);
    if (text == null) {
      return null;
    }
    if (!DECIMAL.matcher(text).matches()) {
      problem(at + field, "a decimal in plain notation");
      return null;
    }
    return new BigDecimal(text);
  }

  private LocalDate date(JsonNode node, String field, String at, boolean required) {
    String text = text(node, field, at, required);
    try {
      if (text != null && DATE.matcher(text).matches()) {
        return LocalDate.parse(text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (text != null) {
      problem(at + field, "an ISO 8601 date");
    }
    return null;
  }

  private Instant instant(JsonNode node, String field, String at, boolean required) {
    String text = text(node, field, at, required);
    try {
      if (text != null && INSTANT.matcher(text).matches()) {
        return Instant.parse(text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (text != null) {
      problem(at + field, "an ISO 8601 instant in UTC");
    }
    return null;
  }

  /** The field's value, or null when absent; JSON null counts as a value of the wrong type. */
  private JsonNode present(JsonNode node, String field, String at, boolean required) {
    JsonNode value = node.get(field);
    if (value == null) {
      if (required) {
        problem(at + field, "required");
      }
      return null;
    }
    return value;
  }

  /**
   * Builds a part; a record that refuses its values becomes a problem at the part's place, unless a field
   * of the part was already reported (the refusal is then only its echo).
   */
  private <T> T attempt(Supplier<T> build, String where) {
    int before = problems.size();
    try {
      return build.get();
    } catch (IllegalArgumentException | NullPointerException refused) {
      if (problems.size() == before) {
        problem(where, refused.getMessage());
      }
      return null;
    }
  }

  private <T> T wrongType(String where, String expected) {
    problem(where, "must be " + expected);
    return null;
  }

  private void problem(String location, String message) {
    problems.add(new Violation("erp.message.field", location, message));
  }
}
