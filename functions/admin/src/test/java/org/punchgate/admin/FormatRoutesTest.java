package org.punchgate.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.json.Json;
import org.punchgate.oci.OciField;
import org.punchgate.oci.OciVersion;

/** The mapping editor's catalog and preview, as the admin page reads them. */
class FormatRoutesTest {

  private final FormatRoutes routes = new FormatRoutes(64 * 1024);
  private final AdminRouter router = AdminRouter.of(routes);

  private JsonNode formats() {
    HttpResponse r = router.handle("GET /admin/formats", request("GET", ""));
    assertEquals(200, r.status());
    return Json.parse(r.body());
  }

  private HttpResponse preview(String connection) {
    return router.handle("POST /admin/preview", request("POST", "{\"connection\":" + connection + "}"));
  }

  private static HttpRequest request(String method, String body) {
    return new HttpRequest(method, "/admin/x", Map.of(), null, Map.of("content-type", "application/json"),
        body.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode format(JsonNode formats, String name) {
    return StreamSupport.stream(formats.get("formats").spliterator(), false)
        .filter(f -> f.get("format").asText().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, JsonNode> targets(JsonNode format) {
    Map<String, JsonNode> byField = new LinkedHashMap<>();
    format.get("targets").forEach(t -> byField.put(t.get("field").asText(), t));
    return byField;
  }

  private static Map<String, String> fields(HttpResponse r) {
    assertEquals(200, r.status(), new String(r.body(), StandardCharsets.UTF_8));
    Map<String, String> fields = new LinkedHashMap<>();
    Json.parse(r.body()).get("fields").forEach(f -> fields.put(f.get("field").asText(), f.get("value").asText()));
    return fields;
  }

  private static List<String> problemPaths(HttpResponse r) {
    assertEquals(400, r.status(), new String(r.body(), StandardCharsets.UTF_8));
    JsonNode body = Json.parse(r.body());
    assertEquals("Invalid connection", body.get("title").asText());
    return StreamSupport.stream(body.get("problems").spliterator(), false).map(p -> p.get("path").asText()).toList();
  }

  @Test
  void everyFormatIsListedWithItsLabel() {
    JsonNode formats = formats();
    assertEquals(List.of("OCI 3.0", "OCI 4.0", "OCI 5.0", "cXML", "PEPPOL"),
        StreamSupport.stream(formats.get("formats").spliterator(), false).map(f -> f.get("label").asText()).toList());
    assertTrue(StreamSupport.stream(formats.get("cartFields").spliterator(), false)
        .anyMatch(f -> f.get("field").asText().equals("manufacturerSku") && !f.get("label").asText().isBlank()));
  }

  @Test
  void ociTargetsAreTheFieldsOfEachVersionWithTheSpecificationsLengths() {
    JsonNode formats = formats();
    for (OciVersion version : OciVersion.values()) {
      Map<String, JsonNode> targets = targets(format(formats, "OCI_" + version.label().replace('.', '_')));
      for (OciField field : OciField.values()) {
        JsonNode target = targets.get(field.target());
        assertEquals(field.isIn(version), target != null, field + " in OCI " + version.label());
        if (target != null && field != OciField.LONGTEXT) {
          assertEquals(field.maxLength(version), target.get("maxLength").asInt(), field.target());
        }
      }
    }
    Map<String, JsonNode> oci4 = targets(format(formats, "OCI_4_0"));
    assertEquals("description", oci4.get("NEW_ITEM-DESCRIPTION").get("default").get("cart").asText());
    assertEquals(40, oci4.get("NEW_ITEM-MATNR").get("maxLength").asInt());
    assertEquals(18, targets(format(formats, "OCI_3_0")).get("NEW_ITEM-MATNR").get("maxLength").asInt());
    assertTrue(oci4.get("NEW_ITEM-VENDOR").get("default").isNull(), "only the buyer knows its vendor number");
    assertTrue(oci4.get("NEW_ITEM-LONGTEXT").get("maxLength").isNull(), "long text has no limit");
    assertTrue(oci4.get("NEW_ITEM-QUANTITY").get("required").asBoolean());
  }

  @Test
  void cxmlAndPeppolTargetsAreTheirItemFields() {
    JsonNode formats = formats();
    Map<String, JsonNode> cxml = targets(format(formats, "CXML"));
    assertEquals("sku", cxml.get("SupplierPartID").get("default").get("cart").asText());
    assertTrue(cxml.get("SupplierPartID").get("required").asBoolean());
    assertTrue(cxml.containsKey("ManufacturerName") && cxml.containsKey("ShortName"), cxml.keySet().toString());
    Map<String, JsonNode> peppol = targets(format(formats, "PEPPOL_PUNCHOUT"));
    assertEquals("description", peppol.get("Item/Name").get("default").get("cart").asText());
    assertEquals("attributes.gtin", peppol.get("Item/StandardItemIdentification").get("default").get("cart").asText());
  }

  @Test
  void ociDraftPreviewsTheDemoLineThroughItsMappingAndUnitMap() {
    var fields = fields(preview("""
        {"name": "Draft", "format": "OCI_4_0", "unitMap": {"BX": "KAR"}, "version": 3,
         "secret": {"set": true, "kind": "chosen", "previousValidUntil": null},
         "fieldMapping": {"NEW_ITEM-VENDOR": "const:100200", "NEW_ITEM-CUST_FIELD1": "cart:attributes.color",
                          "NEW_ITEM-MATNR": "none"}}"""));
    assertEquals("Disposable nitrile gloves, size L, box o", fields.get("NEW_ITEM-DESCRIPTION"), "cut to OCI's 40");
    assertEquals("100200", fields.get("NEW_ITEM-VENDOR"));
    assertEquals("blue", fields.get("NEW_ITEM-CUST_FIELD1"));
    assertEquals("KAR", fields.get("NEW_ITEM-UNIT"));
    assertEquals("3", fields.get("NEW_ITEM-QUANTITY"));
    assertEquals("7.45", fields.get("NEW_ITEM-PRICE"));
    assertTrue(!fields.containsKey("NEW_ITEM-MATNR"), "mapped to nothing: " + fields);
  }

  @Test
  void cxmlAndPeppolDraftsPreviewThroughTheirOwnMappingCode() {
    var cxml = fields(preview("""
        {"format": "CXML", "cxml": {"version": "1.2.063"},
         "fieldMapping": {"ManufacturerName": "const:Klarsicht", "Extrinsic.Color": "cart:attributes.color"}}"""));
    assertEquals("PPE-NITRILE-L", cxml.get("SupplierPartID"));
    assertEquals("Klarsicht", cxml.get("ManufacturerName"));
    assertEquals("blue", cxml.get("Extrinsic.Color"));
    var peppol = fields(preview("""
        {"format": "PEPPOL_PUNCHOUT", "fieldMapping": {"Item/BuyersItemIdentification": "const:B-1"}}"""));
    assertEquals("Disposable nitrile gloves, size L, box of 100", peppol.get("Item/Name"));
    assertEquals("B-1", peppol.get("Item/BuyersItemIdentification"));
    assertEquals("04012345678901", peppol.get("Item/StandardItemIdentification"));
  }

  @Test
  void refusalsNameTheFieldTheyConcern() {
    assertEquals(List.of("$.format"), problemPaths(preview("{\"format\": \"OCI_9\"}")));
    assertEquals(List.of("$.fieldMapping.NEW_ITEM-NOPE"),
        problemPaths(preview("{\"format\": \"OCI_4_0\", \"fieldMapping\": {\"NEW_ITEM-NOPE\": \"cart:sku\"}}")));
    assertEquals(List.of("$.fieldMapping.NEW_ITEM-MATNR"),
        problemPaths(preview("{\"format\": \"OCI_4_0\", \"fieldMapping\": {\"NEW_ITEM-MATNR\": \"cart:nope\"}}")));
    // VENDOR is a code of 10 characters: the real renderer refuses to cut it
    assertEquals(List.of("$.fieldMapping.NEW_ITEM-VENDOR"), problemPaths(preview(
        "{\"format\": \"OCI_4_0\", \"fieldMapping\": {\"NEW_ITEM-VENDOR\": \"const:12345678901\"}}")));
    assertEquals(List.of("$.connection"), problemPaths(router.handle("POST /admin/preview", request("POST", "{}"))));
  }
}
