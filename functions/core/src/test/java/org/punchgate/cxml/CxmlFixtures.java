package org.punchgate.cxml;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.FieldSource;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.connection.CxmlSettings;

/** Connections and cart lines for the cXML tests. */
final class CxmlFixtures {

  static final CxmlCredential SUPPLIER = new CxmlCredential("DUNS", "supplier-duns");

  private CxmlFixtures() {}

  static Connection connection(String version, String encoding, String secretHash, boolean active) {
    CxmlSettings settings = new CxmlSettings(
        List.of(new CxmlCredential("NetworkId", "punchout@procurement.buyer.example")),
        List.of(new CxmlCredential("NetworkID", "punchout@procurement.buyer.example")),
        SUPPLIER, encoding, version, List.of("UserEmail", "CostCenter"));
    return new Connection("acme-cxml", "ACME (cXML)", active, ConnectionFormat.CXML, "acme-buyers", null, null,
        secretHash, List.of("https://procurement.buyer.example"), "https://shop.example/punchout/start?lang=en",
        Duration.ofHours(1),
        new FieldMapping(Map.of("Extrinsic.Color", FieldSource.cart("attributes.color"),
            "Extrinsic.Channel", FieldSource.constant("punchgate"))),
        Map.of("piece", "EA", "box", "BX"), new Classification("UNSPSC", "44120000"), settings);
  }

  static CartLine line(String id, String parent, String sku, String description, String quantity, String unit,
                       String price) {
    return CartLine.builder()
        .lineId(id)
        .parentLineId(parent)
        .sku(sku)
        .description(description)
        .quantity(new BigDecimal(quantity))
        .unit(unit)
        .unitPrice(new BigDecimal(price))
        .currency("EUR")
        .attributes(Map.of())
        .build();
  }

  static CartLine full(String id) {
    return CartLine.builder()
        .lineId(id)
        .sku("SKU-" + id)
        .auxiliaryId(" aux|" + id + "&<x> ")
        .description("Gr\u00f6\u00dfe \u20ac & <Co> \u2019quoted\u2019")
        .quantity(new BigDecimal("3"))
        .unit("box")
        .unitPrice(new BigDecimal("12.345"))
        .priceUnit(new BigDecimal("10"))
        .currency("EUR")
        .leadTimeDays(5)
        .manufacturer("Maker & Sons")
        .manufacturerSku("M-" + id)
        .buyerSku("B-" + id)
        .classification(new Classification("UNSPSC", "44121700"))
        .attachmentUrl("https://shop.example/p/" + id)
        .service(true)
        .attributes(Map.of("color", "r\u00f6d"))
        .build();
  }

  static Instant t0() {
    return Instant.parse("2026-03-01T10:00:00Z");
  }
}
