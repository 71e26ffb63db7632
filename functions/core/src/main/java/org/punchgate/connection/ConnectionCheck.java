package org.punchgate.connection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.punchgate.validation.Violation;

/**
 * Checks a connection document as a supplier writes it (a seed file entry, an admin API body) before
 * {@link ConnectionJson} reads it: every problem at once, each with its JSON location
 * ({@code cxml.sender[0].identity}), unknown fields refused (a misspelled {@code allowedReturnOrigin} would
 * otherwise be dropped silently), enum values named in words, and a login secret required (a connection
 * without one answers every login with 401).
 */
public final class ConnectionCheck {

  /** The fields of README "Configuration: connections"; {@code password} only in a supplier's document. */
  static final Set<String> FIELDS = Set.of("id", "name", "active", "format", "userGroup", "loginParameters",
      "username", "password", "secretHash", "allowedReturnOrigins", "shopStartUrl", "sessionLifetimeMinutes",
      "fieldMapping", "unitMap", "defaultClassification", "cxml", "peppol", "users", "punchIn");

  static final Set<String> LOGIN_PARAMETER_FIELDS = Set.of("username", "password", "hookUrl");
  static final Set<String> CLASSIFICATION_FIELDS = Set.of("scheme", "code");
  // operationAllowed: ConnectionJson reads and writes it, so a document read from the admin API can be sent back
  static final Set<String> CXML_FIELDS = Set.of("from", "sender", "to", "returnEncoding", "version",
      "extrinsicsToShop", "sharedSecret", "operationAllowed");
  static final Set<String> CREDENTIAL_FIELDS = Set.of("domain", "identity");

  private ConnectionCheck() {}

  /** The problems of a connection document whose location is {@code at} ("" at the top, else "connections[2]"). */
  public static List<Violation> check(JsonNode n, String at) {
    List<Violation> problems = new ArrayList<>();
    String prefix = at.isEmpty() ? "" : at + ".";
    if (n == null || !n.isObject()) {
      problems.add(new Violation("connection.object", at.isEmpty() ? "$" : at, "a connection is a JSON object"));
      return problems;
    }
    unknown(n, FIELDS, prefix, problems);
    ConnectionIds.problem(requiredText(n, "id", prefix, problems))
        .ifPresent(p -> problems.add(new Violation("connection.id", prefix + "id", p)));
    requiredText(n, "userGroup", prefix, problems);
    requiredText(n, "shopStartUrl", prefix, problems);
    ConnectionFormat format = format(n, prefix, problems);
    optionalText(n, "name", prefix, problems);
    optionalText(n, "username", prefix, problems);
    if (n.has("active") && !n.get("active").isBoolean()) {
      problems.add(new Violation("connection.type", prefix + "active", "active must be true or false"));
    }
    if (n.has("sessionLifetimeMinutes")
        && !(n.get("sessionLifetimeMinutes").canConvertToInt() && n.get("sessionLifetimeMinutes").asInt() > 0)) {
      problems.add(new Violation("connection.type", prefix + "sessionLifetimeMinutes",
          "sessionLifetimeMinutes must be a whole number of minutes above 0"));
    }
    textArray(n, "allowedReturnOrigins", prefix, problems);
    textObject(n, "unitMap", prefix, problems);
    if (textObject(n, "fieldMapping", prefix, problems)) {
      n.get("fieldMapping").properties().forEach(e -> {
        try {
          FieldSource.parse(e.getValue().asText());
        } catch (IllegalArgumentException ex) {
          problems.add(new Violation("connection.fieldMapping", prefix + "fieldMapping." + e.getKey(), ex.getMessage()));
        }
      });
    }
    object(n, "loginParameters", LOGIN_PARAMETER_FIELDS, prefix, problems);
    object(n, "defaultClassification", CLASSIFICATION_FIELDS, prefix, problems);
    JsonNode cxml = cxml(n, prefix, problems);
    if (n.hasNonNull("punchIn")) {
      PunchInPolicyJson.check(n.get("punchIn"), prefix + "punchIn", problems);
    }
    LoginCheck.secret(n, format, cxml, prefix, problems);
    LoginCheck.users(n, format, prefix, problems);
    return problems;
  }

  /** The {@code cxml} object's problems; the object, or null when there is none (or it is no object). */
  private static JsonNode cxml(JsonNode n, String prefix, List<Violation> problems) {
    JsonNode cxml = object(n, "cxml", CXML_FIELDS, prefix, problems) ? n.get("cxml") : null;
    if (cxml != null) {
      credentials(cxml, "from", prefix + "cxml.", problems);
      credentials(cxml, "sender", prefix + "cxml.", problems);
      if (object(cxml, "to", CREDENTIAL_FIELDS, prefix + "cxml.", problems)) {
        requiredText(cxml.get("to"), "domain", prefix + "cxml.to.", problems);
        requiredText(cxml.get("to"), "identity", prefix + "cxml.to.", problems);
      }
      String encoding = cxml.path("returnEncoding").asText(CxmlSettings.BASE64);
      if (!encoding.equals(CxmlSettings.BASE64) && !encoding.equals(CxmlSettings.URLENCODED)) {
        problems.add(new Violation("connection.enum", prefix + "cxml.returnEncoding", "cxml.returnEncoding must be one of "
            + CxmlSettings.BASE64 + ", " + CxmlSettings.URLENCODED + ", not " + encoding));
      }
      textArray(cxml, "extrinsicsToShop", prefix + "cxml.", problems);
      operationAllowed(cxml, prefix, problems);
    }
    return cxml;
  }

