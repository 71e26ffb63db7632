package org.punchgate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs every scenario of the benchmark once, on the jars this build made, so the benchmark cannot rot.
 * Checks that each scenario ran and every flow answered as it should; never how fast.
 */
class BenchSmokeIT {

  @Test
  void everyScenarioRunsOnceAndEveryFlowAnswers() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    Path out = target.resolve("bench-smoke/latest.json");
    var options = Bench.Options.parse("--smoke", "--out", out.toString(), "--work",
        target.resolve("bench-smoke/work").toString());
    assumeTrue(Files.isDirectory(options.root().resolve("functions")), "not inside the repository");
    var console = new ByteArrayOutputStream();

    Report report = Bench.run(options, new PrintStream(console, true, StandardCharsets.UTF_8));

    String markdown = console.toString(StandardCharsets.UTF_8);
    assertTrue(markdown.contains("### Warm latency"), markdown);
    JsonNode json = new ObjectMapper().readTree(out.toFile());
    assertTrue(json.get("smoke").asBoolean());
    assertFalse(json.get("warm").isEmpty(), "warm latency ran");
    assertFalse(json.get("codecs").isEmpty(), "codec throughput ran");
    assertFalse(json.get("cost").isEmpty(), "cost per flow ran");
    for (JsonNode warm : json.get("warm")) {
      int expected = Report.expectedStatus(warm.get("flow").asText());
      warm.get("statuses").fieldNames().forEachRemaining(status ->
          assertEquals(Integer.toString(expected), status, warm.get("flow").asText() + " " + warm.get("store").asText()));
    }
    for (JsonNode cost : json.get("cost")) {
      assertTrue(cost.get("status").asInt() < 400, cost.toString());
      assertEquals(cost.get("floor").asInt(), cost.get("calls").asInt(), "calls at the floor: " + cost);
    }
    if (!report.jars.isEmpty()) { // the shaded function jars exist once their modules are packaged
      assertEquals(report.jars.size() * 3, json.get("coldStart").size(), "three variants per function");
      for (JsonNode cold : json.get("coldStart")) {
        cold.get("statuses").fieldNames().forEachRemaining(status ->
            assertTrue(status.equals("200") || status.equals("302"), cold.toString()));
      }
    }
  }
}
