package org.punchgate.oci;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.punchgate.connection.Connection;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.FieldSource;

/**
 * Which cart field fills which OCI field when the connection says nothing else. Fields that only the buyer
 * can know (VENDOR, MANUFACTCODE, MATGROUP, CUST_FIELDn, SLD_SYS_NAME) have no default: a connection maps
 * them to a constant or a cart attribute. UNIT goes through the connection's unit map and a line without
 * classification takes the connection's default classification (both done by the renderer).
 */
final class OciDefaultMapping {

  private static final Map<OciField, String> CART_SOURCES = new EnumMap<>(OciField.class);

  static {
    CART_SOURCES.put(OciField.DESCRIPTION, "description");
    CART_SOURCES.put(OciField.MATNR, "buyerSku");
    CART_SOURCES.put(OciField.QUANTITY, "quantity");
    CART_SOURCES.put(OciField.UNIT, "unit");
    CART_SOURCES.put(OciField.PRICE, "unitPrice");
    CART_SOURCES.put(OciField.CURRENCY, "currency");
    CART_SOURCES.put(OciField.PRICEUNIT, "priceUnit");
    CART_SOURCES.put(OciField.LEADTIME, "leadTimeDays");
    CART_SOURCES.put(OciField.LONGTEXT, "longText");
    CART_SOURCES.put(OciField.VENDORMAT, "sku");
    CART_SOURCES.put(OciField.MANUFACTMAT, "manufacturerSku");
    CART_SOURCES.put(OciField.SERVICE, "service");
    CART_SOURCES.put(OciField.CONTRACT, "contract");
    CART_SOURCES.put(OciField.CONTRACT_ITEM, "contractItem");
    CART_SOURCES.put(OciField.EXT_QUOTE_ID, "quoteId");
    CART_SOURCES.put(OciField.EXT_QUOTE_ITEM, "quoteItem");
    // DETAIL and VALIDATE find the product again by this key (SPECS §1.2)
    CART_SOURCES.put(OciField.EXT_PRODUCT_ID, "sku");
    CART_SOURCES.put(OciField.ATTACHMENT, "attachmentUrl");
    CART_SOURCES.put(OciField.ATTACHMENT_TITLE, "attachmentTitle");
    CART_SOURCES.put(OciField.EXT_SCHEMA_TYPE, "classification.scheme");
    CART_SOURCES.put(OciField.EXT_CATEGORY_ID, "classification.code");
  }

  private OciDefaultMapping() {}

  /** The default mapping of one OCI version: only fields that version has. */
  public static FieldMapping forVersion(OciVersion version) {
    Map<String, FieldSource> sources = new LinkedHashMap<>();
    CART_SOURCES.forEach((field, cartField) -> {
      if (field.isIn(version)) {
        sources.put(field.target(), FieldSource.cart(cartField));
      }
    });
    return new FieldMapping(sources);
  }

  /** The mapping a connection's carts are rendered with: its own entries over its version's defaults. */
  public static FieldMapping of(Connection connection) {
    return connection.fieldMapping().over(forVersion(OciVersion.of(connection.format())));
  }
}
