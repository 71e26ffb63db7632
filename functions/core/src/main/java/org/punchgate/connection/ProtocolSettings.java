package org.punchgate.connection;

import java.util.List;

/**
 * The protocol-only part of a connection: {@link CxmlSettings} and {@link PeppolSettings}. OCI needs
 * nothing beyond the common fields. Permitted types share this package because a sealed type's
 * subtypes must (no module system in a Lambda jar).
 */
public sealed interface ProtocolSettings permits CxmlSettings, PeppolSettings {

  /** The keys besides its id that the connection is found by (cXML Sender credentials, ...). */
  List<ConnectionAlias> aliases();
}
