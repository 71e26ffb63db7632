package org.punchgate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import com.helger.ubl21.UBL21Marshaller;
import org.punchgate.bench.baseline.Baselines;
import org.punchgate.cart.Cart;
import org.punchgate.wiring.Wiring;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.wiring.CartRenderers;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.returnform.ReturnFormPage;
import org.punchgate.session.Session;
import org.punchgate.lambda.SampleInput;
import org.punchgate.punchin.PunchInFixtures;

/**
 * Codec throughput, ours beside the baseline a typical implementation would use, in the same run on the
 * same input: parsing every cXML sample of the conformance set, writing a 100-line PunchOutOrderMessage
 * and a 100-line OCI form, reading a 1,000-line UBL order. MB/s counts input bytes for parsers and output bytes for writers (1 MB = 10^6
 * bytes); the ratio compares documents per second, so a writer that emits fewer bytes gains nothing by it.
 */
final class CodecThroughput {

  static final int WRITE_LINES = 100;

  /** One codec under test: does one unit of work and returns the bytes it read or wrote. */
  @FunctionalInterface
  interface Work {
    long run() throws Exception;
  }

  record Codec(String task, String implementation, boolean ours, Work work) {}

  record Result(String task, String implementation, boolean ours, long operations, double seconds,
      double megabytesPerSecond, double operationsPerSecond, Double ratioToOurs) {}

  private CodecThroughput() {}

  /** Every codec pair available in this build; missing codecs are reported in {@code notes}. */
  static List<Codec> codecs(Wiring wiring, Path conformance, List<String> notes) throws Exception {
    Baselines baselines = new Baselines();
    List<Codec> codecs = new ArrayList<>();

    List<byte[]> samples = cxmlSamples(conformance, notes);
    if (!samples.isEmpty()) {
      long total = samples.stream().mapToLong(b -> b.length).sum();
      notes.add("cXML parse: " + samples.size() + " samples, " + total + " bytes per pass");
      codecs.add(new Codec("cXML parse (all samples)", "JDK DOM + XPath", false, () -> {
        int sink = 0;
        for (byte[] sample : samples) {
          sink += baselines.domParse(sample);
        }
        return sink >= 0 ? total : 0;
      }));
      codecs.add(new Codec("cXML parse (all samples)", "JAXB", false, () -> {
        int sink = 0;
        for (byte[] sample : samples) {
          sink += baselines.jaxbParse(sample);
        }
        return sink >= 0 ? total : 0;
      }));
      codecs.add(new Codec("cXML parse (all samples)", "Punchgate CxmlReader", true, () -> {
        int read = 0;
        for (byte[] sample : samples) {
          read += CxmlReader.read(sample) instanceof CxmlReader.Result.Read ? 1 : 0;
        }
        return read >= 0 ? total : 0;
      }));
    }

    Cart cart = SampleInput.cart(WRITE_LINES);
    CartRenderer cxml = CartRenderers.all(wiring).get(ConnectionFormat.CXML);
    Session cxmlSession = SampleInput.openCxmlSession("codec-session",
        wiring.connections().find(Flows.CXML).orElseThrow(), wiring.clock().instant());
    codecs.add(new Codec("cXML PunchOutOrderMessage, " + WRITE_LINES + " lines", "Punchgate CxmlCartRenderer", true,
        () -> cxml.render(cxmlSession, cart, false).form().fields().get(0).value()
            .getBytes(StandardCharsets.UTF_8).length));
    codecs.add(new Codec("cXML PunchOutOrderMessage, " + WRITE_LINES + " lines", "JAXB", false,
        () -> baselines.jaxbOrderMessage(cart, "cookie-1").length));
    codecs.add(new Codec("cXML PunchOutOrderMessage, " + WRITE_LINES + " lines", "JDK DOM + Transformer", false,
        () -> baselines.domOrderMessage(cart, "cookie-1").length));

    String ociTask = "OCI form, " + WRITE_LINES + " lines";
    Map<ConnectionFormat, CartRenderer> renderers = CartRenderers.all(wiring);
    CartRenderer oci = renderers.get(ConnectionFormat.OCI_4_0);
    Session session = SampleInput.openSession("codec-session",
        wiring.connections().find(Flows.OCI).orElseThrow(), wiring.clock().instant());
    if (oci != null) {
      codecs.add(new Codec(ociTask, "Punchgate (OCI renderer + page)", true, () -> {
        CartRenderer.Rendered rendered = oci.render(session, cart, false);
        return ReturnFormPage.html(rendered.form()).getBytes(StandardCharsets.UTF_8).length;
      }));
    } else {
      notes.add("OCI form: no OCI cart renderer in this build; measured the page writer on the baseline's fields");
      codecs.add(new Codec(ociTask, "Punchgate (page writer only)", true, () -> {
        ReturnForm form = new ReturnForm(SampleInput.HOOK_URL, "_top", StandardCharsets.UTF_8,
            BaselineFields.oci(cart), ReturnForm.Submit.AUTOMATIC);
        return ReturnFormPage.html(form).getBytes(StandardCharsets.UTF_8).length;
      }));
    }
    codecs.add(new Codec(ociTask, "JDK DOM + Transformer (HTML)", false,
        () -> baselines.domOciForm(cart, SampleInput.HOOK_URL).length));
    codecs.addAll(ublOrderRead());
    return codecs;
  }

