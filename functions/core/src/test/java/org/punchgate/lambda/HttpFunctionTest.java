package org.punchgate.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.testing.StandardError;
import org.punchgate.http.HttpResponse;
import org.punchgate.json.Json;

class HttpFunctionTest {

  private static APIGatewayV2HTTPEvent event() {
    APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
    event.setRouteKey("POST /punchout/oci/{connectionId}");
    event.setRawPath("/punchout/oci/demo");
    event.setRawQueryString("USERNAME=demo&PASSWORD=top-secret-password");
    event.setHeaders(Map.of("Authorization", "Bearer eyJ.secret-token.sig", "Content-Type", "text/plain"));
    event.setBody("HOOK_URL=x&PASSWORD=body-secret");
    return event;
  }

  private static String captureStdout(Runnable action) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logsOneJsonLinePerRequestWithoutSecrets() {
    String log = captureStdout(() -> HttpFunction.handle(event(), null,
        request -> HttpResponse.redirect("https://shop.example.com/").forSession("session-1")));
    String[] lines = log.strip().split("\n");
    assertEquals(1, lines.length, log);
    var line = Json.parse(lines[0]);
    assertEquals("POST /punchout/oci/{connectionId}", line.get("route").asText());
    assertEquals(302, line.get("status").asInt());
    assertTrue(line.get("latencyMs").isNumber());
    assertEquals("session-1", line.get("sessionId").asText());
    for (String secret : new String[] {"top-secret-password", "body-secret", "secret-token", "USERNAME"}) {
      assertFalse(log.contains(secret), secret);
    }
  }

  @Test
  void anUnexpectedFaultIsA500ThatNamesOnlyACorrelationId() {
    var captured = StandardError.capture(() -> HttpFunction.handle(event(), null, request -> {
      throw new IllegalStateException("database password is hunter2");
    }));
    var response = captured.value();
    assertEquals(500, response.getStatusCode());
    assertFalse(response.getBody().contains("hunter2"));
    assertTrue(captured.text().contains("\"level\":\"ERROR\""), captured.text());
    assertTrue(response.getBody().contains("correlation id"));
  }

  @Test
  void logsAFaultAsOneJsonLineWithTheRequestIdAndWithoutTheExceptionMessage() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      HttpFunction.handle(event(), null, request -> {
        throw new IllegalStateException("database password is hunter2");
      });
    } finally {
      System.setErr(original);
    }
    String log = err.toString(StandardCharsets.UTF_8);
    String[] lines = log.strip().split("\n");
    assertEquals(1, lines.length, log);
    var line = Json.parse(lines[0]);
    assertEquals("ERROR", line.get("level").asText());
    assertEquals("java.lang.IllegalStateException", line.get("error").asText());
    assertTrue(line.get("correlationId").asText().length() > 8);
    assertTrue(line.get("stack").isArray());
    assertFalse(log.contains("hunter2"));
  }

  @Test
  void anErrorSuchAsOutOfMemoryIsAProblemDocument500AndTheCallerLivesOn() {
    var captured = StandardError.capture(() -> HttpFunction.handle(event(), null, request -> {
      throw new OutOfMemoryError("Java heap space");
    }));
    var response = captured.value();
    assertTrue(captured.text().contains("java.lang.OutOfMemoryError"), captured.text());
    assertEquals(500, response.getStatusCode());
    assertTrue(response.getHeaders().get("content-type").startsWith("application/problem+json"));
    assertEquals(500, Json.parse(response.getBody()).get("status").asInt());
  }

  @Test
  void aHandlerNamesItsOwnProtocolsInternalError() {
    var captured = StandardError.capture(() -> HttpFunction.handle(event(), null, request -> {
      throw new StackOverflowError();
    }, correlationId -> HttpResponse.html(500, "<p>" + correlationId + "</p>", StandardCharsets.UTF_8)));
    var response = captured.value();
    assertTrue(captured.text().contains("java.lang.StackOverflowError"), captured.text());
    assertEquals(500, response.getStatusCode());
    assertTrue(response.getHeaders().get("content-type").startsWith("text/html"));
  }
}
