package org.punchgate.local;

import static org.punchgate.http.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.punchgate.aws.DynamoDbConnectionStore;
import org.punchgate.aws.DynamoDbLoginLinkStore;
import org.punchgate.aws.DynamoDbPunchInMappings;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.security.RandomIds;
import org.punchgate.seed.SeedFile;

/**
 * Runs the gateway on this machine: the template's HTTP API routes served on localhost by the functions'
 * real handlers, against moto (DynamoDB) and ElasticMQ (SQS), with demo connections, a demo shop and a buyer
 * simulator. No AWS account, no Docker. The HTTP port opens only when engines, tables, queues and demo data
 * are ready: the banner and {@code GET /health} mark that moment.
 * <pre>
 * java -jar local/target/punchgate-local.jar [--port 3000] [--seed file.json] [--admin-key key]
 *      [--dynamodb-port 8000] [--sqs-port 9324] [--template path/to/template.yaml]
 * </pre>
 * Integration tests start it in their JVM on free ports:
 * <pre>{@code
 * try (LocalRunner runner = LocalRunner.start(LocalRunner.Options.dynamic(Path.of("../template.yaml")))) {
 *   URI base = runner.baseUrl(); // http://localhost:<port>
 * }
 * }</pre>
 * The handlers read their configuration from JVM system properties that the runner sets, so one runner
 * per JVM at a time.
 */
public final class LocalRunner implements AutoCloseable {

  /** The token signing key of local runs: printed in the README, for demos only, never for a deployment. */
  public static final String DEMO_TOKEN_SECRET = "punchgate-local-demo-secret-DO-NOT-USE-IN-PRODUCTION";
  /** The key generated connection secrets are hashed under, locally (on AWS: Secrets Manager). */
  public static final String DEMO_SECRET_HASH_KEY = "punchgate-local-demo-hash-key-DO-NOT-USE-IN-PRODUCTION";
  /** Answers 200 with the engines' ports once the runner is ready (it listens on nothing before). */
  public static final String HEALTH = "/health";
  /** Paths of the admin API: IAM-authorized on AWS, guarded by the admin key here. */
  static final String ADMIN_PREFIX = "/admin/";
  /** Folder of cXML DTDs the simulator's cXML mode validates received messages with (not shipped: cXML licence). */
  public static final String CXML_DTDS_PROPERTY = "punchgate.cxml.dtds";
  /** The first line of the banner: printed when the runner is ready. */
  public static final String READY_LINE = "Punchgate is running locally (demo setup: not for production)";

  /**
   * Start options; a port of 0 picks a free one. {@code template} null: {@code ./template.yaml}, else
   * the one of the project this jar was built in. {@code seed} null: demo data only.
   */
  public record Options(int port, int dynamoDbPort, int sqsPort, Path template, Path seed, String adminKey) {

    /** Without an admin key: the runner makes one at start. */
    public Options(int port, int dynamoDbPort, int sqsPort, Path template, Path seed) {
      this(port, dynamoDbPort, sqsPort, template, seed, null);
    }

    public static Options defaults() {
      return new Options(3000, LocalEngines.Ports.DEFAULTS.dynamoDb(), LocalEngines.Ports.DEFAULTS.sqs(), null, null);
    }

    /** Free ports everywhere: for tests. */
    public static Options dynamic(Path template) {
      return new Options(0, 0, 0, template, null);
    }

    public Options withSeed(Path seedFile) {
      return new Options(port, dynamoDbPort, sqsPort, template, seedFile, adminKey);
    }

    public Options withAdminKey(String key) {
      return new Options(port, dynamoDbPort, sqsPort, template, seed, key);
    }

