package org.punchgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.CxmlCredential;

class CallUpTest {

  /** A cXML session's call-up exactly as stored before it had a type of its own. */
  private static Map<String, String> storedCxml() {
    Map<String, String> stored = new LinkedHashMap<>();
    for (String[] pair : List.of(
        new String[] {"buyerCookie", "<c>1</c>"}, new String[] {"browserFormPost", "https://buyer.example/return"},
        new String[] {"operation", "edit"}, new String[] {"deploymentMode", "test"},
        new String[] {"payloadID", "p-1@buyer"}, new String[] {"version", "1.2.063"}, new String[] {"lang", "de-DE"},
        new String[] {"fromDomain", "NetworkId"}, new String[] {"fromIdentity", "AN01"},
        new String[] {"toDomain", "DUNS"}, new String[] {"toIdentity", "123"},
        new String[] {"senderDomain", "NetworkId"}, new String[] {"senderIdentity", "AN01"},
        new String[] {"userAgent", "Buyer 1.0"}, new String[] {"shipTo.addressID", "A-7"},
        new String[] {"shipTo.street", "Hafenstraße 12\nHof 2"}, new String[] {"shipTo.city", "Köln"},
        new String[] {"selectedItem.supplierPartID", "SKU-1"})) {
      stored.put(pair[0], pair[1]);
    }
    return stored;
  }

  @Test
  void readsAStoredCxmlCallUpIntoItsFieldsAndWritesItBackUnchanged() {
    CallUp.Cxml callUp = assertInstanceOf(CallUp.Cxml.class, CallUp.fromStored(ConnectionFormat.CXML, storedCxml()));
    assertEquals("edit", callUp.operation());
    assertEquals(new CxmlCredential("DUNS", "123"), callUp.to());
    assertEquals("Köln", callUp.shipTo().city());
    assertEquals("SKU-1", callUp.selectedItem().supplierPartId());
    assertNull(callUp.selectedItem().supplierPartAuxiliaryId());
    assertEquals(List.copyOf(storedCxml().entrySet()), List.copyOf(callUp.stored().entrySet()),
        "same names, same values, same order");
  }

  @Test
  void findsOciParametersInOtherSpellingsAndKeepsThemAsSent() {
    Map<String, String> stored = new LinkedHashMap<>();
    stored.put("HOOK_URL", "https://srm.example.com/hook");
    stored.put("~target", "_top");
    CallUp.Oci callUp = assertInstanceOf(CallUp.Oci.class, CallUp.fromStored(ConnectionFormat.OCI_4_0, stored));
    assertEquals("_top", callUp.parameter("~TARGET"));
    assertNull(callUp.parameter("FUNCTION"));
    assertEquals(stored, callUp.stored());
  }
}
