package org.punchgate.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.punchgate.aws.AwsClients;
import org.punchgate.config.Config;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.wiring.Wiring;
import org.punchgate.lambda.SampleInput;

/**
 * The Punchgate benchmark: cold start per function, warm latency per flow, codec throughput beside typical
 * baselines, and AWS calls per flow, in one run against DynamoDB (moto). Writes
 * {@code bench/results/latest.json}, prints a Markdown report, and (full runs) updates {@code bench/RESULTS.md}.
 *
 * <pre>
 * local/with-jdk25 mvn -B -q -pl bench -am package -DskipTests
 * local/with-jdk25 java -XX:TieredStopAtLevel=1 -jar bench/target/punchgate-bench.jar [--smoke] [--runs N]
 *     [--only cold,warm,codec,cost] [--flow PREFIX] [--store in-memory|dynamodb] [--conformance DIR] [--root DIR] [--out FILE] [--work DIR]
 * </pre>
 */
public final class Bench {

  public static final String COMMAND = "local/with-jdk25 mvn -B -q -pl bench -am package -DskipTests && "
      + "local/with-jdk25 java -XX:TieredStopAtLevel=1 -jar bench/target/punchgate-bench.jar";
  static final Set<String> SCENARIOS = Set.of("cold", "warm", "codec", "cost");

