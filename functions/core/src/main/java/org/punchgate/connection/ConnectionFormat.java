package org.punchgate.connection;

/** The protocol a connection speaks with the buyer's procurement system. */
public enum ConnectionFormat {
  OCI_3_0,
  OCI_4_0,
  OCI_5_0,
  CXML,
  PEPPOL_PUNCHOUT;

  public boolean isOci() {
    return this == OCI_3_0 || this == OCI_4_0 || this == OCI_5_0;
  }
}
