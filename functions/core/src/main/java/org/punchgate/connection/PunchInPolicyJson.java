package org.punchgate.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

/**
 * The {@code punchIn} object of a connection's JSON (README "The connection's PunchIn policy"):
 * <pre>{@code
 * "punchIn": {"policies": {"PUNCHIN-PRICE": "accept-with-changes"}, "priceTolerancePercent": 2,
 *             "acknowledgeOnly": false}
 * }</pre>
 * Every field is optional; a rule the policies do not name keeps its documented default.
 */
final class PunchInPolicyJson {

  static final Set<String> FIELDS = Set.of("policies", "priceTolerancePercent", "acknowledgeOnly");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private PunchInPolicyJson() {}

  /** Every problem of a {@code punchIn} object at {@code at} (e.g. {@code connections[3].punchIn}). */
  static void check(JsonNode n, String at, List<Violation> problems) {
    if (!n.isObject()) {
      problems.add(new Violation("connection.type", at, "punchIn must be an object"));
      return;
    }
    n.properties().forEach(e -> {
      if (!FIELDS.contains(e.getKey())) {
        problems.add(new Violation("connection.unknown", at + "." + e.getKey(), "unknown field " + e.getKey()
            + "; known here: " + FIELDS.stream().sorted().collect(Collectors.joining(", "))));
      }
    });
    JsonNode policies = n.get("policies");
    if (policies != null && !policies.isObject()) {
      problems.add(new Violation("connection.type", at + ".policies",
          "policies must be an object of rule id to policy"));
    } else if (policies != null) {
      policies.properties().forEach(e -> {
        String where = at + ".policies." + e.getKey();
        if (PunchInPolicy.Check.ofRuleId(e.getKey()).isEmpty()) {
          problems.add(new Violation("connection.enum", where, "unknown rule id " + e.getKey() + "; the rules: "
              + Arrays.stream(PunchInPolicy.Check.values()).map(PunchInPolicy.Check::ruleId)
                  .collect(Collectors.joining(", "))));
        }
        if (!e.getValue().isTextual() || PunchInPolicy.Policy.ofJsonName(e.getValue().asText()).isEmpty()) {
          problems.add(new Violation("connection.enum", where, "a policy is one of "
              + Arrays.stream(PunchInPolicy.Policy.values()).map(PunchInPolicy.Policy::jsonName)
                  .collect(Collectors.joining(", ")) + ", not " + e.getValue()));
        }
      });
    }
    JsonNode tolerance = n.get("priceTolerancePercent");
    if (tolerance != null && (!tolerance.isNumber() || tolerance.decimalValue().signum() < 0
        || tolerance.decimalValue().compareTo(HUNDRED) > 0)) {
      problems.add(new Violation("connection.type", at + ".priceTolerancePercent",
          "priceTolerancePercent must be a number from 0 to 100"));
    }
    JsonNode ack = n.get("acknowledgeOnly");
    if (ack != null && !ack.isBoolean()) {
      problems.add(new Violation("connection.type", at + ".acknowledgeOnly", "acknowledgeOnly must be true or false"));
    }
  }

  /** The policy of a stored or checked {@code punchIn} object; a bad value adds a problem. */
  static PunchInPolicy read(JsonNode n, List<String> problems) {
    Map<PunchInPolicy.Check, PunchInPolicy.Policy> policies = new EnumMap<>(PunchInPolicy.Check.class);
    n.path("policies").properties().forEach(e -> {
      Optional<PunchInPolicy.Check> check = PunchInPolicy.Check.ofRuleId(e.getKey());
      Optional<PunchInPolicy.Policy> policy = PunchInPolicy.Policy.ofJsonName(e.getValue().asText());
      if (check.isEmpty() || policy.isEmpty()) {
        problems.add("punchIn.policies." + e.getKey() + ": unknown rule id or policy");
      } else {
        policies.put(check.get(), policy.get());
      }
    });
    BigDecimal tolerance = null;
    JsonNode t = n.get("priceTolerancePercent");
    if (t != null && !t.isNull()) {
      tolerance = Json.decimal(n, "priceTolerancePercent");
    }
    return new PunchInPolicy(policies, tolerance, n.path("acknowledgeOnly").asBoolean(false));
  }

  static ObjectNode write(PunchInPolicy p) {
    ObjectNode n = Json.object();
    ObjectNode policies = n.putObject("policies");
    p.policies().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> policies.put(e.getKey().ruleId(), e.getValue().jsonName()));
    n.put("priceTolerancePercent", p.priceTolerancePercent());
    n.put("acknowledgeOnly", p.acknowledgeOnly());
    return n;
  }
}
