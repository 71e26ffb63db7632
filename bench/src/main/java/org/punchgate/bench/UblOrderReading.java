package org.punchgate.bench;

import com.helger.ubl21.UBL21Marshaller;
import java.util.Arrays;
import oasis.names.specification.ubl.schema.xsd.order_21.OrderType;
import org.punchgate.punchin.OrderReading;
import org.punchgate.punchin.OrderSniffer;
import org.punchgate.punchin.PunchInFixtures;
import org.punchgate.punchin.UblOrderReader;

/**
 * Warm in-process reading of a generated PEPPOL BIS 3 order (default 1,000 lines): our sniffer + reader
 * (one streaming pass on SecureXml's cursor, findings included) side by side with a JAXB reader (ph-ubl's UBL 2.1 binding, no
 * validation) on the same bytes. Prints p50 / p99 per document for each. Usage: {@code [lines] [rounds]}.
 */
public final class UblOrderReading {

  static final int LINES = 1_000;

  private UblOrderReading() {}

  public static void main(String[] args) {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : LINES;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    byte[] document = PunchInFixtures.bis3Order(lines);
    var jaxb = UBL21Marshaller.order();
    jaxb.setUseSchema(false); // reading only, as our reader: schema validation is another (slower) step
    long[] ours = new long[rounds];
    long[] theirs = new long[rounds];
    for (int warm = 0; warm < rounds; warm++) { // warm both up before measuring
      ours(document);
      jaxb.read(document);
    }
    for (int i = 0; i < rounds; i++) {
      long t0 = System.nanoTime();
      OrderReading reading = ours(document);
      long t1 = System.nanoTime();
      OrderType order = jaxb.read(document);
      long t2 = System.nanoTime();
      if (reading.order().lines().size() != lines || order.getOrderLineCount() != lines) {
        throw new IllegalStateException("a reader lost lines");
      }
      ours[i] = t1 - t0;
      theirs[i] = t2 - t1;
    }
    System.out.printf("UBL order, %d lines, %d KiB, %d rounds%n", lines, document.length / 1024, rounds);
    System.out.printf("  punchgate sniff+read: p50 %.2f ms  p99 %.2f ms%n", p(ours, 50), p(ours, 99));
    System.out.printf("  ph-ubl JAXB read:     p50 %.2f ms  p99 %.2f ms%n", p(theirs, 50), p(theirs, 99));
    System.out.printf("  speed-up at p50: %.1fx%n", p(theirs, 50) / p(ours, 50));
  }

  static OrderReading ours(byte[] document) {
    var sniffed = (OrderSniffer.Sniffed.Ubl) OrderSniffer.sniff(document);
    return UblOrderReader.read(sniffed.format(), sniffed.document());
  }

  private static double p(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
    return sorted[index] / 1e6;
  }
}
