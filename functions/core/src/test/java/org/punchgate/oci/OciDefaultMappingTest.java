package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.punchgate.oci.OciFixtures.cart;
import static org.punchgate.oci.OciFixtures.connection;
import static org.punchgate.oci.OciFixtures.fields;
import static org.punchgate.oci.OciFixtures.form;
import static org.punchgate.oci.OciFixtures.line;
import static org.punchgate.oci.OciFixtures.session;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.FieldSource;

class OciDefaultMappingTest {

  private static Map<String, String> asText(FieldMapping mapping) {
    Map<String, String> text = new TreeMap<>();
    mapping.sources().forEach((target, source) -> text.put(target, source.toString()));
    return text;
  }

  @Test
  void mapsTheCartFieldsOfOci4() {
    Map<String, String> expected = new TreeMap<>(Map.ofEntries(
        Map.entry("NEW_ITEM-DESCRIPTION", "cart:description"),
        Map.entry("NEW_ITEM-MATNR", "cart:buyerSku"),
        Map.entry("NEW_ITEM-QUANTITY", "cart:quantity"),
        Map.entry("NEW_ITEM-UNIT", "cart:unit"),
        Map.entry("NEW_ITEM-PRICE", "cart:unitPrice"),
        Map.entry("NEW_ITEM-CURRENCY", "cart:currency"),
        Map.entry("NEW_ITEM-PRICEUNIT", "cart:priceUnit"),
        Map.entry("NEW_ITEM-LEADTIME", "cart:leadTimeDays"),
        Map.entry("NEW_ITEM-LONGTEXT", "cart:longText"),
        Map.entry("NEW_ITEM-VENDORMAT", "cart:sku"),
        Map.entry("NEW_ITEM-MANUFACTMAT", "cart:manufacturerSku"),
        Map.entry("NEW_ITEM-SERVICE", "cart:service"),
        Map.entry("NEW_ITEM-CONTRACT", "cart:contract"),
        Map.entry("NEW_ITEM-CONTRACT_ITEM", "cart:contractItem"),
        Map.entry("NEW_ITEM-EXT_QUOTE_ID", "cart:quoteId"),
        Map.entry("NEW_ITEM-EXT_QUOTE_ITEM", "cart:quoteItem"),
        Map.entry("NEW_ITEM-EXT_PRODUCT_ID", "cart:sku"),
        Map.entry("NEW_ITEM-ATTACHMENT", "cart:attachmentUrl"),
        Map.entry("NEW_ITEM-ATTACHMENT_TITLE", "cart:attachmentTitle"),
        Map.entry("NEW_ITEM-EXT_SCHEMA_TYPE", "cart:classification.scheme"),
        Map.entry("NEW_ITEM-EXT_CATEGORY_ID", "cart:classification.code")));
    assertEquals(expected, asText(OciDefaultMapping.forVersion(OciVersion.V4_0)));
    assertEquals(expected, asText(OciDefaultMapping.forVersion(OciVersion.V5_0)));
  }

  @Test
  void oci3DefaultsLeaveOutTheAttachmentFields() {
    Map<String, String> v30 = asText(OciDefaultMapping.forVersion(OciVersion.V3_0));
    assertFalse(v30.containsKey("NEW_ITEM-ATTACHMENT"));
    assertFalse(v30.containsKey("NEW_ITEM-ATTACHMENT_TITLE"));
    assertEquals(19, v30.size());
  }

