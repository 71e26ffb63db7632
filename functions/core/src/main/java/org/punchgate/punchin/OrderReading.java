package org.punchgate.punchin;

import java.util.List;

/**
 * What reading an order gives: the order as far as it could be read (never null, its values may be null where
 * the document lacks them, so a rejection can still name the order) and every finding. A fatal finding means
 * the order must be refused.
 */
public record OrderReading(PunchInOrder order, List<OrderFinding> findings) {

  public OrderReading {
    findings = List.copyOf(findings);
  }

  public boolean refused() {
    return findings.stream().anyMatch(OrderFinding::isFatal);
  }

  public List<OrderFinding> fatal() {
    return findings.stream().filter(OrderFinding::isFatal).toList();
  }
}
