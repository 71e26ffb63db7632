package org.punchgate.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local engines, with the tables and queues that {@code template.yaml} declares: moto for DynamoDB
 * (a child process, see {@link MotoServer}) and ElasticMQ for SQS (in this JVM), both on 127.0.0.1 only.
 * moto keeps tables per region: everything here is created and read in {@link #REGION}. The runner and the
 * integration tests use the same class:
 * <pre>{@code
 * try (LocalEngines engines = LocalEngines.start(SamTemplate.read(path), LocalEngines.Ports.DYNAMIC)) {
 *   String table = engines.tableName("SessionsTable");
 *   DynamoDbClient dynamoDb = engines.dynamoDb();
 * }
 * }</pre>
 * Local names are the logical ids ({@code SessionsTable}, {@code OrdersQueue.fifo}).
 */
public final class LocalEngines implements AutoCloseable {

  public static final String REGION = "us-east-1";
  /** Engine names as the runner prints them (and names them when a port is taken). */
  public static final String DYNAMODB_ENGINE = "moto (DynamoDB)";
  public static final String SQS_ENGINE = "ElasticMQ (SQS)";
  /** Dummy keys: the engines accept any; the SDK only needs some. */
  public static final String ACCESS_KEY_ID = "local";
  public static final String SECRET_ACCESS_KEY = "local";

  /** Ports of the two engines; 0 picks a free port. */
  public record Ports(int dynamoDb, int sqs) {
    public static final Ports DEFAULTS = new Ports(8000, 9324);
    public static final Ports DYNAMIC = new Ports(0, 0);
  }

  /** A port some other process holds, named so that the user knows which option to change. */
  public static final class PortInUseException extends IllegalStateException {
    private final String engine;
    private final int port;

    PortInUseException(String engine, int port) {
      super("port " + port + " for " + engine + " is already in use");
      this.engine = engine;
      this.port = port;
    }

    public String engine() {
      return engine;
    }

    public int port() {
      return port;
    }
  }

  private final MotoServer dynamoDbServer;
  private final SQSRestServer sqsServer;
  private final int dynamoDbPort;
  private final int sqsPort;
  private final SdkHttpClient httpClient;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final TemplateResources.Created resources;

  private LocalEngines(MotoServer dynamoDbServer, int dynamoDbPort, SQSRestServer sqsServer, int sqsPort,
      SamTemplate template) {
    this.dynamoDbServer = dynamoDbServer;
    this.dynamoDbPort = dynamoDbPort;
    this.sqsServer = sqsServer;
    this.sqsPort = sqsPort;
    this.httpClient = UrlConnectionHttpClient.builder().build();
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    this.dynamoDb = DynamoDbClient.builder().httpClient(httpClient).region(Region.of(REGION))
        .credentialsProvider(credentials).endpointOverride(URI.create(dynamoDbEndpoint())).build();
    this.sqs = SqsClient.builder().httpClient(httpClient).region(Region.of(REGION))
        .credentialsProvider(credentials).endpointOverride(URI.create(sqsEndpoint())).build();
    this.resources = new TemplateResources(template, dynamoDb, sqs, REGION).create();
  }

  /**
   * Starts both engines and creates the template's tables and queues. Fails with a
   * {@link PortInUseException} before starting anything when a fixed port is taken.
   */
  public static LocalEngines start(SamTemplate template, Ports ports) {
    if (ports.dynamoDb() != 0) {
      checkFree(DYNAMODB_ENGINE, ports.dynamoDb());
    }
    if (ports.sqs() != 0) {
      checkFree(SQS_ENGINE, ports.sqs());
    }
    MotoServer dynamoDbServer = MotoServer.start(ports.dynamoDb());
    SQSRestServer sqsServer = null;
    try {
      var builder = SQSRestServerBuilder.withInterface("127.0.0.1").withAWSRegion(REGION);
      sqsServer = (ports.sqs() == 0 ? builder.withDynamicPort() : builder.withPort(ports.sqs())).start();
      int sqsPort = sqsServer.waitUntilStarted().localAddress().getPort();
      return new LocalEngines(dynamoDbServer, dynamoDbServer.port(), sqsServer, sqsPort, template);
    } catch (RuntimeException e) {
      if (sqsServer != null) {
        sqsServer.stopAndWait();
      }
      dynamoDbServer.close();
      throw e;
    }
  }

  /**
   * Both engines bind the loopback interface only: that is where a port must be free. A client socket
   * binds without listening, so the probe never accepts a connection meant for the engine. With
   * SO_REUSEADDR, as the engines bind, the probe passes over connections of a killed engine still in
   * TIME_WAIT (a restart after {@code kill -9} works at once) but still fails on a port something listens on.
   */
  static void checkFree(String engine, int port) {
    try (Socket socket = new Socket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new PortInUseException(engine, port);
    }
  }

  /** A port that is free now (the engine binds it a moment later). */
  static int freePort() {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)); // bound, never listening
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port: " + e.getMessage(), e);
    }
  }

  public String dynamoDbEndpoint() {
    return "http://127.0.0.1:" + dynamoDbPort;
  }

  public String sqsEndpoint() {
    return "http://127.0.0.1:" + sqsPort;
  }

  public int dynamoDbPort() {
    return dynamoDbPort;
  }

  public int sqsPort() {
    return sqsPort;
  }

  public String region() {
    return REGION;
  }

  /** A client for the DynamoDB engine, shared; closed with the engines. */
  public DynamoDbClient dynamoDb() {
    return dynamoDb;
  }

  /** A client for ElasticMQ, shared; closed with the engines. */
  public SqsClient sqs() {
    return sqs;
  }

  /** The local name of a table declared in the template. */
  public String tableName(String logicalId) {
    return require(resources.tables(), logicalId, "table");
  }

  /** The local URL of a queue declared in the template. */
  public String queueUrl(String logicalId) {
    return require(resources.queueUrls(), logicalId, "queue");
  }

  /** Table names by logical id, in template order. */
  public Map<String, String> tables() {
    return resources.tables();
  }

  /** Queue URLs by logical id, in template order. */
  public Map<String, String> queues() {
    return resources.queueUrls();
  }

  /**
   * The environment a function of the template sees here: {@code Globals} and the function's own
   * variables with references resolved to the local tables, queues and parameter defaults, plus the AWS
   * settings that point the SDK at the engines. Variables that cannot be resolved locally (a Secrets
   * Manager reference, a condition) are left out for the caller to supply.
   *
   * @param functionId a function's logical id, or null for the globals only
   */
  public Map<String, String> functionEnvironment(String functionId) {
    Map<String, String> env = new LinkedHashMap<>(resources.environment(functionId));
    env.putAll(awsEnvironment());
    return env;
  }

  /** Region, endpoints and dummy keys for SDK clients (the variable names {@code Config} reads). */
  public Map<String, String> awsEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_REGION", REGION);
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint());
    env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint());
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    return env;
  }

  private static String require(Map<String, String> map, String logicalId, String kind) {
    String value = map.get(logicalId);
    if (value == null) {
      throw new IllegalArgumentException("the template declares no " + kind + " " + logicalId);
    }
    return value;
  }

  @Override
  public void close() {
    dynamoDb.close();
    sqs.close();
    httpClient.close();
    sqsServer.stopAndWait();
    dynamoDbServer.close();
  }
}
