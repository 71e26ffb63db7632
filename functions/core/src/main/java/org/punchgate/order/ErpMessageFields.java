package org.punchgate.order;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.punchgate.validation.Violation;

/**
 * Typed access to the fields of an ERP message: each reader records a problem at the field's place and
 * answers null when the value is absent where required or has the wrong form (the schema's types).
 */
final class ErpMessageFields {

  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern INSTANT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z");

  final List<Violation> problems = new ArrayList<>();

  /**
   * An object field read by {@code reader}; null when absent (a problem if required) or malformed. A part
   * whose own fields have problems is not built (its records would refuse the missing values).
   */
  <T> T object(JsonNode node, String field, String at, boolean required, BiFunction<JsonNode, String, T> reader) {
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
  <T> List<T> array(JsonNode node, String field, String at, boolean required,
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
  List<String> strings(JsonNode node, String field, String at) {
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
  String text(JsonNode node, String field, String at, boolean required) {
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

  BigDecimal decimal(JsonNode node, String field, String at, boolean required) {
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

  LocalDate date(JsonNode node, String field, String at, boolean required) {
    return temporal(node, field, at, required, DATE, LocalDate::parse, "an ISO 8601 date");
  }

  Instant instant(JsonNode node, String field, String at, boolean required) {
    return temporal(node, field, at, required, INSTANT, Instant::parse, "an ISO 8601 instant in UTC");
  }

  /** A string field of the given form, parsed; a problem naming {@code expected} when it has another. */
  private <T> T temporal(JsonNode node, String field, String at, boolean required, Pattern form,
      Function<String, T> parse, String expected) {
    String text = text(node, field, at, required);
    try {
      if (text != null && form.matcher(text).matches()) {
        return parse.apply(text);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    if (text != null) {
      problem(at + field, expected);
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

  void problem(String location, String message) {
    problems.add(new Violation("erp.message.field", location, message));
  }
}
