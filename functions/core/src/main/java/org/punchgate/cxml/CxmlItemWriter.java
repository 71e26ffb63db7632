package org.punchgate.cxml;

import java.math.BigDecimal;
import java.util.Map;
import org.punchgate.cart.CartLine;
import org.punchgate.xml.XmlWriter;

/** Writes one ItemIn of a PunchOutOrderMessage (SPECS §2.3) from an item already mapped and checked. */
final class CxmlItemWriter {

  private CxmlItemWriter() {}

  static void itemIn(XmlWriter w, CxmlItems.Item item, String lang, boolean hierarchy) {
    CartLine line = item.line();
    Map<String, String> f = item.fields();
    w.start("ItemIn").attribute("quantity", line.quantity().toPlainString())
        .attribute("lineNumber", Integer.toString(item.lineNumber()));
    if (hierarchy) {
      if (item.parentLineNumber() != null) {
        w.attribute("parentLineNumber", item.parentLineNumber().toString()).attribute("itemType", "item");
      } else if (item.composite()) {
        // the parent carries the price of the group: its children are listed for information
        w.attribute("itemType", "composite").attribute("compositeItemType", "groupLevel");
      }
      w.attribute("itemClassification", line.service() ? "service" : null);
    }
    w.start("ItemID").element("SupplierPartID", f.get(CxmlFields.SUPPLIER_PART_ID));
    if (f.containsKey(CxmlFields.SUPPLIER_PART_AUXILIARY_ID)) {
      // opaque to us and echoed by the buyer: written exactly, whitespace included
      w.start("SupplierPartAuxiliaryID").text(f.get(CxmlFields.SUPPLIER_PART_AUXILIARY_ID)).end();
    }
    if (hierarchy) {
      w.element("BuyerPartID", f.get(CxmlFields.BUYER_PART_ID));
    }
    w.end();
    w.start("ItemDetail");
    w.start("UnitPrice");
    money(w, item.currency(), line.unitPrice());
    w.end();
    w.start("Description").attribute("xml:lang", lang);
    if (f.containsKey(CxmlFields.SHORT_NAME)) {
      w.element("ShortName", f.get(CxmlFields.SHORT_NAME));
    }
    w.text(f.get(CxmlFields.DESCRIPTION));
    w.end();
    w.element("UnitOfMeasure", item.unit());
    if (hierarchy && line.priceUnit() != null && line.priceUnit().compareTo(BigDecimal.ONE) != 0) {
      // the unit price is for `priceUnit` units of the same unit of measure
      w.start("PriceBasisQuantity").attribute("quantity", line.priceUnit().toPlainString())
          .attribute("conversionFactor", "1").element("UnitOfMeasure", item.unit()).end();
    }
    w.start("Classification").attribute("domain", item.classification().scheme())
        .text(item.classification().code()).end();
    w.element("ManufacturerPartID", f.get(CxmlFields.MANUFACTURER_PART_ID));
    if (f.containsKey(CxmlFields.MANUFACTURER_NAME)) {
      w.start("ManufacturerName").attribute("xml:lang", lang).text(f.get(CxmlFields.MANUFACTURER_NAME)).end();
    }
    w.element("URL", f.get(CxmlFields.URL));
    w.element("LeadTime", f.get(CxmlFields.LEAD_TIME) == null ? null : f.get(CxmlFields.LEAD_TIME).strip());
    item.extrinsics().forEach((name, value) -> w.start("Extrinsic").attribute("name", name).text(value).end());
    w.end();
    w.end();
  }

  static void money(XmlWriter w, String currency, BigDecimal amount) {
    // at least two decimals, as buyers' systems show money; never rounded
    BigDecimal shown = amount.scale() < 2 ? amount.setScale(2) : amount;
    w.start("Money").attribute("currency", currency).text(shown.toPlainString()).end();
  }
}
