package org.punchgate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.punchgate.wiring.Wiring;
import org.punchgate.lambda.SampleInput;

/**
 * Cold start per function: a fresh JVM on the function's shaded jar (plus {@link ColdStartDriver}) with the
 * template's JVM flags, timed from process start until the first response is read from its output, against
 * DynamoDB (moto). Variants: plain, AppCDS (dynamic archive from a training run) and the JDK 25 AOT cache
 * (from a training run); archives are rebuilt every run because any rebuilt jar invalidates them.
 */
final class ColdStart {

  /** What Lambda runs with: {@code JAVA_TOOL_OPTIONS} in template.yaml. */
  static final List<String> TEMPLATE_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
  static final int CART_LINES = 10;

  record Function(String name, Path jar, String handlerClass) {}

  record Variant(String name, List<String> trainingFlags, List<String> runFlags) {}

  record Run(long totalMicros, long initMicros, long requestMicros, int status, long vmHwmKb) {}

  record Result(String function, String variant, int runs, Stats totalMicros, Stats initMicros,
      Stats requestMicros, long medianVmHwmKb, Map<Integer, Integer> statuses, long archiveBytes) {}

  record ClassLoading(String function, int total, int fromJdkArchive, int fromFunctionJar, int other,
      Map<String, Integer> topJarPackages) {}

  private final Path work;
  private final Path driverJar;
  private final Map<String, String> environment;
  private final Wiring dynamoDb;
  private final String javaLauncher = Path.of(System.getProperty("java.home"), "bin", "java").toString();

  ColdStart(Path work, Map<String, String> environment, Wiring dynamoDb) throws IOException {
    this.work = work;
    this.environment = environment;
    this.dynamoDb = dynamoDb;
    this.driverJar = work.resolve("cold-start-driver.jar");
    extractDriver();
  }

  static List<Variant> variants(Path work, String function) {
    String jsa = work.resolve(function + ".jsa").toString();
    String aot = work.resolve(function + ".aot").toString();
    return List.of(
        new Variant("plain", null, List.of()),
        new Variant("AppCDS", List.of("-XX:ArchiveClassesAtExit=" + jsa), List.of("-XX:SharedArchiveFile=" + jsa)),
        new Variant("AOT cache", List.of("-XX:AOTCacheOutput=" + aot), List.of("-XX:AOTCache=" + aot)));
  }

  /** Trains the archives, then measures {@code runs} rounds; each round runs every variant once, in turn. */
  List<Result> measure(Function function, int runs) throws Exception {
    List<Variant> variants = variants(work, function.name());
    for (Variant variant : variants) {
      if (variant.trainingFlags() != null) {
        for (String flag : variant.runFlags()) {
          Files.deleteIfExists(Path.of(flag.substring(flag.indexOf('=') + 1)));
        }
        Run training = start(function, variant.trainingFlags());
        if (training.status() == 500) {
          throw new IllegalStateException(function.name() + " training run answered " + training.status());
        }
      }
    }
    Map<String, List<Run>> byVariant = new LinkedHashMap<>();
    for (int round = 0; round < runs; round++) {
      for (Variant variant : variants) {
        byVariant.computeIfAbsent(variant.name(), k -> new ArrayList<>()).add(start(function, variant.runFlags()));
      }
    }
    List<Result> results = new ArrayList<>();
    for (Variant variant : variants) {
      List<Run> list = byVariant.get(variant.name());
      Map<Integer, Integer> statuses = new TreeMap<>();
      list.forEach(r -> statuses.merge(r.status(), 1, Integer::sum));
      long archive = 0;
      for (String flag : variant.runFlags()) {
        archive += Files.size(Path.of(flag.substring(flag.indexOf('=') + 1)));
      }
      results.add(new Result(function.name(), variant.name(), list.size(),
          Stats.of(list.stream().mapToLong(Run::totalMicros).toArray()),
          Stats.of(list.stream().mapToLong(Run::initMicros).toArray()),
          Stats.of(list.stream().mapToLong(Run::requestMicros).toArray()),
          Stats.of(list.stream().mapToLong(Run::vmHwmKb).toArray()).p50(), statuses, archive));
    }
    return results;
  }

