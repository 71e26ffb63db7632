package org.punchgate.punchin;

import static org.punchgate.punchin.UblLeaf.childText;
import static org.punchgate.punchin.UblLeaf.leaf;
import static org.punchgate.punchin.UblLeaf.skipKeep;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.punchgate.cart.Classification;

/** An order line's leaves, collected while streaming and checked when the line ends ({@link UblLines}). */
final class UblLineItem {
  int line;
  UblLeaf id;
  UblLeaf quantity;
  UblLeaf lineAmount;
  UblLeaf priceAmount;
  UblLeaf baseQuantity;
  boolean hasItem;
  int itemLine;
  String name;
  String description;
  String sellersId;
  String buyersId;
  String manufacturersId;
  UblLeaf standardId;
  final List<Classification> classifications = new ArrayList<>(2);
  String taxCategory;
  UblLeaf taxPercent;
  final List<UblLeaf> allowances = new ArrayList<>(0);
  final List<UblLeaf> charges = new ArrayList<>(0);

  static UblLineItem read(UblCursor c) throws XMLStreamException {
    UblLineItem item = new UblLineItem();
    item.line = c.line();
    while (c.nextChild()) {
      switch (c.local()) {
        case "ID" -> item.id = item.id == null ? leaf(c, null) : skipKeep(c, item.id);
        case "Quantity" -> item.quantity = item.quantity == null ? leaf(c, "unitCode") : skipKeep(c, item.quantity);
        case "LineExtensionAmount" ->
            item.lineAmount = item.lineAmount == null ? leaf(c, null) : skipKeep(c, item.lineAmount);
        case "Price" -> {
          while (c.nextChild()) {
            switch (c.local()) {
              case "PriceAmount" ->
                  item.priceAmount = item.priceAmount == null ? leaf(c, null) : skipKeep(c, item.priceAmount);
              case "BaseQuantity" ->
                  item.baseQuantity = item.baseQuantity == null ? leaf(c, null) : skipKeep(c, item.baseQuantity);
              default -> c.skip();
            }
          }
        }
        case "AllowanceCharge" -> allowanceCharge(c, item);
        case "Item" -> {
          if (item.hasItem) {
            c.skip();
          } else {
            item.hasItem = true;
            item.itemLine = c.line();
            item(c, item);
          }
        }
        default -> c.skip();
      }
    }
    return item;
  }

  private static void allowanceCharge(UblCursor c, UblLineItem item) throws XMLStreamException {
    String indicator = null;
    UblLeaf amount = null;
    while (c.nextChild()) {
      switch (c.local()) {
        case "ChargeIndicator" -> indicator = indicator == null ? c.text() : skipKeep(c, indicator);
        case "Amount" -> amount = amount == null ? leaf(c, null) : skipKeep(c, amount);
        default -> c.skip();
      }
    }
    if (amount != null) {
      ("true".equals(indicator) ? item.charges : item.allowances).add(amount);
    }
  }

  private static void item(UblCursor c, UblLineItem item) throws XMLStreamException {
    while (c.nextChild()) {
      switch (c.local()) {
        case "Name" -> item.name = item.name == null ? c.text() : skipKeep(c, item.name);
        case "Description" -> item.description = item.description == null ? c.text() : skipKeep(c, item.description);
        case "BuyersItemIdentification" ->
            item.buyersId = item.buyersId == null ? childText(c, "ID") : skipKeep(c, item.buyersId);
        case "SellersItemIdentification" ->
            item.sellersId = item.sellersId == null ? childText(c, "ID") : skipKeep(c, item.sellersId);
        case "ManufacturersItemIdentification" -> item.manufacturersId =
            item.manufacturersId == null ? childText(c, "ID") : skipKeep(c, item.manufacturersId);
        case "StandardItemIdentification" -> {
          UblLeaf id = null;
          while (c.nextChild()) {
            if (id == null && c.local().equals("ID")) {
              id = leaf(c, "schemeID");
            } else {
              c.skip();
            }
          }
          item.standardId = item.standardId == null ? id : item.standardId;
        }
        case "CommodityClassification" -> {
          while (c.nextChild()) {
            if (c.local().equals("ItemClassificationCode")) {
              UblLeaf code = leaf(c, "listID");
              if (code.text() != null) {
                item.classifications.add(new Classification(code.attribute(), code.text()));
              }
            } else {
              c.skip();
            }
          }
        }
        case "ClassifiedTaxCategory" -> {
          String category = null;
          UblLeaf percent = null;
          while (c.nextChild()) {
            switch (c.local()) {
              case "ID" -> category = category == null ? c.text() : skipKeep(c, category);
              case "Percent" -> percent = percent == null ? leaf(c, null) : skipKeep(c, percent);
              default -> c.skip();
            }
          }
          if (item.taxCategory == null && item.taxPercent == null) {
            item.taxCategory = category;
            item.taxPercent = percent;
          }
        }
        default -> c.skip();
      }
    }
  }
}
