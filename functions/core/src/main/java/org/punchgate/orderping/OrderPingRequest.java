package org.punchgate.orderping;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.http.FormParameters;
import org.punchgate.http.HttpRequest;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

/**
 * The fields of an order ping, read the same from a JSON body, a form body or a GET query (README "Order
 * ping"): {@code cartId} and {@code orderNumber} are required, {@code orderedAt} (an ISO date, or a date
 * and time whose date counts) and {@code buyerReference} optional.
 */
record OrderPingRequest(String cartId, String orderNumber, LocalDate orderedAt, String buyerReference) {

  static final String CART_ID = "cartId";
  static final String ORDER_NUMBER = "orderNumber";
  static final String ORDERED_AT = "orderedAt";
  static final String BUYER_REFERENCE = "buyerReference";
  /** Longest cart id, order number or reference taken (the order keeps at most 200 characters each). */
  static final int MAX_FIELD = 200;

  /** A readable ping, or what is wrong with it. */
  sealed interface Parsed {
    record Valid(OrderPingRequest request) implements Parsed {}

    record Invalid(List<Violation> violations) implements Parsed {}
  }

  static Parsed parse(HttpRequest request) {
    Fields fields;
    if ("GET".equals(request.method())) {
      fields = form(FormParameters.parse(request.rawQuery(), StandardCharsets.UTF_8));
    } else if ("application/json".equals(request.mediaType())) {
      JsonNode body;
      try {
        body = Json.parse(request.body());
      } catch (Json.JsonSyntaxException e) {
        return invalid("ping.json", "body", "The body is not JSON: " + e.getMessage());
      }
      if (!body.isObject()) {
        return invalid("ping.json", "body", "The body must be a JSON object.");
      }
      fields = new Fields(text(body, CART_ID), text(body, ORDER_NUMBER), text(body, ORDERED_AT),
          text(body, BUYER_REFERENCE));
    } else {
      fields = form(FormParameters.parse(request.bodyText(), StandardCharsets.UTF_8));
    }
    return fields.check();
  }

  private record Fields(String cartId, String orderNumber, String orderedAt, String buyerReference) {
    Parsed check() {
      List<Violation> problems = new ArrayList<>();
      required(problems, CART_ID, cartId);
      required(problems, ORDER_NUMBER, orderNumber);
      longest(problems, BUYER_REFERENCE, buyerReference);
      LocalDate date = null;
      if (orderedAt != null && !orderedAt.isBlank()) {
        date = date(orderedAt.strip());
        if (date == null) {
          problems.add(new Violation("ping.orderedAt.date", ORDERED_AT,
              "orderedAt must be an ISO date (2026-12-03) or date and time (2026-12-03T10:15:00Z)."));
        }
      }
      return problems.isEmpty()
          ? new Parsed.Valid(new OrderPingRequest(cartId.strip(), orderNumber.strip(), date, blankToNull(buyerReference)))
          : new Parsed.Invalid(problems);
    }
  }

  private static Fields form(FormParameters params) {
    return new Fields(params.first(CART_ID), params.first(ORDER_NUMBER), params.first(ORDERED_AT),
        params.first(BUYER_REFERENCE));
  }

  private static String text(JsonNode body, String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : "";
  }

  private static void required(List<Violation> problems, String field, String value) {
    if (value == null || value.isBlank()) {
      problems.add(new Violation("ping." + field + ".required", field, field + " is required."));
    } else {
      longest(problems, field, value);
    }
  }

  private static void longest(List<Violation> problems, String field, String value) {
    if (value != null && value.strip().length() > MAX_FIELD) {
      problems.add(new Violation("ping." + field + ".length", field,
          field + " is longer than " + MAX_FIELD + " characters."));
    }
  }

  private static LocalDate date(String text) {
    try {
      return text.length() == 10 ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Parsed invalid(String rule, String location, String message) {
    return new Parsed.Invalid(List.of(new Violation(rule, location, message)));
  }
}
