package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.punchgate.connection.ConnectionFormat;

class OciFieldTest {

  /** SPECS §1.3 field table with the OCI 3.0 differences of §1.5; '-' = not in that version. */
  @ParameterizedTest(name = "{0}: {1}, {2}/{3}/{4}")
  @CsvSource({
      "DESCRIPTION, TEXT, 40, 40, 40",
      "MATNR, CODE, 18, 40, 40",
      "QUANTITY, DECIMAL, 15, 15, 15",
      "UNIT, CODE, 3, 3, 3",
      "PRICE, DECIMAL, 15, 15, 15",
      "CURRENCY, CODE, 5, 5, 5",
      "PRICEUNIT, INTEGER, 9, 5, 5",
      "LEADTIME, INTEGER, 5, 5, 5",
      "LONGTEXT, TEXT, 2147483647, 2147483647, 2147483647",
      "VENDOR, CODE, 10, 10, 10",
      "VENDORMAT, CODE, 40, 40, 40",
      "MANUFACTCODE, CODE, 10, 10, 10",
      "MANUFACTMAT, CODE, 40, 40, 40",
      "MATGROUP, CODE, 10, 10, 10",
      "SERVICE, FLAG, 1, 1, 1",
      "CONTRACT, CODE, 10, 10, 10",
      "CONTRACT_ITEM, CODE, 5, 5, 5",
      "EXT_QUOTE_ID, CODE, 35, 35, 35",
      "EXT_QUOTE_ITEM, CODE, 10, 10, 10",
      "EXT_PRODUCT_ID, CODE, 40, 40, 40",
      "ATTACHMENT, CODE, -, 255, 255",
      "ATTACHMENT_TITLE, TEXT, -, 255, 255",
      "ATTACHMENT_PURPOSE, CODE, -, 1, 1",
      "EXT_SCHEMA_TYPE, CODE, 10, 10, 10",
      "EXT_CATEGORY_ID, CODE, 60, 60, 60",
      "EXT_CATEGORY, CODE, 40, 40, 40",
      "SLD_SYS_NAME, CODE, -, 60, 60",
      "CUST_FIELD1, CODE, 10, 10, 10",
      "CUST_FIELD2, CODE, 10, 10, 10",
      "CUST_FIELD3, CODE, 10, 10, 10",
      "CUST_FIELD4, CODE, 20, 20, 20",
      "CUST_FIELD5, CODE, 50, 50, 50",
      "ITEM_TYPE, CODE, -, -, 1",
      "PARENT_ID, INTEGER, -, -, 5"})
  void followsTheSpecTable(OciField field, OciField.Kind kind, String v30, String v40, String v50) {
    assertEquals(kind, field.kind());
    assertLength(field, OciVersion.V3_0, v30);
    assertLength(field, OciVersion.V4_0, v40);
    assertLength(field, OciVersion.V5_0, v50);
  }

  private static void assertLength(OciField field, OciVersion version, String expected) {
    if (expected.equals("-")) {
      assertFalse(field.isIn(version), field + " in " + version);
      assertThrows(IllegalArgumentException.class, () -> field.maxLength(version));
    } else {
      assertTrue(field.isIn(version), field + " in " + version);
      assertEquals(Integer.parseInt(expected), field.maxLength(version), field + " in " + version);
    }
  }

  @Test
  void tableHasTheThirtyFourFieldsOfTheSpec() {
    assertEquals(34, OciField.values().length);
  }

  @Test
  void namesItemFieldsWithTheirIndexAndLongTextWithTheSpecialSyntax() {
    assertEquals("NEW_ITEM-MATNR[3]", OciField.MATNR.formName(3));
    assertEquals("NEW_ITEM-LONGTEXT_3:132[]", OciField.LONGTEXT.formName(3));
    assertEquals("NEW_ITEM-EXT_PRODUCT_ID", OciField.EXT_PRODUCT_ID.target());
  }

  @Test
  void namesItemsAboveAndBelowTheCachedRangeTheSameWay() {
    for (int n : new int[] {1, 2, 1999, 2000, 2001, 123456, 0}) {
      assertEquals("NEW_ITEM-PRICE[" + n + "]", OciField.PRICE.formName(n));
      assertEquals("NEW_ITEM-PRICE[" + n + "]", OciField.PRICE.formName(n)); // again, from the cache
    }
  }

  @Test
  void findsFieldsByBareNameOrTargetInAnyCase() {
    assertEquals(Optional.of(OciField.MATNR), OciField.byName("MATNR"));
    assertEquals(Optional.of(OciField.MATNR), OciField.byName("new_item-matnr"));
    assertEquals(Optional.empty(), OciField.byName("NEW_ITEM-ZZ_COLOR"));
  }

  @Test
  void versionComesFromTheConnectionFormat() {
    assertEquals(OciVersion.V3_0, OciVersion.of(ConnectionFormat.OCI_3_0));
    assertEquals(OciVersion.V4_0, OciVersion.of(ConnectionFormat.OCI_4_0));
    assertEquals(OciVersion.V5_0, OciVersion.of(ConnectionFormat.OCI_5_0));
    assertEquals("5.0", OciVersion.V5_0.label());
    assertTrue(OciVersion.V5_0.isAtLeast(OciVersion.V4_0));
    assertThrows(IllegalArgumentException.class, () -> OciVersion.of(ConnectionFormat.CXML));
  }
}
