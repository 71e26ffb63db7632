package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

/** The connection's {@code punchIn} block: checked with JSON paths, read into a policy, written back the same. */
class PunchInPolicyJsonTest {

  private static final String CONNECTION = """
      {"id": "kn", "format": "PEPPOL_PUNCHOUT", "userGroup": "g", "password": "pw",
       "shopStartUrl": "https://shop.example/start", "punchIn": %s}""";

  private static List<String> problems(String punchIn) {
    return ConnectionCheck.check(Json.parse(CONNECTION.formatted(punchIn)), "connections[7]").stream()
        .map(Violation::toString).toList();
  }

  @Test
  void aPolicyPerRuleAToleranceAndAcknowledgeOnlyAreReadAndWrittenBack() {
    String block = """
        {"policies": {"PUNCHIN-PRICE": "accept-with-changes", "PUNCHIN-CUSTOMER": "reject"},
         "priceTolerancePercent": 2.5, "acknowledgeOnly": true}""";
    assertEquals(List.of(), problems(block));
    Connection c = ConnectionJson.read(Json.parse(CONNECTION.formatted(block)), new SecureRandom());
    assertEquals(PunchInPolicy.Policy.ACCEPT_WITH_CHANGES, c.punchIn().policy(PunchInPolicy.Check.PRICE_DEVIATION));
    assertEquals(PunchInPolicy.Policy.REJECT, c.punchIn().policy(PunchInPolicy.Check.PRODUCT_UNKNOWN), "the default");
    assertEquals(new BigDecimal("2.5"), c.punchIn().priceTolerancePercent());
    assertEquals(true, c.punchIn().acknowledgeOnly());
    Connection again = ConnectionJson.read(ConnectionJson.write(c), new SecureRandom());
    assertEquals(c.punchIn(), again.punchIn());
  }

  @Test
  void aConnectionWithoutTheBlockHasTheDocumentedDefaults() {
    Connection c = ConnectionJson.read(Json.parse(CONNECTION.formatted("null")), new SecureRandom());
    assertEquals(PunchInPolicy.DEFAULTS, c.punchIn());
    assertEquals(PunchInPolicy.Policy.REJECT, c.punchIn().policy(PunchInPolicy.Check.CUSTOMER_UNKNOWN));
    assertEquals(PunchInPolicy.Policy.REJECT, c.punchIn().policy(PunchInPolicy.Check.PRODUCT_UNKNOWN));
    assertEquals(PunchInPolicy.Policy.ACCEPT_AND_FLAG, c.punchIn().policy(PunchInPolicy.Check.PRICE_DEVIATION));
    assertEquals(false, ConnectionJson.write(c).has("punchIn"), "the defaults are not written out");
  }

  @Test
  void everyProblemIsReportedWithItsPath() {
    List<String> problems = problems("""
        {"policies": {"PUNCHIN-PRIZE": "reject", "PUNCHIN-PRICE": "flag"}, "priceTolerancePercent": 120,
         "acknowledgeOnly": "no", "currencies": ["EUR"]}""");
    assertEquals(5, problems.size(), problems::toString);
    assertEquals(true, problems.get(0).startsWith("connections[7].punchIn.currencies: unknown field currencies"),
        problems::toString);
    assertEquals(true, problems.stream().anyMatch(p -> p.startsWith(
        "connections[7].punchIn.policies.PUNCHIN-PRIZE: unknown rule id PUNCHIN-PRIZE; the rules: PUNCHIN-CUSTOMER")),
        problems::toString);
    assertEquals(true, problems.contains("connections[7].punchIn.policies.PUNCHIN-PRICE: a policy is one of reject, "
        + "accept-with-changes, accept-and-flag, not \"flag\""), problems::toString);
    assertEquals(true, problems.contains(
        "connections[7].punchIn.priceTolerancePercent: priceTolerancePercent must be a number from 0 to 100"),
        problems::toString);
    assertEquals(true, problems.contains("connections[7].punchIn.acknowledgeOnly: acknowledgeOnly must be true or false"),
        problems::toString);
  }
}
