package org.punchgate.oci;

import org.punchgate.connection.ConnectionFormat;

/** The OCI release a connection speaks (SPECS §1.5 lists what changed between them). */
public enum OciVersion {
  V3_0("3.0"),
  V4_0("4.0"),
  V5_0("5.0");

  private final String label;

  OciVersion(String label) {
    this.label = label;
  }

  /** The OCI version of an OCI connection format; other formats are not OCI. */
  public static OciVersion of(ConnectionFormat format) {
    return switch (format) {
      case OCI_3_0 -> V3_0;
      case OCI_4_0 -> V4_0;
      case OCI_5_0 -> V5_0;
      default -> throw new IllegalArgumentException("not an OCI format: " + format);
    };
  }

  public boolean isAtLeast(OciVersion other) {
    return compareTo(other) >= 0;
  }

  /** {@code 3.0}, {@code 4.0}, {@code 5.0}: as written in the specification and in messages. */
  public String label() {
    return label;
  }
}