  @Test
  void rendersACompleteLineWithTheDefaults() {
    CartLine line = line("SKU-1").description("Drill").longText("Cordless, 18 V").quantity("2").unit("EA")
        .price("99.90").priceUnit("1").leadTime(3).manufacturerSku("BOSCH-123").buyerSku("4711")
        .classification("UNSPSC", "27112700").contract("K-7", "10").quote("QT-1", "2")
        .attachment("https://shop.example.com/drill.pdf", "Datasheet").service().build();
    Connection connection = connection(ConnectionFormat.OCI_5_0, Map.of(), Map.of("EA", "PCE"), null);

    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("NEW_ITEM-DESCRIPTION[1]", "Drill");
    expected.put("NEW_ITEM-MATNR[1]", "4711");
    expected.put("NEW_ITEM-QUANTITY[1]", "2");
    expected.put("NEW_ITEM-UNIT[1]", "PCE");
    expected.put("NEW_ITEM-PRICE[1]", "99.90");
    expected.put("NEW_ITEM-CURRENCY[1]", "EUR");
    expected.put("NEW_ITEM-PRICEUNIT[1]", "1");
    expected.put("NEW_ITEM-LEADTIME[1]", "3");
    expected.put("NEW_ITEM-LONGTEXT_1:132[]", "Cordless, 18 V");
    expected.put("NEW_ITEM-VENDORMAT[1]", "SKU-1");
    expected.put("NEW_ITEM-MANUFACTMAT[1]", "BOSCH-123");
    expected.put("NEW_ITEM-SERVICE[1]", "X");
    expected.put("NEW_ITEM-CONTRACT[1]", "K-7");
    expected.put("NEW_ITEM-CONTRACT_ITEM[1]", "10");
    expected.put("NEW_ITEM-EXT_QUOTE_ID[1]", "QT-1");
    expected.put("NEW_ITEM-EXT_QUOTE_ITEM[1]", "2");
    expected.put("NEW_ITEM-EXT_PRODUCT_ID[1]", "SKU-1");
    expected.put("NEW_ITEM-ATTACHMENT[1]", "https://shop.example.com/drill.pdf");
    expected.put("NEW_ITEM-ATTACHMENT_TITLE[1]", "Datasheet");
    expected.put("NEW_ITEM-EXT_SCHEMA_TYPE[1]", "UNSPSC");
    expected.put("NEW_ITEM-EXT_CATEGORY_ID[1]", "27112700");
    assertEquals(expected, fields(form(session(connection), cart(line))));
  }

  @Test
  void connectionEntriesWinOverTheDefaults() {
    Connection connection = connection(ConnectionFormat.OCI_4_0, Map.of(
        "NEW_ITEM-VENDOR", "const:100042",
        "NEW_ITEM-MATGROUP", "cart:attributes.group",
        "NEW_ITEM-VENDORMAT", "none",
        "NEW_ITEM-EXT_PRODUCT_ID", "cart:lineId",
        "NEW_ITEM-ZZ_COLOR", "cart:attributes.color"), Map.of(), null);
    CartLine line = line("SKU-1").lineId("L-1").attribute("group", "OFFICE").attribute("color", "red").build();

    FieldMapping merged = OciDefaultMapping.of(connection);
    assertEquals(FieldSource.NONE, merged.sourceOf("NEW_ITEM-VENDORMAT"));
    assertEquals(FieldSource.cart("description"), merged.sourceOf("NEW_ITEM-DESCRIPTION"));

    Map<String, String> fields = fields(form(session(connection), cart(line)));
    assertEquals("100042", fields.get("NEW_ITEM-VENDOR[1]"));
    assertEquals("OFFICE", fields.get("NEW_ITEM-MATGROUP[1]"));
    assertFalse(fields.containsKey("NEW_ITEM-VENDORMAT[1]"));
    assertEquals("L-1", fields.get("NEW_ITEM-EXT_PRODUCT_ID[1]"));
    assertEquals("red", fields.get("NEW_ITEM-ZZ_COLOR[1]"), "a customer-include field keeps its name");
  }

  @Test
  void unitGoesThroughTheUnitMapButAConstantUnitIsTheBuyersAlready() {
    Connection mapped = connection(ConnectionFormat.OCI_4_0, Map.of(), Map.of("pc", "PCE"), null);
    assertEquals("PCE", fields(form(session(mapped), cart(line("A").unit("pc").build()))).get("NEW_ITEM-UNIT[1]"));
    assertEquals("BOX", fields(form(session(mapped), cart(line("A").unit("BOX").build()))).get("NEW_ITEM-UNIT[1]"));

    Connection constant = connection(ConnectionFormat.OCI_4_0, Map.of("NEW_ITEM-UNIT", "const:pc"),
        Map.of("pc", "PCE"), null);
    assertEquals("pc", fields(form(session(constant), cart(line("A").build()))).get("NEW_ITEM-UNIT[1]"));
  }

  @Test
  void lineWithoutClassificationTakesTheConnectionDefault() {
    Connection connection = connection(ConnectionFormat.OCI_4_0, Map.of(), Map.of(),
        new Classification("UNSPSC_V1", "44120000"));
    Map<String, String> fields = fields(form(session(connection), cart(
        line("A").build(), line("B").classification("ECLASS", "24-24-01-01").build())));
    assertEquals("UNSPSC_V1", fields.get("NEW_ITEM-EXT_SCHEMA_TYPE[1]"));
    assertEquals("44120000", fields.get("NEW_ITEM-EXT_CATEGORY_ID[1]"));
    assertEquals("ECLASS", fields.get("NEW_ITEM-EXT_SCHEMA_TYPE[2]"));
    assertEquals("24-24-01-01", fields.get("NEW_ITEM-EXT_CATEGORY_ID[2]"));
  }
}
