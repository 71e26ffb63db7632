package org.punchgate.returnform;

import java.util.EnumMap;
import java.util.Map;
import org.punchgate.config.Wiring;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.oci.OciCartRenderer;

/** The cart renderer of every protocol the gateway speaks, by connection format. */
public final class CartRenderers {

  private CartRenderers() {}

  public static Map<ConnectionFormat, CartRenderer> all(Wiring wiring) {
    Map<ConnectionFormat, CartRenderer> renderers = new EnumMap<>(ConnectionFormat.class);
    CartRenderer oci = new OciCartRenderer();
    renderers.put(ConnectionFormat.OCI_3_0, oci);
    renderers.put(ConnectionFormat.OCI_4_0, oci);
    renderers.put(ConnectionFormat.OCI_5_0, oci);
    return renderers;
  }
}