  /** The PunchIn reading side by side with a JAXB reader (ph-ubl, no schema) on the same 1,000-line order. */
  static List<Codec> ublOrderRead() {
    byte[] order = PunchInFixtures.bis3Order(UblOrderReading.LINES);
    String task = "UBL Order read, " + UblOrderReading.LINES + " lines";
    var jaxb = UBL21Marshaller.order();
    jaxb.setUseSchema(false);
    return List.of(
        new Codec(task, "Punchgate sniff + streaming UblOrderReader", true,
            () -> UblOrderReading.ours(order).order().lines().size() == UblOrderReading.LINES ? order.length : 0),
        new Codec(task, "ph-ubl JAXB (no schema)", false,
            () -> jaxb.read(order).getOrderLineCount() == UblOrderReading.LINES ? order.length : 0));
  }

  static List<Result> measure(List<Codec> codecs, double secondsEach) throws Exception {
    List<Result> raw = new ArrayList<>();
    for (Codec codec : codecs) {
      long warmupEnd = System.nanoTime() + (long) (secondsEach * 0.4e9);
      do {
        codec.work().run();
      } while (System.nanoTime() < warmupEnd);
      long bytes = 0;
      long operations = 0;
      long start = System.nanoTime();
      long end = start + (long) (secondsEach * 0.6e9);
      do {
        bytes += codec.work().run();
        operations++;
      } while (System.nanoTime() < end);
      double seconds = (System.nanoTime() - start) / 1e9;
      raw.add(new Result(codec.task(), codec.implementation(), codec.ours(), operations, seconds,
          bytes / 1e6 / seconds, operations / seconds, null));
    }
    List<Result> results = new ArrayList<>();
    for (Result r : raw) {
      Double ratio = raw.stream().filter(o -> o.ours() && o.task().equals(r.task())).findFirst()
          .map(o -> o.operationsPerSecond() / r.operationsPerSecond()).orElse(null);
      results.add(new Result(r.task(), r.implementation(), r.ours(), r.operations(), r.seconds(),
          r.megabytesPerSecond(), r.operationsPerSecond(), r.ours() ? null : ratio));
    }
    return results;
  }

  static List<byte[]> cxmlSamples(Path conformance, List<String> notes) throws IOException {
    Path dir = conformance == null ? null : conformance.resolve("cxml");
    if (dir == null || !Files.isDirectory(dir)) {
      notes.add("cXML samples not found (" + dir + "): cXML parse skipped");
      return List.of();
    }
    List<byte[]> samples = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
        samples.add(Files.readAllBytes(file));
      }
    }
    return samples;
  }

  /** The NEW_ITEM fields of the DOM baseline, for the page writer while no OCI renderer exists. */
  static final class BaselineFields {
    private BaselineFields() {}

    static List<ReturnForm.Field> oci(Cart cart) {
      List<ReturnForm.Field> fields = new ArrayList<>();
      int n = 0;
      for (var line : cart.lines()) {
        n++;
        fields.add(new ReturnForm.Field("NEW_ITEM-DESCRIPTION[" + n + "]", line.description()));
        fields.add(new ReturnForm.Field("NEW_ITEM-MATNR[" + n + "]", line.sku()));
        fields.add(new ReturnForm.Field("NEW_ITEM-QUANTITY[" + n + "]", line.quantity().toPlainString()));
        fields.add(new ReturnForm.Field("NEW_ITEM-UNIT[" + n + "]", line.unit()));
        fields.add(new ReturnForm.Field("NEW_ITEM-PRICE[" + n + "]", line.unitPrice().toPlainString()));
        fields.add(new ReturnForm.Field("NEW_ITEM-PRICEUNIT[" + n + "]", "1"));
        fields.add(new ReturnForm.Field("NEW_ITEM-CURRENCY[" + n + "]", line.currency()));
        fields.add(new ReturnForm.Field("NEW_ITEM-LEADTIME[" + n + "]", String.valueOf(line.leadTimeDays())));
        fields.add(new ReturnForm.Field("NEW_ITEM-MANUFACTMAT[" + n + "]", line.manufacturerSku()));
        fields.add(new ReturnForm.Field("NEW_ITEM-VENDORMAT[" + n + "]", line.sku()));
        fields.add(new ReturnForm.Field("NEW_ITEM-MATGROUP[" + n + "]", line.classification().code()));
        if (line.longText() != null) {
          fields.add(new ReturnForm.Field("NEW_ITEM-LONGTEXT_" + n + ":132[]", line.longText()));
        }
      }
      return fields;
    }
  }
}