  /** One plain cold start with {@code -Xlog:class+load}: how many classes the first request loads, from where. */
  ClassLoading classLoading(Function function) throws Exception {
    Path log = work.resolve(function.name() + "-classes.log");
    Files.deleteIfExists(log);
    start(function, List.of("-Xlog:class+load=info:file=" + log));
    int total = 0;
    int jdkArchive = 0;
    int fromJar = 0;
    Map<String, Integer> packages = new TreeMap<>();
    for (String line : Files.readAllLines(log)) {
      int at = line.indexOf("[class,load] ");
      if (at < 0) {
        continue;
      }
      total++;
      String rest = line.substring(at + 13);
      String className = rest.substring(0, rest.indexOf(' '));
      if (rest.contains("source: shared objects file")) {
        jdkArchive++;
      } else if (rest.contains("source: file:") && rest.contains(function.jar().getFileName().toString())) {
        fromJar++;
        String[] parts = className.split("\\.");
        String pkg = String.join(".", java.util.Arrays.copyOf(parts, Math.min(4, parts.length - 1)));
        packages.merge(pkg, 1, Integer::sum);
      }
    }
    Map<String, Integer> top = new LinkedHashMap<>();
    packages.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return new ClassLoading(function.name(), total, jdkArchive, fromJar, total - jdkArchive - fromJar, top);
  }

  private Run start(Function function, List<String> flags) throws Exception {
    Path request = requestFor(function);
    List<String> command = new ArrayList<>();
    command.add(javaLauncher);
    command.addAll(TEMPLATE_FLAGS);
    command.addAll(flags);
    command.add("-cp");
    command.add(function.jar() + java.io.File.pathSeparator + driverJar);
    command.add(ColdStartDriver.class.getName());
    command.add(function.handlerClass());
    command.add(request.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment);

    long started = System.nanoTime();
    Process process = builder.start();
    long answeredAt = 0;
    String result = null;
    long vmHwm = -1;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(ColdStartDriver.MARKER + " status=")) {
          answeredAt = System.nanoTime();
          result = line;
        } else if (line.startsWith(ColdStartDriver.MARKER + " vmHwmKb=")) {
          vmHwm = Long.parseLong(line.substring(line.indexOf('=') + 1));
        } else if (output.size() < 40) {
          output.add(line);
        }
      }
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    if (result == null) {
      throw new IllegalStateException(function.name() + " did not answer; its output:\n" + String.join("\n", output));
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : result.substring(ColdStartDriver.MARKER.length()).trim().split(" ")) {
      fields.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
    }
    return new Run((answeredAt - started) / 1000, Long.parseLong(fields.get("initMicros")),
        Long.parseLong(fields.get("requestMicros")), Integer.parseInt(fields.get("status")), vmHwm);
  }

  /** The request of one cold start: a login, or a cart for a session opened just for this run. */
  private Path requestFor(Function function) throws IOException {
    Properties p = new Properties();
    var event = function.handlerClass().equals(Flows.LOGIN_HANDLER)
        ? Flows.ociLogin(Flows.OCI)
        : Flows.cartReturn(dynamoDb, SampleInput.cartJson(CART_LINES));
    p.setProperty("routeKey", event.getRouteKey());
    p.setProperty("method", event.getRequestContext().getHttp().getMethod());
    p.setProperty("rawPath", event.getRawPath());
    p.setProperty("rawQuery", event.getRawQueryString() == null ? "" : event.getRawQueryString());
    event.getPathParameters().forEach((k, v) -> p.setProperty("path." + k, v));
    event.getHeaders().forEach((k, v) -> p.setProperty("header." + k, v));
    if (event.getBody() != null) {
      Path body = work.resolve(function.name() + "-body.json");
      Files.writeString(body, event.getBody());
      p.setProperty("bodyFile", body.toString());
    }
    Path file = work.resolve(function.name() + "-request.properties");
    try (OutputStream out = Files.newOutputStream(file)) {
      p.store(out, null);
    }
    return file;
  }

  /**
   * Puts the driver's class file alone into a jar, so the child sees nothing else of the benchmark (a jar,
   * not a directory: class-data archives accept only jars on the class path).
   */
  private void extractDriver() throws IOException {
    String resource = ColdStartDriver.class.getName().replace('.', '/') + ".class";
    Files.createDirectories(work);
    try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(resource);
        var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(driverJar))) {
      var entry = new java.util.jar.JarEntry(resource);
      entry.setTime(0);
      jar.putNextEntry(entry);
      in.transferTo(jar);
      jar.closeEntry();
    }
  }
}
