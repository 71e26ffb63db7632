package org.punchgate.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class OrderIdTest {

  @Test
  void theSameCartAlwaysGivesTheSameOrderId() {
    assertEquals(OrderId.forCart("c-42"), OrderId.forCart("c-42"));
    assertNotEquals(OrderId.forCart("c-42"), OrderId.forCart("c-43"));
  }

  /**
   * Ids are a contract with the queue and the ERP: a retry after a deployment must still find the order
   * made before it, so the derivation may never change. The first value was also computed independently
   * (Python: SHA-256 of {@code "cart\n4:c-42"}, the first 100 bits in Crockford Base32).
   */
  @Test
  void theDerivationIsStableAcrossReleases() {
    assertEquals("ORD-13PFZENBB9DZYDHPRKGN", OrderId.forCart("c-42").value());
    assertEquals("ORD-66W53AESCQ8NN1V3FG2M", OrderId.forBuyerOrder("demo-punchin", "0007:5567321707", "PO-1").value());
  }

  @Test
  void aBuyerOrderIsKeyedByConnectionBuyerAndOrderNumber() {
    var id = OrderId.forBuyerOrder("demo-punchin", "0007:5567321707", "PO-1");
    assertEquals(id, OrderId.forBuyerOrder("demo-punchin", "0007:5567321707", "PO-1"));
    assertNotEquals(id, OrderId.forBuyerOrder("demo-punchin", "0007:5567321708", "PO-1"));
    assertNotEquals(id, OrderId.forBuyerOrder("demo-cxml", "0007:5567321707", "PO-1"));
  }

  @Test
  void partsCannotRunIntoEachOther() {
    assertNotEquals(OrderId.forBuyerOrder("a", "bc", "d"), OrderId.forBuyerOrder("ab", "c", "d"));
    assertNotEquals(OrderId.forCart("x"), OrderId.forBuyerOrder("x", "x", "x"));
  }

  @Test
  void idsAreShortReadableAndSafeAsFileNamesAndDeduplicationIds() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      String id = OrderId.forCart("cart-" + i).value();
      assertTrue(id.matches("ORD-[0-9A-HJKMNP-TV-Z]{20}"), id);
      assertTrue(seen.add(id), "collision at " + i);
    }
  }

  @Test
  void refusesTextThatIsNotAnOrderId() {
    assertFalse(OrderId.isValid("../ORD-0000"));
    assertFalse(OrderId.isValid("ORD-0123456789ABCDEFGHIL")); // I and L are not Crockford digits
    assertThrows(IllegalArgumentException.class, () -> new OrderId("ord-0123456789ABCDEFGHJK"));
    assertThrows(IllegalArgumentException.class, () -> OrderId.forCart(""));
  }
}
