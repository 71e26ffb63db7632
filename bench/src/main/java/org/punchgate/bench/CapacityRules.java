package org.punchgate.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's published capacity rules, applied to item sizes: the benchmark's cross-check of the units an
 * engine reports (moto, for one, reports a flat 0.5 or 1 whatever the size). From the DynamoDB Developer
 * Guide, "Read/write capacity mode" and "Item sizes and formats":
 * <ul>
 *   <li>a write costs 1 WCU per started 1 KB of the item (the larger of before and after for an update);</li>
 *   <li>a strongly consistent read costs 1 RCU per started 4 KB, an eventually consistent read half that;</li>
 *   <li>a transactional read or write costs twice as much.</li>
 * </ul>
 */
final class CapacityRules {

  static final int WRITE_UNIT_BYTES = 1024;
  static final int READ_UNIT_BYTES = 4096;
  static final int TRANSACTION_FACTOR = 2;

  private CapacityRules() {}

  /** Write units of writing an item of this size (a missing or empty item still costs one). */
  static double writeUnits(long itemBytes) {
    return Math.max(1, Math.ceilDiv(itemBytes, WRITE_UNIT_BYTES));
  }

  /** Read units of reading an item of this size, strongly or eventually consistent. */
  static double readUnits(long itemBytes, boolean stronglyConsistent) {
    long units = Math.max(1, Math.ceilDiv(itemBytes, READ_UNIT_BYTES));
    return stronglyConsistent ? units : units / 2.0;
  }

  /** The size DynamoDB bills for an item: the names of its attributes plus their values. */
  static long itemBytes(Map<String, AttributeValue> item) {
    if (item == null) {
      return 0;
    }
    long bytes = 0;
    for (var attribute : item.entrySet()) {
      bytes += utf8(attribute.getKey()) + valueBytes(attribute.getValue());
    }
    return bytes;
  }

  /**
   * One value: strings by their UTF-8 length, binary by its length, numbers by one byte per two significant
   * digits plus one, booleans and null one byte, lists and maps three bytes plus one per element beside
   * the elements themselves.
   */
  static long valueBytes(AttributeValue value) {
    return switch (value.type()) {
      case S -> utf8(value.s());
      case N -> numberBytes(value.n());
      case B -> value.b().asByteArrayUnsafe().length;
      case BOOL, NUL -> 1;
      case SS -> value.ss().stream().mapToLong(CapacityRules::utf8).sum();
      case NS -> value.ns().stream().mapToLong(CapacityRules::numberBytes).sum();
      case BS -> value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
      case L -> 3 + value.l().stream().mapToLong(v -> 1 + valueBytes(v)).sum();
      case M -> 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + valueBytes(e.getValue())).sum();
      case UNKNOWN_TO_SDK_VERSION -> 0;
    };
  }

  private static long numberBytes(String number) {
    String digits = new BigDecimal(number).stripTrailingZeros().unscaledValue().abs().toString();
    return (digits.length() + 1) / 2 + 1;
  }

  private static long utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }
}
