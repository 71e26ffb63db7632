package org.punchgate.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Plays the Lambda runtime for one cold start: runs in a fresh JVM with only a function's shaded jar and
 * this class on the class path, builds the handler with its no-arg constructor (as Lambda does), answers
 * one request described by a properties file, prints a marker line and its peak RSS so far, and exits.
 * Uses nothing but the JDK and the function jar, so it adds no classes of its own to the measurement
 * beyond this one. The event is built here rather than deserialised from JSON: on Lambda the runtime's
 * own serializer does that, outside the function jar.
 */
public final class ColdStartDriver {

  static final String MARKER = "PUNCHGATE-COLD-START";

  private ColdStartDriver() {}

  public static void main(String[] args) throws Exception {
    long mainAt = System.nanoTime();
    Properties request = new Properties();
    try (InputStream in = new FileInputStream(args[1])) {
      request.load(in);
    }
    @SuppressWarnings("unchecked")
    var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
        Class.forName(args[0]).getDeclaredConstructor().newInstance();
    long initDone = System.nanoTime();
    APIGatewayV2HTTPResponse response = handler.handleRequest(event(request), null);
    long answered = System.nanoTime();
    System.out.println(MARKER + " status=" + response.getStatusCode() + " initMicros=" + (initDone - mainAt) / 1000
        + " requestMicros=" + (answered - initDone) / 1000);
    System.out.println(MARKER + " vmHwmKb=" + peakRssKb());
    System.out.flush();
    System.exit(0); // a CDS/AOT training run writes its archive now
  }

  private static APIGatewayV2HTTPEvent event(Properties p) throws Exception {
    Map<String, String> headers = new HashMap<>();
    Map<String, String> pathParameters = new HashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith("header.")) {
        headers.put(name.substring(7), p.getProperty(name));
      } else if (name.startsWith("path.")) {
        pathParameters.put(name.substring(5), p.getProperty(name));
      }
    }
    String bodyFile = p.getProperty("bodyFile");
    var http = new APIGatewayV2HTTPEvent.RequestContext.Http();
    http.setMethod(p.getProperty("method"));
    http.setPath(p.getProperty("rawPath"));
    var context = new APIGatewayV2HTTPEvent.RequestContext();
    context.setHttp(http);
    context.setRouteKey(p.getProperty("routeKey"));
    context.setDomainName("punchout.example.com");
    var event = new APIGatewayV2HTTPEvent();
    event.setRouteKey(p.getProperty("routeKey"));
    event.setRawPath(p.getProperty("rawPath"));
    event.setRawQueryString(p.getProperty("rawQuery", ""));
    event.setHeaders(headers);
    event.setPathParameters(pathParameters);
    event.setRequestContext(context);
    event.setBody(bodyFile == null ? null : Files.readString(Path.of(bodyFile)));
    event.setIsBase64Encoded(false);
    return event;
  }

  /** VmHWM: the process's peak resident set size so far, from the kernel; -1 where /proc is absent. */
  private static long peakRssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").strip());
        }
      }
    } catch (Exception e) {
      return -1;
    }
    return -1;
  }
}