  /** The most a returned cXML cart lets the buyer do later: create, inspect or edit (never source). */
  private static void operationAllowed(JsonNode cxml, String prefix, List<Violation> problems) {
    String operation = cxml.path("operationAllowed").asText(PunchOutOperation.EDIT.value());
    if (PunchOutOperation.of(operation).filter(o -> o != PunchOutOperation.SOURCE).isEmpty()) {
      problems.add(new Violation("connection.enum", prefix + "cxml.operationAllowed",
          "cxml.operationAllowed must be one of create, inspect, edit, not " + operation));
    }
  }

  private static ConnectionFormat format(JsonNode n, String prefix, List<Violation> problems) {
    String name = requiredText(n, "format", prefix, problems);
    if (name == null) {
      return null;
    }
    try {
      return ConnectionFormat.valueOf(name);
    } catch (IllegalArgumentException e) {
      problems.add(new Violation("connection.enum", prefix + "format", "format must be one of "
          + Arrays.stream(ConnectionFormat.values()).map(Enum::name).collect(Collectors.joining(", "))
          + ", not " + name));
      return null;
    }
  }

  static void unknown(JsonNode n, Set<String> known, String prefix, List<Violation> problems) {
    for (Iterator<String> names = n.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        problems.add(new Violation("connection.unknown", prefix + name, "unknown field " + name
            + "; known here: " + known.stream().sorted().collect(Collectors.joining(", "))));
      }
    }
  }

  /** Whether {@code field} is an object (absent or null: false, without a problem); its fields are checked. */
  private static boolean object(JsonNode n, String field, Set<String> known, String prefix, List<Violation> problems) {
    JsonNode value = n.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isObject()) {
      problems.add(new Violation("connection.type", prefix + field, field + " must be an object"));
      return false;
    }
    unknown(value, known, prefix + field + ".", problems);
    value.properties().forEach(e -> {
      if (!e.getValue().isTextual() && !e.getValue().isNull() && !e.getValue().isContainerNode()) {
        problems.add(new Violation("connection.type", prefix + field + "." + e.getKey(), e.getKey() + " must be text"));
      }
    });
    return true;
  }

  private static void credentials(JsonNode cxml, String field, String prefix, List<Violation> problems) {
    JsonNode array = cxml.get(field);
    if (array == null || array.isNull()) {
      return;
    }
    if (!array.isArray()) {
      problems.add(new Violation("connection.type", prefix + field, field + " must be a list of {domain, identity}"));
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      String where = prefix + field + "[" + i + "]";
      JsonNode c = array.get(i);
      if (!c.isObject()) {
        problems.add(new Violation("connection.type", where, "a credential is {\"domain\": ..., \"identity\": ...}"));
        continue;
      }
      unknown(c, CREDENTIAL_FIELDS, where + ".", problems);
      requiredText(c, "domain", where + ".", problems);
      requiredText(c, "identity", where + ".", problems);
    }
  }

  private static boolean textObject(JsonNode n, String field, String prefix, List<Violation> problems) {
    JsonNode value = n.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isObject()) {
      problems.add(new Violation("connection.type", prefix + field, field + " must be an object of texts"));
      return false;
    }
    value.properties().forEach(e -> {
      if (!e.getValue().isTextual()) {
        problems.add(new Violation("connection.type", prefix + field + "." + e.getKey(), e.getKey() + " must be text"));
      }
    });
    return true;
  }

  private static void textArray(JsonNode n, String field, String prefix, List<Violation> problems) {
    JsonNode value = n.get(field);
    if (value == null || value.isNull()) {
      return;
    }
    if (!value.isArray()) {
      problems.add(new Violation("connection.type", prefix + field, field + " must be a list of texts"));
      return;
    }
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        problems.add(new Violation("connection.type", prefix + field + "[" + i + "]", "must be text"));
      }
    }
  }

  static String requiredText(JsonNode n, String field, String prefix, List<Violation> problems) {
    JsonNode value = n.get(field);
    if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
      problems.add(new Violation("connection.required", prefix + field, field + " is required"));
      return null;
    }
    if (!value.isTextual()) {
      problems.add(new Violation("connection.type", prefix + field, field + " must be text"));
      return null;
    }
    return value.asText();
  }

  static void optionalText(JsonNode n, String field, String prefix, List<Violation> problems) {
    JsonNode value = n.get(field);
    if (value != null && !value.isNull() && !value.isTextual()) {
      problems.add(new Violation("connection.type", prefix + field, field + " must be text"));
    }
  }

  static boolean nonBlank(JsonNode n, String field) {
    JsonNode value = n.get(field);
    return value != null && value.isTextual() && !value.asText().isBlank();
  }
}
