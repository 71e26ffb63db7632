package org.punchgate.bench;

import com.helger.ubl21.UBL21Marshaller;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import oasis.names.specification.ubl.schema.xsd.order_21.OrderType;
import org.punchgate.order.Order;
import org.punchgate.punchin.InMemoryPunchInMappings;
import org.punchgate.punchin.OrderDecision;
import org.punchgate.punchin.OrderReading;
import org.punchgate.punchin.PunchInChecks;
import org.punchgate.punchin.PunchInMappings;
import org.punchgate.punchin.PunchInOrder;
import org.punchgate.punchin.PunchInOrders;
import org.punchgate.connection.PunchInPolicy;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.ShopPrice;
import org.punchgate.punchin.ShopProduct;
import org.punchgate.punchin.UblOrderResponseWriter;
import org.punchgate.punchin.OrderSniffer;
import org.punchgate.punchin.PunchInFixtures;
import org.punchgate.punchin.UblOrderReader;

/**
 * Warm in-process reading of a generated PEPPOL BIS 3 order (default 1,000 lines): our sniffer + reader
 * (one streaming pass on SecureXml's cursor, findings included) side by side with a JAXB reader (ph-ubl's UBL 2.1 binding, no
 * validation) on the same bytes. Prints p50 / p99 per document for each, then the whole import in-process.
 * Usage: {@code [lines] [rounds]}.
 */
public final class UblOrderReading {

  static final int LINES = 1_000;
  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 23, 10, 0);

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
    long[] imports = new long[rounds];
    PunchInChecks checks = new PunchInChecks(shopFor(lines));
    for (int i = 0; i < rounds * 2; i++) {
      long t0 = System.nanoTime();
      int size = importInProcess(document, checks);
      if (i >= rounds) {
        imports[i - rounds] = System.nanoTime() - t0;
      }
      if (size != lines) {
        throw new IllegalStateException("the import lost lines");
      }
    }
    System.out.printf("  whole import in-process (sniff, read, checks on in-memory mappings, AP response, Order):"
        + " p50 %.2f ms  p99 %.2f ms%n", p(imports, 50), p(imports, 99));
  }

  /** Reading, checks, the answer and the ERP order: everything of an import but the I/O. */
  static int importInProcess(byte[] document, PunchInChecks checks) {
    OrderReading reading = ours(document);
    PunchInOrder order = reading.order();
    PunchInChecks.Result result = checks.check("bench", order, PunchInPolicy.DEFAULTS, "R-1", NOW);
    if (result.decision().outcome() != OrderDecision.Outcome.ACCEPTED) {
      throw new IllegalStateException("the bench order should be accepted: " + result.findings());
    }
    String response = UblOrderResponseWriter.write(order, result.decision());
    Order erp = PunchInOrders.toOrder(PunchInOrders.buyerOrderId("bench", order), "bench", order, result, null,
        NOW.toInstant(java.time.ZoneOffset.UTC));
    return response.isEmpty() ? 0 : erp.lines().size();
  }

  /** The shop of {@link PunchInFixtures#bis3Order}: its buyer, and every SKU at the order's own price. */
  static PunchInMappings shopFor(int lines) {
    InMemoryPunchInMappings shop = new InMemoryPunchInMappings();
    shop.putCustomer(new ShopCustomer("C-BENCH", "Klinikum Nord", null, List.of("EUR"), List.of(
        new ShopCustomer.BuyerParty("bench", ShopCustomer.BuyerParty.Kind.ENDPOINT, "0088", "7300010000001"))));
    List<ShopPrice> prices = new ArrayList<>();
    for (int i = 1; i <= lines; i++) {
      String sku = String.format("SKU-%05d", i);
      shop.putProduct(new ShopProduct(sku, null, null, List.of("EA"), Map.of(), Map.of()));
      long cents = 100 + (i * 37L) % 9000; // the fixture's price rule
      prices.add(new ShopPrice(sku, ShopPrice.Scope.LIST, null, "EUR", BigDecimal.valueOf(cents, 2), null, null,
          null, null));
    }
    shop.putPrices(prices);
    return shop;
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
