package org.punchgate.connection;

import java.util.Optional;

/**
 * The {@code operation} of a PunchOutSetupRequest and the {@code operationAllowed} of a
 * PunchOutOrderMessageHeader (SPECS §2.3; {@code source} exists for setup requests only).
 */
public enum PunchOutOperation {
  CREATE("create"),
  INSPECT("inspect"),
  EDIT("edit"),
  SOURCE("source");

  private final String value;

  PunchOutOperation(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public static Optional<PunchOutOperation> of(String value) {
    for (PunchOutOperation op : values()) {
      if (op.value.equals(value)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
