package org.punchgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CapacityRulesTest {

  @Test
  void chargesOneWriteUnitPerStartedKilobyte() {
    assertEquals(1, CapacityRules.writeUnits(0), "an empty write still costs one");
    assertEquals(1, CapacityRules.writeUnits(500));
    assertEquals(1, CapacityRules.writeUnits(1024));
    assertEquals(2, CapacityRules.writeUnits(1025));
    assertEquals(4, CapacityRules.writeUnits(3500));
    assertEquals(400, CapacityRules.writeUnits(400 * 1024), "the largest item DynamoDB stores");
  }

  @Test
  void chargesOneReadUnitPerStartedFourKilobytesAndHalfForEventualConsistency() {
    assertEquals(1, CapacityRules.readUnits(1, true));
    assertEquals(0.5, CapacityRules.readUnits(1, false));
    assertEquals(1, CapacityRules.readUnits(4096, true));
    assertEquals(2, CapacityRules.readUnits(4097, true));
    assertEquals(1, CapacityRules.readUnits(4097, false));
    assertEquals(3, CapacityRules.readUnits(10_000, true));
    assertEquals(1.5, CapacityRules.readUnits(10_000, false));
  }

  @Test
  void sizesAnItemByItsAttributeNamesAndValues() {
    Map<String, AttributeValue> item = new LinkedHashMap<>();
    item.put("pk", AttributeValue.fromS("SESSION#abc"));                                 // 2 + 11
    item.put("status", AttributeValue.fromS("OPEN"));                                    // 6 + 4
    item.put("ttl", AttributeValue.fromN("1764000000"));                                 // 3 + 3: trailing zeros trimmed, 4 digits
    item.put("cartGz", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[2000])));    // 6 + 2000
    item.put("ok", AttributeValue.fromBool(true));                                       // 2 + 1
    item.put("lines", AttributeValue.fromL(java.util.List.of(AttributeValue.fromS("ab")))); // 5 + 3 + 1 + 2
    assertEquals(13 + 10 + 6 + 2006 + 3 + 11, CapacityRules.itemBytes(item));
    assertEquals(3, CapacityRules.writeUnits(CapacityRules.itemBytes(item)), "2049 bytes start a third kilobyte");
    assertEquals(0.5, CapacityRules.readUnits(CapacityRules.itemBytes(item), false));
  }
}
