package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.punchgate.oci.OciFixtures.cart;
import static org.punchgate.oci.OciFixtures.fields;
import static org.punchgate.oci.OciFixtures.form;
import static org.punchgate.oci.OciFixtures.line;
import static org.punchgate.oci.OciFixtures.render;
import static org.punchgate.oci.OciFixtures.session;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.validation.Violation;

/** Item hierarchy: kept in OCI 5.0 (ITEM_TYPE, PARENT_ID), flattened to top-level lines before. */
class OciHierarchyTest {

  /** A configured PC (children listed before their parent on purpose), and an ordinary line. */
  private static final Cart CONFIGURED = cart(
      line("RAM").parent("PC").price("0").build(),
      line("PC").description("Workstation").price("1500.00").build(),
      line("DISK").parent("PC").price("0").build(),
      line("SCREWS").parent("DISK").quantity("4").price("0").build(),
      line("MOUSE").build());

  @Test
  void oci5KeepsTheHierarchyWithParentsFirst() {
    Map<String, String> fields = fields(form(session(ConnectionFormat.OCI_5_0), CONFIGURED));
    assertEquals(List.of("PC", "RAM", "DISK", "SCREWS", "MOUSE"), List.of(
        fields.get("NEW_ITEM-VENDORMAT[1]"), fields.get("NEW_ITEM-VENDORMAT[2]"), fields.get("NEW_ITEM-VENDORMAT[3]"),
        fields.get("NEW_ITEM-VENDORMAT[4]"), fields.get("NEW_ITEM-VENDORMAT[5]")));
    assertEquals("R", fields.get("NEW_ITEM-ITEM_TYPE[1]"));
    assertEquals("F", fields.get("NEW_ITEM-ITEM_TYPE[2]"));
    assertEquals("O", fields.get("NEW_ITEM-ITEM_TYPE[3]"));
    assertEquals("F", fields.get("NEW_ITEM-ITEM_TYPE[4]"));
    assertFalse(fields.containsKey("NEW_ITEM-ITEM_TYPE[5]"), "an ordinary line has no item type");
    assertFalse(fields.containsKey("NEW_ITEM-PARENT_ID[1]"));
    assertEquals("1", fields.get("NEW_ITEM-PARENT_ID[2]"));
    assertEquals("1", fields.get("NEW_ITEM-PARENT_ID[3]"));
    assertEquals("3", fields.get("NEW_ITEM-PARENT_ID[4]"));
    assertFalse(fields.containsKey("NEW_ITEM-PARENT_ID[5]"));
  }

  @Test
  void olderVersionsSendTopLevelLinesWithTheirComponentsInTheLongText() {
    for (ConnectionFormat format : List.of(ConnectionFormat.OCI_3_0, ConnectionFormat.OCI_4_0)) {
      Map<String, String> fields = fields(form(session(format), CONFIGURED));
      assertEquals("PC", fields.get("NEW_ITEM-VENDORMAT[1]"));
      assertEquals("MOUSE", fields.get("NEW_ITEM-VENDORMAT[2]"));
      assertFalse(fields.containsKey("NEW_ITEM-VENDORMAT[3]"));
      assertFalse(fields.keySet().stream().anyMatch(n -> n.contains("ITEM_TYPE") || n.contains("PARENT_ID")));
      assertEquals("- 1 PCE Item RAM (RAM)\n- 1 PCE Item DISK (DISK)\n- 4 PCE Item SCREWS (SCREWS)",
          fields.get("NEW_ITEM-LONGTEXT_1:132[]"));
      assertEquals("1500.00", fields.get("NEW_ITEM-PRICE[1]"));
    }
  }

  @Test
  void childOfAnUnknownLineIsAViolation() {
    assertEquals(List.of(new Violation("oci.line.parentLineId.exists", "lines[0].parentLineId", "no line of the cart has the id NOPE")),
        render(session(ConnectionFormat.OCI_5_0), cart(line("A").parent("NOPE").build())).violations());
  }

  @Test
  void cyclesAndDuplicateIdsAreViolations() {
    Cart cycle = cart(line("A").parent("B").build(), line("B").parent("A").build(), line("C").build());
    assertEquals(List.of("lines[0].parentLineId", "lines[1].parentLineId"),
        render(session(ConnectionFormat.OCI_5_0), cycle).violations().stream().map(Violation::location).toList());
    Cart twice = cart(line("A").build(), line("A").build(), line("B").parent("A").build());
    assertEquals(List.of(new Violation("oci.line.parentLineId.unique", "lines[2].parentLineId", "more than one line has the id A")),
        render(session(ConnectionFormat.OCI_4_0), twice).violations());
    assertEquals(List.of(), render(session(ConnectionFormat.OCI_4_0), cart(line("A").build(), line("A").build()))
        .violations(), "a repeated id nobody refers to harms nothing");
  }
}
