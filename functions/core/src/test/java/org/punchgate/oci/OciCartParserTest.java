package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.http.FormParameters;

class OciCartParserTest {

  @Test
  void groupsFieldsByItemAndKeepsCustomerFields() {
    FormParameters form = FormParameters.parse(
        "sap-client=100&~OkCode=ADDI"
            + "&NEW_ITEM-DESCRIPTION%5B2%5D=Second&NEW_ITEM-DESCRIPTION%5B1%5D=First+%26+best"
            + "&NEW_ITEM-QUANTITY%5B1%5D=2.000&new_item-unit%5B1%5D=PCE&NEW_ITEM-ZZ_COLOR%5B1%5D=red"
            + "&NEW_ITEM-LONGTEXT_1%3A132%5B%5D=line+one&NEW_ITEM-LONGTEXT_1%3A132%5B%5D=line+two"
            + "&NEW_ITEM-PRICE%5B10%5D=00000001730.900&NEW_ITEM-BROKEN%5Bx%5D=1&NEW_ITEM-NOINDEX=1",
        StandardCharsets.UTF_8);

    List<OciItem> items = OciCartParser.parse(form);

    assertEquals(List.of(1, 2, 10), items.stream().map(OciItem::index).toList());
    OciItem first = items.getFirst();
    assertEquals(Map.of("DESCRIPTION", "First & best", "QUANTITY", "2.000", "UNIT", "PCE", "ZZ_COLOR", "red",
        "LONGTEXT", "line one\nline two"), first.fields());
    assertEquals("First & best", first.get(OciField.DESCRIPTION));
    assertEquals("red", first.get("ZZ_COLOR"));
    assertEquals(new BigDecimal("2.000"), first.decimal(OciField.QUANTITY));
    assertNull(first.decimal(OciField.PRICE));
    assertEquals(0, new BigDecimal("1730.9").compareTo(items.get(2).decimal(OciField.PRICE)));
  }

  @Test
  void malformedNumberIsReportedWhenAskedFor() {
    OciItem item = new OciItem(1, Map.of("QUANTITY", "1,5"));
    assertThrows(NumberFormatException.class, () -> item.decimal(OciField.QUANTITY));
  }

  @Test
  void formWithoutItemsHasNone() {
    assertEquals(List.of(), OciCartParser.parse(FormParameters.parse("~OkCode=ADDI", StandardCharsets.UTF_8)));
  }
}
