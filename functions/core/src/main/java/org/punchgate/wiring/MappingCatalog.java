package org.punchgate.wiring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.MappingPreview;
import org.punchgate.connection.MappingTarget;
import org.punchgate.cxml.CxmlMappingTargets;
import org.punchgate.oci.OciMappingTargets;
import org.punchgate.oci.OciVersion;
import org.punchgate.peppol.PeppolFields;

/**
 * Every format's mapping targets and one demo cart line rendered through a connection's mapping, for the admin
 * page's mapping editor. The targets and renderers are the protocols' own; this class only picks by format.
 */
public final class MappingCatalog {

  /** The line the preview shows: a product of the demo catalog with every commonly mapped field set. */
  public static final CartLine DEMO_LINE = CartLine.builder()
      .lineId("1").sku("PPE-NITRILE-L").buyerSku("4711-0815").description("Disposable nitrile gloves, size L, box of 100")
      .longText("Powder-free, 0.12 mm, AQL 1.5, EN ISO 374-1 type B, food safe.")
      .manufacturer("Klarsicht Arbeitsschutz").manufacturerSku("KS-NIT-100-L")
      .quantity(new BigDecimal("3")).unit("BX").unitPrice(new BigDecimal("7.45")).priceUnit(BigDecimal.ONE)
      .currency("EUR").leadTimeDays(2).classification(new Classification("UNSPSC", "46181504"))
      .attributes(Map.of("gtin", "04012345678901", "color", "blue"))
      .build();

  private MappingCatalog() {}

  /** The format as the page names it: OCI 4.0, cXML, PEPPOL. */
  public static String label(ConnectionFormat format) {
    return switch (format) {
      case OCI_3_0, OCI_4_0, OCI_5_0 -> "OCI " + OciVersion.of(format).label();
      case CXML -> "cXML";
      case PEPPOL_PUNCHOUT -> "PEPPOL";
    };
  }

  public static List<MappingTarget> targets(ConnectionFormat format) {
    return switch (format) {
      case OCI_3_0, OCI_4_0, OCI_5_0 -> OciMappingTargets.of(OciVersion.of(format));
      case CXML -> CxmlMappingTargets.all();
      case PEPPOL_PUNCHOUT -> PeppolFields.all();
    };
  }

  /** {@link #DEMO_LINE} as {@code connection}'s format carries it through its mapping, unit map and defaults. */
  public static MappingPreview preview(Connection connection) {
    Cart cart = new Cart("EUR", List.of(DEMO_LINE), null, null);
    return switch (connection.format()) {
      case OCI_3_0, OCI_4_0, OCI_5_0 -> OciMappingTargets.preview(connection, cart);
      case CXML -> CxmlMappingTargets.preview(connection, cart);
      case PEPPOL_PUNCHOUT -> PeppolFields.preview(connection, cart);
    };
  }
}
