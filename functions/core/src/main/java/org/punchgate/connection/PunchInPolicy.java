package org.punchgate.connection;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a connection treats what the PunchIn checks find (README "PunchIn checks"): a {@link Policy} per check,
 * the price tolerance in percent of the customer's price, and whether the connection only acknowledges orders
 * ({@code AB}), leaving the decision to a person.
 */
public record PunchInPolicy(Map<Check, Policy> policies, BigDecimal priceTolerancePercent, boolean acknowledgeOnly) {

  /** What to do about a finding. */
  public enum Policy {
    /** The order is refused. */
    REJECT,
    /** The line is rejected, or its price corrected to the customer's price; the rest is accepted. */
    ACCEPT_WITH_CHANGES,
    /** Accepted as ordered; the finding is flagged on the order for a person. */
    ACCEPT_AND_FLAG;

    /** The name in a connection's JSON: {@code reject}, {@code accept-with-changes}, {@code accept-and-flag}. */
    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Policy> ofJsonName(String name) {
      for (Policy p : values()) {
        if (p.jsonName().equals(name)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  /** The checks, each with its stable rule id and documented default policy. */
  public enum Check {
    CUSTOMER_UNKNOWN("PUNCHIN-CUSTOMER", Policy.REJECT),
    CURRENCY_NOT_ALLOWED("PUNCHIN-CURRENCY", Policy.REJECT),
    PRODUCT_UNKNOWN("PUNCHIN-PRODUCT", Policy.REJECT),
    UNIT_UNKNOWN("PUNCHIN-UNIT", Policy.REJECT),
    PRICE_MISSING("PUNCHIN-PRICE-MISSING", Policy.REJECT),
    PRICE_DEVIATION("PUNCHIN-PRICE", Policy.ACCEPT_AND_FLAG),
    TOTALS_INCONSISTENT("PUNCHIN-TOTALS", Policy.REJECT);

    private final String ruleId;
    private final Policy defaultPolicy;

    Check(String ruleId, Policy defaultPolicy) {
      this.ruleId = ruleId;
      this.defaultPolicy = defaultPolicy;
    }

    public String ruleId() {
      return ruleId;
    }

    public Policy defaultPolicy() {
      return defaultPolicy;
    }

    public static Optional<Check> ofRuleId(String ruleId) {
      for (Check c : values()) {
        if (c.ruleId.equals(ruleId)) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  public static final PunchInPolicy DEFAULTS = new PunchInPolicy(Map.of(), BigDecimal.ZERO, false);

  public PunchInPolicy {
    policies = policies.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(policies));
    priceTolerancePercent = priceTolerancePercent == null ? BigDecimal.ZERO : priceTolerancePercent;
  }

  public Policy policy(Check check) {
    return policies.getOrDefault(check, check.defaultPolicy());
  }
}