  record Options(boolean smoke, int runs, Set<String> only, String flow, String store, Path root, Path conformance, Path out,
      Path work, boolean writeResultsMd) {

    /** Whether a warm flow or codec task is selected: {@code --flow} narrows a run to what one is tuning. */
    boolean selects(String name) {
      return flow == null || name.toLowerCase(java.util.Locale.ROOT).startsWith(flow.toLowerCase(java.util.Locale.ROOT));
    }

    static Options parse(String... args) {
      boolean smoke = false;
      Integer runs = null;
      Set<String> only = SCENARIOS;
      String flow = null;
      String store = null;
      Path root = null;
      Path conformance = null;
      Path out = null;
      Path work = null;
      Boolean resultsMd = null;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--smoke" -> smoke = true;
          case "--runs" -> runs = Integer.parseInt(args[++i]);
          case "--only" -> only = Set.of(args[++i].split(","));
          case "--flow" -> flow = args[++i];
          case "--store" -> store = args[++i];
          case "--root" -> root = Path.of(args[++i]);
          case "--conformance" -> conformance = Path.of(args[++i]);
          case "--out" -> out = Path.of(args[++i]);
          case "--work" -> work = Path.of(args[++i]);
          case "--no-results-md" -> resultsMd = false;
          default -> throw new IllegalArgumentException("unknown option " + args[i]
              + "; options: --smoke --runs N --only cold,warm,codec,cost --flow PREFIX --store in-memory|dynamodb --conformance DIR --root DIR --out FILE"
              + " --work DIR --no-results-md");
        }
      }
      if (!SCENARIOS.containsAll(only)) {
        throw new IllegalArgumentException("--only takes some of " + SCENARIOS);
      }
      root = (root == null ? findRoot() : root).toAbsolutePath().normalize();
      if (conformance == null) {
        String property = System.getProperty("punchgate.conformance.dir");
        conformance = property != null ? Path.of(property) : root.resolve("../shared/conformance");
      }
      out = out == null ? root.resolve("bench/results/latest.json") : out;
      work = work == null ? root.resolve("bench/work") : work;
      return new Options(smoke, runs == null ? (smoke ? 1 : 10) : runs, only, flow, store, root, conformance.normalize(), out,
          work.toAbsolutePath(), resultsMd == null ? !smoke : resultsMd);
    }

    /** The repository root: here or above (the tests run in bench/). */
    private static Path findRoot() {
      Path here = Path.of("").toAbsolutePath();
      for (Path p = here; p != null; p = p.getParent()) {
        if (Files.isDirectory(p.resolve("functions")) && Files.isRegularFile(p.resolve("template.yaml"))) {
          return p;
        }
      }
      return here;
    }
  }

  private Bench() {}

  public static void main(String[] args) throws Exception {
    int status = 1;
    try {
      status = run(Options.parse(args), System.out).failures().isEmpty() ? 0 : 1;
    } finally {
      System.exit(status); // scripts read the outcome from the exit status
    }
  }

  /** Runs the scenarios and writes the results; {@code console} gets progress (stderr) and the report. */
  static Report run(Options options, PrintStream console) throws Exception {
    Report report = new Report(options, machine());
    Path work = options.work();
    Files.createDirectories(work);
    progress(BenchTables.ENGINE + " starting");
    try (BenchTables tables = BenchTables.start()) {
      Config config = tables.config();
      Wiring dynamoDb = Flows.dynamoDb(config);
      Flows.seed(dynamoDb);
      boolean dynamoDbWarm = options.only().contains("warm") && (options.store() == null
          || !"in-memory".startsWith(options.store().toLowerCase(java.util.Locale.ROOT)));
      if ((dynamoDbWarm && (options.flow() == null
          || options.flow().toLowerCase(java.util.Locale.ROOT).startsWith("punchin"))) || options.only().contains("cost")) {
        int shopLines = options.smoke() ? 10 : ImportFlow.SHOP_LINES;
        progress("PunchIn shop on " + BenchTables.ENGINE + ": " + shopLines + " products and their prices");
        ImportFlow.seedShop(ImportFlow.mappings(config, new AwsClients(config)), shopLines);
      }

      List<ColdStart.Function> functions = functions(options.root(), report);
      for (ColdStart.Function f : functions) {
        report.jars.put(f.name(), Files.size(f.jar()));
      }
      // measured for size only: its cold start would need an SQS engine, which the benchmark does not run
      Path importJar = options.root().resolve("functions/punchin-import/target/punchgate-punchin-import-lambda.jar");
      if (Files.isRegularFile(importJar)) {
        report.otherJars.put("punchin-import", Files.size(importJar));
      }
      if (options.only().contains("cold")) {
        ColdStart coldStart = new ColdStart(work, tables.environment(), dynamoDb);
        for (ColdStart.Function f : functions) {
          progress("cold start: " + f.name());
          report.coldStart.addAll(coldStart.measure(f, options.runs()));
          report.classLoading.add(coldStart.classLoading(f));
        }
      }
      if (options.only().contains("warm")) {
        warm(options, config, report);
      }
      if (options.only().contains("codec")) {
        progress("codec throughput");
        var codecs = CodecThroughput.codecs(Flows.inMemory(config), options.conformance(), report.notes).stream()
            .filter(c -> options.selects(c.task())).toList();
        report.codecs.addAll(CodecThroughput.measure(codecs, options.smoke() ? 0 : 2.0));
      }
      if (options.only().contains("cost")) {
        progress("calls per flow");
        report.cost.addAll(CostPerFlow.measure(config, options.smoke() ? new int[] {10} : new int[] {10, 100, 1000}));
      }
    }
    report.check();
    String markdown = report.markdown();
    console.println(markdown);
    Files.createDirectories(options.out().toAbsolutePath().getParent());
    Files.writeString(options.out(), report.json(), StandardCharsets.UTF_8);
    if (options.writeResultsMd()) {
      Files.writeString(options.root().resolve("bench/RESULTS.md"), report.resultsMd(markdown), StandardCharsets.UTF_8);
    }
    return report;
  }

  /** Measures one warm flow unless {@code --flow} leaves it out. */
  private static void warm(Options options, Report report, String flow, String store,
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, Supplier<APIGatewayV2HTTPEvent> events,
      WarmLatency.Budget budget) {
    if (options.selects(flow)) {
      report.warm.add(WarmLatency.measure(flow, store, handler, events, budget));
    }
  }

  private static void warm(Options options, Config config, Report report) {
    double seconds = 2.5;
    WarmLatency.Budget budget = options.smoke() ? WarmLatency.Budget.SMOKE : WarmLatency.Budget.full(seconds);
    int[] sizes = options.smoke() ? new int[] {10} : new int[] {10, 100, 1000};
    for (String store : List.of("in-memory", BenchTables.ENGINE)) {
      if (options.store() != null && !store.toLowerCase(java.util.Locale.ROOT)
          .startsWith(options.store().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      Wiring wiring = store.equals("in-memory") ? Flows.inMemory(config) : Flows.dynamoDb(config);
      var login = Flows.handler(Flows.LOGIN_HANDLER, wiring);
      var cartReturn = Flows.handler(Flows.CART_RETURN_HANDLER, wiring);
      progress("warm latency: " + store);
      warm(options, report, "OCI login (PBKDF2 120k)", store, login,
          () -> Flows.ociLogin(Flows.OCI), budget);
      warm(options, report, "OCI login (hash 1 iteration)", store, login,
          () -> Flows.ociLogin(Flows.OCI_LIGHT_HASH), budget);
      warm(options, report, "OCI login (generated secret, HMAC)", store, login,
          () -> Flows.ociLogin(Flows.OCI_GENERATED), budget);
      // a name nobody has must cost what a known one costs: one HMAC against a dummy, not a PBKDF2 round
      warm(options, report, "OCI login (generated secret, unknown user)", store, login,
          () -> SampleInput.ociLoginEvent(Flows.OCI_GENERATED, "no-such-user", SampleInput.PASSWORD), budget);
      // an unknown connection costs a dummy shaped like the last real check: here the generated secret's HMAC
      warm(options, report, "OCI login (after generated secrets, unknown catalog)", store, login,
          () -> SampleInput.ociLoginEvent("no-such-catalog", SampleInput.USERNAME, SampleInput.PASSWORD), budget);
      for (int lines : sizes) {
        String cart = SampleInput.cartJson(lines);
        warm(options, report, "OCI cart return, " + lines + " lines", store, cartReturn,
            () -> Flows.cartReturn(wiring, cart), budget);
      }
      warm(options, report, "cXML setup (PBKDF2 120k)", store, login, Flows::cxmlSetup, budget);
      if (store.equals("in-memory")) {
        var lightLogin = Flows.handler(Flows.LOGIN_HANDLER, Flows.inMemoryLightCxml(config));
        warm(options, report, "cXML setup (hash 1 iteration)", store, lightLogin, Flows::cxmlSetup,
            budget);
      }
      String cart100 = SampleInput.cartJson(options.smoke() ? 10 : 100);
      warm(options, report, "cXML cart return, " + (options.smoke() ? 10 : 100) + " lines", store,
          cartReturn, () -> Flows.cxmlCartReturn(wiring, cart100), budget);
      // on moto a 1,000-line import takes seconds (the engine, not the import): measured in memory only
      for (int lines : store.equals("in-memory") ? sizes : java.util.Arrays.stream(sizes).filter(n -> n <= 100).toArray()) {
        var punchIn = ImportFlow.handler(store.equals("in-memory")
            ? ImportFlow.inMemory(wiring, new InMemoryOrderQueue(), lines)
            : ImportFlow.dynamoDb(config, wiring, new AwsClients(config), new InMemoryOrderQueue()));
        warm(options, report, ImportFlow.flow(lines), store, punchIn, ImportFlow.orders(lines), budget);
      }
      warm(options, report, "PEPPOL login (PBKDF2 120k)", store, login, () -> Flows.peppolLogin(Flows.PEPPOL), budget);
      warm(options, report, "PEPPOL login (hash 1 iteration)", store, login,
          () -> Flows.peppolLogin(Flows.PEPPOL_LIGHT_HASH), budget);
      warm(options, report, "PEPPOL login (generated secret, HMAC)", store, login,
          () -> Flows.peppolLogin(Flows.PEPPOL_GENERATED), budget);
      for (int lines : sizes) {
        String cart = SampleInput.cartJson(lines);
        warm(options, report, "PEPPOL cart return, " + lines + " lines", store, cartReturn,
            () -> Flows.peppolCartReturn(wiring, cart), budget);
      }
    }
  }

  private static List<ColdStart.Function> functions(Path root, Report report) throws IOException {
    List<ColdStart.Function> functions = new ArrayList<>();
    Map<String, String> handlers = new LinkedHashMap<>();
    handlers.put("punchout-login", Flows.LOGIN_HANDLER);
    handlers.put("cart-return", Flows.CART_RETURN_HANDLER);
    for (var entry : handlers.entrySet()) {
      // the jar template.yaml deploys (CodeUri)
      Path jar = root.resolve("functions").resolve(entry.getKey()).resolve("target")
          .resolve("punchgate-" + entry.getKey() + "-lambda.jar");
      if (!Files.isRegularFile(jar)) {
        jar = null;
      }
      if (jar == null) {
        report.notes.add(entry.getKey() + ": no shaded jar in its target/ (build with mvn package first): skipped");
      } else {
        functions.add(new ColdStart.Function(entry.getKey(), jar, entry.getValue()));
      }
    }
    return functions;
  }

  static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("cpuModel", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    String memTotal = firstValue(Path.of("/proc/meminfo"), "MemTotal");
    machine.put("memoryGiB", memTotal == null ? null
        : Math.round(Long.parseLong(memTotal.replace("kB", "").strip()) / 1024.0 / 1024.0 * 10) / 10.0);
    String kernel = System.getProperty("os.version").replaceFirst("^(\\d+\\.\\d+).*", "$1");
    machine.put("os", System.getProperty("os.name") + " " + kernel);
    machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("benchJvmFlags", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-XX") || a.startsWith("-Xm")).toList());
    String load = firstValue(Path.of("/proc/loadavg"), "");
    machine.put("loadAverageAtStart", load == null ? null : String.join(" ", java.util.Arrays.asList(load.split(" ")).subList(0, 3)));
    machine.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    return machine;
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).strip();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  static void progress(String message) {
    System.err.println("[bench] " + message);
  }
}
