package org.punchgate.wiring;

import java.util.EnumMap;
import java.util.Map;
import org.punchgate.wiring.Wiring;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.cxml.CxmlCartRenderer;
import org.punchgate.cxml.PayloadIds;
import org.punchgate.oci.OciCartRenderer;
import org.punchgate.peppol.PeppolCartRenderer;
import org.punchgate.returnform.CartRenderer;

/** The cart renderer of every protocol the gateway speaks, by connection format. */
public final class CartRenderers {

  private CartRenderers() {}

  public static Map<ConnectionFormat, CartRenderer> all(Wiring wiring) {
    Map<ConnectionFormat, CartRenderer> renderers = new EnumMap<>(ConnectionFormat.class);
    CartRenderer oci = new OciCartRenderer();
    renderers.put(ConnectionFormat.OCI_3_0, oci);
    renderers.put(ConnectionFormat.OCI_4_0, oci);
    renderers.put(ConnectionFormat.OCI_5_0, oci);
    renderers.put(ConnectionFormat.CXML,
        new CxmlCartRenderer(new PayloadIds(wiring.ids(), wiring.clock(), payloadHost(wiring)), wiring.clock()));
    renderers.put(ConnectionFormat.PEPPOL_PUNCHOUT, new PeppolCartRenderer(wiring.clock()));
    return renderers;
  }

  /** The host part of our cXML payloadIDs: the public host when configured. */
  private static String payloadHost(Wiring wiring) {
    String base = wiring.config().publicBaseUrl();
    if (base != null) {
      String host = java.net.URI.create(base).getHost();
      if (host != null) {
        return host;
      }
    }
    return "punchgate";
  }
}
