package org.punchgate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.peppol.PeppolAttachment;
import org.punchgate.peppol.PeppolCart;
import org.punchgate.peppol.PeppolCartFormat;
import org.punchgate.peppol.PeppolCartWriter;
import org.punchgate.peppol.PeppolEncoding;
import org.punchgate.peppol.PeppolLine;
import org.punchgate.peppol.PeppolParty;
import org.punchgate.peppol.PeppolPrice;
import org.punchgate.peppol.PeppolTax;
import org.punchgate.peppol.UnitCodes;
import org.punchgate.peppol.VatCategory;

/**
 * Warm, in-process latency of the PEPPOL cart writer alone (check, write, encode, Base64) for a 100-line cart,
 * until the full PEPPOL cart flow joins {@link Flows}. Run after {@code mvn package}:
 * {@code java -cp "bench/target/punchgate-bench.jar:bench/target/lib/*" org.punchgate.bench.PeppolWriterLatency}.
 */
public final class PeppolWriterLatency {

  private static final int LINES = 100;
  private static final int WARMUP = 20_000;
  private static final int MEASURED = 20_000;
  /** Thread CPU time as well as wall time: on a shared machine wall-time tails measure the neighbours too. */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private PeppolWriterLatency() {}

  public static void main(String[] args) {
    PeppolCartWriter writer = new PeppolCartWriter(Clock.systemUTC());
    PeppolCart cart = cart(LINES);
    for (PeppolEncoding encoding : PeppolEncoding.values()) {
      PeppolCartFormat format = PeppolCartFormat.bis3().withEncoding(encoding)
          .withDefaultTax(PeppolTax.of(VatCategory.S, "25"));
      long sink = 0;
      for (int i = 0; i < WARMUP; i++) {
        sink += formValueLength(writer, cart, format);
      }
      long[] wall = new long[MEASURED];
      long[] cpu = new long[MEASURED];
      for (int i = 0; i < MEASURED; i++) {
        long startCpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        sink += formValueLength(writer, cart, format);
        wall[i] = System.nanoTime() - start;
        cpu[i] = THREADS.getCurrentThreadCpuTime() - startCpu;
      }
      Stats stats = Stats.of(wall);
      Stats cpuStats = Stats.of(cpu);
      System.out.printf("PEPPOL cart writer, %d lines, %s: wall p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms;"
              + " thread CPU p50 %.3f ms, p99 %.3f ms (%d runs, form value %d chars)%n", LINES, encoding,
          stats.p50() / 1e6, stats.p90() / 1e6, stats.p99() / 1e6, stats.max() / 1e6, cpuStats.p50() / 1e6,
          cpuStats.p99() / 1e6, MEASURED, sink / (WARMUP + MEASURED));
    }
  }

  private static long formValueLength(PeppolCartWriter writer, PeppolCart cart, PeppolCartFormat format) {
    return writer.write(cart, format) instanceof PeppolCartWriter.Outcome.Written written
        ? written.formValue().length() : -1;
  }

  /** Lines like a Nordic office-supplies cart: Swedish text, GTINs, a price per 100, attachments, kit parts. */
  private static PeppolCart cart(int count) {
    List<PeppolLine> lines = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      PeppolLine.Builder line = PeppolLine.builder(Integer.toString(n), "Kopieringspapper A4 80 g – " + n)
          .description("Skrivarpapper för kontoret, 500 ark, svanenmärkt; levereras i kartong om 5 paket")
          .quantity(new BigDecimal(1 + n % 7), UnitCodes.PIECE)
          .price(new PeppolPrice(new BigDecimal("89.00"), "SEK", n % 5 == 0 ? new BigDecimal("100") : BigDecimal.ONE))
          .sellersId("KP-" + n).manufacturersId("MP-" + n).gtin(String.format("730001%07d", n))
          .unspsc("14111507").leadTimeDays(2);
      if (n % 10 == 1) {
        line.attachment(new PeppolAttachment("bild-" + n + ".jpg", "https://shop.example.se/bilder/" + n + ".jpg", true));
      }
      if (n % 10 == 7) {
        line.partOf("KP-" + (n - 1));
      }
      lines.add(line.build());
    }
    return new PeppolCart("CART-BENCH", false, PeppolParty.named("Kontorsvaror i Norden AB"),
        PeppolParty.named("Göteborgs Stad"), "Inköp/Åsa Öberg", lines);
  }
}
