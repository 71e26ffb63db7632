package org.punchgate.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Warm latency: one handler instance answers many requests in this JVM, after a warm-up; each request's
 * {@code handleRequest} call is timed alone (building its event, and opening the session a cart return
 * needs, happen outside the timed call). The handlers' per-request log line is written to a discarding
 * stream while measuring: its cost (building the line) is counted, the terminal's is not.
 */
final class WarmLatency {

  record Budget(int minWarmup, long warmupNanos, int maxIterations, long measureNanos) {
    static final Budget SMOKE = new Budget(1, 0, 1, 0);

    static Budget full(double seconds) {
      return new Budget(20, (long) (seconds * 0.4e9), 20_000, (long) (seconds * 0.6e9));
    }
  }

  record Result(String flow, String store, int iterations, Stats nanos, Map<Integer, Integer> statuses) {}

  private WarmLatency() {}

  static Result measure(String flow, String store, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      Supplier<APIGatewayV2HTTPEvent> events, Budget budget) {
    PrintStream console = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    try {
      Map<Integer, Integer> statuses = new TreeMap<>();
      long warmupEnd = System.nanoTime() + budget.warmupNanos();
      for (int i = 0; i < budget.minWarmup() || System.nanoTime() < warmupEnd; i++) {
        statuses.merge(handler.handleRequest(events.get(), null).getStatusCode(), 1, Integer::sum);
      }
      long[] samples = new long[budget.maxIterations()];
      int n = 0;
      long measureEnd = System.nanoTime() + budget.measureNanos();
      while (n < samples.length && (n == 0 || System.nanoTime() < measureEnd)) {
        APIGatewayV2HTTPEvent event = events.get();
        long start = System.nanoTime();
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        samples[n++] = System.nanoTime() - start;
        statuses.merge(response.getStatusCode(), 1, Integer::sum);
      }
      return new Result(flow, store, n, Stats.of(java.util.Arrays.copyOf(samples, n)), statuses);
    } finally {
      System.setOut(console);
    }
  }
}
