package org.punchgate.cxml;

import java.util.List;
import java.util.Map;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.FieldSource;

/**
 * The target fields of a cXML ItemIn that a connection's field mapping may fill, and their defaults. Targets
 * named {@code Extrinsic.<name>} add an {@code <Extrinsic name="<name>">} to the item's ItemDetail. Quantity,
 * UnitPrice, UnitOfMeasure (through the unit map) and Classification (the line's, else the connection's
 * default) always come from the cart line itself.
 */
final class CxmlFields {

  public static final String SUPPLIER_PART_ID = "SupplierPartID";
  public static final String SUPPLIER_PART_AUXILIARY_ID = "SupplierPartAuxiliaryID";
  public static final String BUYER_PART_ID = "BuyerPartID";
  public static final String DESCRIPTION = "Description";
  public static final String SHORT_NAME = "ShortName";
  public static final String MANUFACTURER_PART_ID = "ManufacturerPartID";
  public static final String MANUFACTURER_NAME = "ManufacturerName";
  public static final String URL = "URL";
  public static final String LEAD_TIME = "LeadTime";
  public static final String EXTRINSIC_PREFIX = "Extrinsic.";

  /** The ItemIn targets in the order an ItemIn carries them. */
  public static final List<String> ITEM_FIELDS = List.of(SUPPLIER_PART_ID, SUPPLIER_PART_AUXILIARY_ID, BUYER_PART_ID,
      DESCRIPTION, SHORT_NAME, MANUFACTURER_PART_ID, MANUFACTURER_NAME, URL, LEAD_TIME);

  /** What each target holds unless the connection says otherwise. */
  public static final FieldMapping DEFAULTS = new FieldMapping(Map.of(
      SUPPLIER_PART_ID, FieldSource.cart("sku"),
      SUPPLIER_PART_AUXILIARY_ID, FieldSource.cart("auxiliaryId"),
      BUYER_PART_ID, FieldSource.cart("buyerSku"),
      DESCRIPTION, FieldSource.cart("description"),
      MANUFACTURER_PART_ID, FieldSource.cart("manufacturerSku"),
      MANUFACTURER_NAME, FieldSource.cart("manufacturer"),
      LEAD_TIME, FieldSource.cart("leadTimeDays")));

  private CxmlFields() {}
}