    static Options parse(String[] args) {
      Options o = defaults();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--help") || arg.equals("-h")) {
          throw new UsageException(null);
        }
        if (i + 1 >= args.length) {
          throw new UsageException("missing value after " + arg);
        }
        String value = args[++i];
        o = switch (arg) {
          case "--port" -> new Options(port(arg, value), o.dynamoDbPort, o.sqsPort, o.template, o.seed);
          case "--dynamodb-port" -> new Options(o.port, port(arg, value), o.sqsPort, o.template, o.seed);
          case "--sqs-port" -> new Options(o.port, o.dynamoDbPort, port(arg, value), o.template, o.seed);
          case "--template" -> new Options(o.port, o.dynamoDbPort, o.sqsPort, Path.of(value), o.seed);
          case "--seed" -> o.withSeed(Path.of(value));
          case "--admin-key" -> o.withAdminKey(adminKey(value));
          default -> throw new UsageException("unknown option " + arg);
        };
      }
      return o;
    }

    private static String adminKey(String value) {
      if (value.length() < 16) {
        throw new UsageException("--admin-key needs at least 16 characters");
      }
      return value;
    }

    private static int port(String option, String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new UsageException(option + " needs a port number (0-65535), not " + value);
    }
  }

  /** A command line the runner does not understand. */
  static final class UsageException extends IllegalArgumentException {
    UsageException(String message) {
      super(message);
    }
  }

  static final String USAGE = """
      Usage: java -jar local/target/punchgate-local.jar [options]
        --port <n>            HTTP port of the gateway, shop and buyer simulator (default 3000)
        --dynamodb-port <n>   DynamoDB engine (moto) port (default 8000)
        --sqs-port <n>        ElasticMQ (SQS) port (default 9324)
        --template <file>     SAM template (default ./template.yaml, else the project's)
        --seed <file>         more connections, and PunchIn customers, products and prices:
                              {"connections":[ ... ], "customers":[ ... ], "products":[ ... ], "prices":[ ... ]}
                              (see README "Configuration" and "PunchIn mappings")
        --admin-key <key>     the key of the admin API (/admin/...), at least 16 characters (default: a
                              random one, printed at start); send it as Authorization: Bearer <key>
      A port of 0 picks a free one.""";

  /**
   * How long a client may take to send its request before the runner closes the connection, so slow or
   * stalled clients cannot hold connections forever. The JDK server reads this once, at its first use in
   * the JVM; {@code -Dsun.net.httpserver.maxReqTime=<seconds>} on the command line overrides it.
   */
  static final int REQUEST_TIMEOUT_SECONDS = 10;

  static {
    if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
      System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_TIMEOUT_SECONDS));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final LocalEngines engines;
  private final boolean ownsEngines;
  private final TemplateRoutes routes;
  private final FunctionHost functions;
  private final DemoShop shop;
  private final BuyerSimulator buyer;
  private final ErpPage erp;
  private final URI baseUrl;
  private final List<DemoData.LoadedConnection> connections;
  private final String adminKey;
  private final String demoLoginLink;

  private LocalRunner(HttpServer server, ExecutorService executor, LocalEngines engines, boolean ownsEngines,
      TemplateRoutes routes, FunctionHost functions, DemoShop shop, BuyerSimulator buyer, ErpPage erp, URI baseUrl,
      List<DemoData.LoadedConnection> connections, String adminKey, String demoLoginLink) {
    this.adminKey = adminKey;
    this.demoLoginLink = demoLoginLink;
    this.server = server;
    this.executor = executor;
    this.engines = engines;
    this.ownsEngines = ownsEngines;
    this.routes = routes;
    this.functions = functions;
    this.shop = shop;
    this.buyer = buyer;
    this.erp = erp;
    this.baseUrl = baseUrl;
    this.connections = connections;
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (UsageException e) {
      System.err.println(e.getMessage() == null ? USAGE : "punchgate-local: " + e.getMessage() + "\n\n" + USAGE);
      System.exit(e.getMessage() == null ? 0 : 2);
      return;
    }
    LocalRunner runner;
    try {
      runner = start(options);
    } catch (LocalEngines.PortInUseException e) {
      String option = e.engine().equals(LocalEngines.DYNAMODB_ENGINE) ? "--dynamodb-port" : "--sqs-port";
      System.err.println("punchgate-local: " + e.getMessage() + ". Stop the process that uses it, or start with "
          + option + " <another port> (0 picks a free one).");
      System.exit(1);
      return;
    } catch (IllegalStateException | IllegalArgumentException | java.io.UncheckedIOException e) {
      System.err.println("punchgate-local: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "punchgate-local-shutdown"));
    System.out.println(runner.banner());
  }

  /**
   * Starts engines, resources, demo data and, last, the HTTP server; everything stops with {@link #close()}.
   * A taken gateway port is reported before any engine starts.
   */
  public static LocalRunner start(Options options) {
    Path template = findTemplate(options.template());
    SamTemplate sam = SamTemplate.read(template);
    if (options.seed() != null) {
      SeedFile.read(options.seed()); // a bad seed stops us before any engine or port opens
    }
    if (options.port() != 0) {
      requireFree(options.port());
    }
    LocalEngines engines = LocalEngines.start(sam, new LocalEngines.Ports(options.dynamoDbPort(), options.sqsPort()));
    return start(options, sam, engines, true);
  }

  /**
   * Starts on engines that the caller owns (a test fixture sharing one pair of engines); creating the
   * template's resources again is harmless, and {@link #close()} leaves the engines running.
   */
  public static LocalRunner start(Options options, LocalEngines engines) {
    SamTemplate sam = SamTemplate.read(findTemplate(options.template()));
    return start(options, sam, engines, false);
  }

  /** How often a dynamic port may be taken by someone else between choosing and binding it. */
  private static final int BIND_ATTEMPTS = 3;

  private static LocalRunner start(Options options, SamTemplate sam, LocalEngines engines, boolean ownsEngines) {
    for (int attempt = 1; ; attempt++) {
      try {
        // the demo data and the pages name the port, so it is chosen first and bound last
        int port = options.port() != 0 ? options.port() : LocalEngines.freePort();
        return start(options, sam, engines, ownsEngines, port);
      } catch (PortTakenException e) {
        if (options.port() != 0 || attempt == BIND_ATTEMPTS) {
          if (ownsEngines) {
            engines.close();
          }
          throw new IllegalStateException(e.getMessage());
        }
      }
    }
  }

  private static LocalRunner start(Options options, SamTemplate sam, LocalEngines engines, boolean ownsEngines,
      int port) {
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    HttpServer server = null;
    try {
      URI baseUrl = URI.create("http://localhost:" + port);
      TemplateRoutes routes = TemplateRoutes.from(sam);
      Map<String, String> env = new LinkedHashMap<>();
      routes.handlers().keySet().forEach(functionId -> env.putAll(engines.functionEnvironment(functionId)));
      env.putAll(engines.functionEnvironment(null));
      env.put("PUNCHOUT_TOKEN_SECRET", System.getProperty("PUNCHOUT_TOKEN_SECRET", DEMO_TOKEN_SECRET));
      env.put("SECRET_HASH_KEY", System.getProperty("SECRET_HASH_KEY", DEMO_SECRET_HASH_KEY));
      env.put("PUBLIC_BASE_URL", baseUrl.toString());
      env.remove("JAVA_TOOL_OPTIONS"); // a JVM launch option, meaningless inside this JVM
      env.forEach(System::setProperty);

      var store = new DynamoDbConnectionStore(engines.dynamoDb(), env.get("MAPPINGS_TABLE"));
      List<DemoData.LoadedConnection> connections = new ArrayList<>(DemoData.loadDemo(store, port));
      if (options.seed() != null) {
        connections.addAll(DemoData.loadSeed(store, options.seed()));
      }
      DemoCatalog catalog = DemoCatalog.load();
      var punchIn = new DynamoDbPunchInMappings(engines.dynamoDb(), env.get("MAPPINGS_TABLE"));
      List<ShopCustomer> customers = DemoPunchIn.loadDemo(punchIn, catalog);
      if (options.seed() != null) {
        DemoPunchIn.loadSeed(punchIn, options.seed());
      }
      FunctionHost functions = new FunctionHost(routes.handlers(), sam.functionGlobal("Timeout").asInt(15));
      functions.problems().forEach((handler, problem) -> System.err.println("warning: " + problem));

      String adminKey = options.adminKey() != null ? options.adminKey() : new RandomIds().newId(24);
      String demoLink = DemoData.demoLoginLink(store, new DynamoDbLoginLinkStore(engines.dynamoDb(),
          env.get("MAPPINGS_TABLE")), baseUrl.toString());
      DemoShop shop = new DemoShop(catalog, URI.create("http://127.0.0.1:" + port));
      String dtds = System.getProperty(CXML_DTDS_PROPERTY);
      ErpPage erp = new ErpPage(engines.dynamoDb(), engines.tableName("SessionsTable"));
      URI gateway = URI.create("http://127.0.0.1:" + port);
      BuyerSimulator buyer = new BuyerSimulator(baseUrl.toString(), gateway, connections, adminKey,
          dtds == null || dtds.isBlank() ? null : Path.of(dtds), new PunchInBuyer(gateway, connections, customers, erp::find));
      // binding opens the port: only now, with engines, tables, queues and demo data ready
      server = bind(port);
      LocalRunner runner = new LocalRunner(server, executor, engines, ownsEngines, routes, functions, shop, buyer, erp,
          baseUrl, List.copyOf(connections), adminKey, demoLink);
      server.createContext("/", runner::serve);
      server.setExecutor(executor);
      server.start();
      return runner;
    } catch (PortTakenException e) {
      executor.shutdownNow();
      throw e;
    } catch (RuntimeException e) {
      if (server != null) {
        server.stop(0);
      }
      executor.shutdownNow();
      if (ownsEngines) {
        engines.close();
      }
      throw e;
    }
  }

  /** The gateway's port is held by another process. */
  private static final class PortTakenException extends IllegalStateException {
    PortTakenException(int port) {
      super("port " + port + " for the gateway is already in use. Stop the process that "
          + "uses it, or start with --port <another port> (0 picks a free one).");
    }
  }

  /**
   * A taken port fails fast, before the engines start. The probe is a client socket: it binds without
   * listening, so nobody can connect to the port before the runner is ready (a server socket would accept
   * connections for the moment it is open).
   */
  static void requireFree(int port) {
    try (var probe = new java.net.Socket()) {
      probe.setReuseAddress(false);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new PortTakenException(port);
    }
  }

  private static HttpServer bind(int port) {
    try {
      return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (BindException e) {
      throw new PortTakenException(port);
    } catch (IOException e) {
      throw new IllegalStateException("cannot listen on port " + port + ": " + e.getMessage(), e);
    }
  }

  /** The given template, else ./template.yaml, else the template of the project this code was built in. */
  static Path findTemplate(Path given) {
    if (given != null) {
      if (!Files.isRegularFile(given)) {
        throw new IllegalArgumentException("template not found: " + given.toAbsolutePath());
      }
      return given;
    }
    Path local = Path.of("template.yaml");
    if (Files.isRegularFile(local)) {
      return local;
    }
    try {
      // local/target/punchgate-local.jar or local/target/classes: the project root is a few levels up
      Path code = Path.of(LocalRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path dir = code.getParent(); dir != null; dir = dir.getParent()) {
        if (Files.isRegularFile(dir.resolve("template.yaml"))) {
          return dir.resolve("template.yaml");
        }
      }
    } catch (java.net.URISyntaxException | SecurityException | NullPointerException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException("no template.yaml here or above the jar: run from the project directory "
        + "or pass --template <file>");
  }

  private void serve(HttpExchange exchange) throws IOException {
    long start = System.nanoTime();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    String route = "-";
    int status = 500;
    try {
      byte[] body = Exchanges.readBody(exchange);
      if (path.equals(DemoShop.BASE) || path.startsWith(DemoShop.BASE + "/")) {
        route = method + " " + path;
        status = shop.handle(exchange, path, body);
      } else if (path.equals(BuyerSimulator.BASE) || path.startsWith(BuyerSimulator.BASE + "/")) {
        route = method + " " + path;
        status = buyer.handle(exchange, path, body);
      } else if ((path.equals(ErpPage.BASE) || path.equals(ErpPage.BASE + "/")) && method.equals("GET")) {
        route = "GET " + ErpPage.BASE + "/";
        status = erp.handle(exchange);
      } else if (path.startsWith(ADMIN_PREFIX) && !AdminKey.matches(adminKey, exchange.getRequestHeaders().getFirst("Authorization"))) {
        // on AWS, IAM authorizes these routes; here the runner's admin key stands in for it
        route = method + " " + ADMIN_PREFIX + "...";
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        Exchanges.send(exchange, status = 401, "application/problem+json", ("{\"type\":\"about:blank\",\"title\":"
            + "\"Unauthorized\",\"status\":401,\"detail\":\"The admin API needs Authorization: Bearer <admin key>"
            + " (printed at start, or set with --admin-key).\"}").getBytes(StandardCharsets.UTF_8));
      } else if (path.equals(HEALTH) && method.equals("GET")) {
        route = "GET " + HEALTH;
        Exchanges.send(exchange, status = 200, "application/json", health().getBytes(StandardCharsets.UTF_8));
      } else if (path.equals("/") && (method.equals("GET") || method.equals("HEAD"))) {
        route = "GET /";
        Exchanges.html(exchange, status = 200, indexPage());
      } else {
        var match = routes.match(method, path);
        if (match.isEmpty()) {
          route = "(no route)";
          status = 404;
          Exchanges.send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
        } else {
          var m = match.get();
          route = m.route().routeKey();
          var event = ApiGatewayBridge.toEvent(exchange, m, body);
          status = ApiGatewayBridge.write(exchange, functions.invoke(m.route().handlerClass(), m.route().functionId(), event));
        }
      }
    } catch (Exchanges.BodyTooLargeException e) {
      status = 413;
      var problem = org.punchgate.http.Problem.response(413, "Request too large",
          "The request body is larger than " + Exchanges.MAX_BODY_BYTES + " bytes.");
      Exchanges.send(exchange, 413, problem.contentType(), problem.body());
    } catch (IOException | RuntimeException e) {
      System.err.println("{\"level\":\"ERROR\",\"route\":\"" + json(route) + "\",\"error\":\"" + json(e.toString()) + "\"}");
      try {
        Exchanges.send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}"
            .getBytes(StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException ignored) {
        // the response had already started: the client sees a broken connection
      }
      status = 500;
    } finally {
      // route keys only: never query strings, bodies or headers (passwords, tokens)
      System.out.println("{\"local\":\"request\",\"route\":\"" + json(route) + "\",\"status\":" + status
          + ",\"latencyMs\":" + (System.nanoTime() - start) / 100_000 / 10.0 + "}");
    }
  }

  /**
   * The readiness answer: the port only opens once everything is ready, so any answer here means ready;
   * it names the engines' ports, tables and queues for scripts that wait for the runner.
   */
  String health() {
    StringBuilder json = new StringBuilder("{\"status\":\"ready\",\"port\":").append(port())
        .append(",\"region\":\"").append(engines.region()).append('"')
        .append(",\"dynamoDb\":{\"engine\":\"moto\",\"port\":").append(engines.dynamoDbPort())
        .append(",\"tables\":").append(jsonArray(engines.tables().values())).append('}')
        .append(",\"sqs\":{\"engine\":\"ElasticMQ\",\"port\":").append(engines.sqsPort())
        .append(",\"queues\":").append(jsonArray(engines.queues().values())).append("}}");
    return json.toString();
  }

  private static String jsonArray(java.util.Collection<String> values) {
    StringBuilder json = new StringBuilder("[");
    values.forEach(v -> json.append(json.length() > 1 ? "," : "").append('"').append(json(v)).append('"'));
    return json.append(']').toString();
  }

  private String indexPage() {
    StringBuilder html = new StringBuilder("<p>The gateway runs here with its real handlers, against moto (DynamoDB) "
        + "and ElasticMQ (SQS).</p><ul><li><a href=\"/buyer/\">Buyer simulator</a>: start a punchout like SAP SRM (OCI), or "
        + "<a href=\"/buyer/cxml/\">like Ariba or Coupa</a> (cXML), or <a href=\"/buyer/peppol/\">like Proceedo</a> (PEPPOL), or "
        + "<a href=\"/buyer/punchin/\">send a purchase order</a> (PunchIn: UBL or cXML)</li>"
        + "<li><a href=\"/shop/\">Demo shop</a>: where the buyer lands</li>"
        + "<li><a href=\"/erp/\">ERP</a>: the orders that reached the orders queue</li></ul>");
    html.append("<h2>Routes from template.yaml</h2><table id=\"routes\"><tr><th>Route</th><th>Function</th><th>Handler</th></tr>");
    routes.routes().forEach(r -> html.append("<tr><td><code>").append(escape(r.routeKey())).append("</code></td><td>")
        .append(escape(r.functionId())).append("</td><td>").append(escape(r.handlerClass())).append("</td></tr>"));
    html.append("</table><h2>Demo connections</h2><table><tr><th>Connection</th><th>Format</th><th>User group</th>"
        + "<th>Username</th><th>Password</th></tr>");
    connections.forEach(c -> html.append("<tr><td>").append(escape(c.connection().id())).append("</td><td>")
        .append(escape(c.connection().format().name())).append("</td><td>").append(escape(c.connection().userGroup()))
        .append("</td><td>").append(escape(c.connection().username())).append("</td><td>")
        .append(escape(c.password() == null ? "(hashed)" : c.password())).append("</td></tr>"));
    html.append("</table>");
    return Pages.page("Punchgate local", "<b>Punchgate</b> local runner", html.toString());
  }

  /** The start message: where everything is and how to look inside the engines. */
  String banner() {
    StringBuilder b = new StringBuilder();
    b.append('\n').append(READY_LINE).append("\n\n");
    b.append("  Buyer simulator   ").append(baseUrl).append("/buyer/\n");
    b.append("  PunchIn orders    ").append(baseUrl).append(PunchInBuyer.BASE).append("/\n");
    b.append("  Demo shop         ").append(baseUrl).append("/shop/\n");
    b.append("  ERP page          ").append(baseUrl).append("/erp/\n");
    b.append("  Gateway API       ").append(baseUrl).append("/\n");
    b.append("  Readiness         ").append(baseUrl).append(HEALTH).append('\n');
    int width = routes.routes().stream().mapToInt(r -> r.routeKey().length()).max().orElse(0) + 2;
    routes.routes().forEach(r -> b.append("      ").append(String.format("%-" + width + "s", r.routeKey()))
        .append(r.functionId()).append('\n'));
    b.append("\n  Admin API key     ").append(adminKey).append("   (Authorization: Bearer <key>; --admin-key sets one)\n");
    if (demoLoginLink != null) {
      b.append("  PEPPOL login link ").append(demoLoginLink).append("   (demo-peppol)\n");
    }
    b.append("\n  moto (DynamoDB)   ").append(engines.dynamoDbEndpoint()).append("  tables: ")
        .append(String.join(", ", engines.tables().values())).append('\n');
    b.append("  ElasticMQ (SQS)   ").append(engines.sqsEndpoint()).append('\n');
    engines.queues().values().forEach(q -> b.append("      ").append(q).append('\n'));
    b.append("\n  Demo connections (OCI username = id; cXML: ").append(baseUrl).append("/buyer/cxml/):\n");
    connections.forEach(c -> b.append("      ").append(String.format("%-16s %-9s %-15s %s %s", c.connection().id(),
        c.connection().format(), c.connection().userGroup(), c.connection().cxml() == null ? "password" : "SharedSecret",
        c.password() == null ? "(hashed)" : c.password())).append('\n'));
    functions.problems().values().forEach(p -> b.append("\n  warning: ").append(p));
    b.append("\n  Look inside (any dummy credentials, region ").append(engines.region()).append("):\n");
    b.append("      aws dynamodb scan --table-name ").append(engines.tableName(first(engines.tables())))
        .append(" --endpoint-url ").append(engines.dynamoDbEndpoint()).append(" --region ").append(engines.region()).append('\n');
    if (!engines.queues().isEmpty()) {
      b.append("      aws sqs receive-message --queue-url ").append(engines.queues().values().iterator().next())
          .append(" --endpoint-url ").append(engines.sqsEndpoint()).append(" --region ").append(engines.region()).append('\n');
    }
    b.append("\n  Ctrl+C stops everything (data is in memory only).\n");
    return b.toString();
  }

  private static String first(Map<String, String> map) {
    return map.containsKey("MappingsTable") ? "MappingsTable" : map.keySet().iterator().next();
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  /** The runner's own URL, {@code http://localhost:<port>} (also PUBLIC_BASE_URL of the functions). */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The key of the admin API in this run. */
  public String adminKey() {
    return adminKey;
  }

  /** The demo-peppol connection's login link made at start (null without that connection). */
  public String demoLoginLink() {
    return demoLoginLink;
  }

  public int port() {
    return baseUrl.getPort();
  }

  public LocalEngines engines() {
    return engines;
  }

  public TemplateRoutes routes() {
    return routes;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    if (ownsEngines) {
      engines.close();
    }
  }
}
