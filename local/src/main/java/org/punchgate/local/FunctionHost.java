package org.punchgate.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The functions' handlers, each instantiated once through its public no-arg constructor, as the Lambda
 * runtime does at a cold start, and invoked with API Gateway events. A handler that cannot be loaded (a
 * function not built yet, a configuration error in its constructor) is reported at start and answers
 * every request with an error, while the other functions keep working.
 */
final class FunctionHost {

  private static final int DEFAULT_TIMEOUT_SECONDS = 15;

  /** A loaded handler, or why it could not be loaded. */
  private record Loaded(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String problem) {}

  private final Map<String, Loaded> handlers = new LinkedHashMap<>();
  private final int timeoutSeconds;

  FunctionHost(Map<String, String> handlerClassesByFunction, int timeoutSeconds) {
    this.timeoutSeconds = timeoutSeconds > 0 ? timeoutSeconds : DEFAULT_TIMEOUT_SECONDS;
    handlerClassesByFunction.values().stream().distinct().forEach(name -> handlers.put(name, load(name)));
  }

  /** Problems of handlers that could not be loaded, by class name (empty when all are fine). */
  Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    handlers.forEach((name, loaded) -> {
      if (loaded.problem() != null) {
        problems.put(name, loaded.problem());
      }
    });
    return problems;
  }

  /**
   * Invokes a handler. Returns null when it could not be loaded or threw: API Gateway then answers 500,
   * and the cause is on standard error.
   */
  APIGatewayV2HTTPResponse invoke(String handlerClass, String functionId, APIGatewayV2HTTPEvent event) {
    Loaded loaded = handlers.get(handlerClass);
    if (loaded == null || loaded.handler() == null) {
      System.err.println("function " + functionId + " is not available: "
          + (loaded == null ? "unknown handler " + handlerClass : loaded.problem()));
      return null;
    }
    try {
      return loaded.handler().handleRequest(event, new LocalContext(functionId, timeoutSeconds));
    } catch (RuntimeException | Error e) {
      System.err.println("function " + functionId + " failed:");
      e.printStackTrace();
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Loaded load(String className) {
    try {
      Class<?> type = Class.forName(className);
      if (!RequestHandler.class.isAssignableFrom(type)) {
        return new Loaded(null, className + " is not a RequestHandler");
      }
      return new Loaded((RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
          type.getConstructor().newInstance(), null);
    } catch (ClassNotFoundException e) {
      return new Loaded(null, "class " + className + " is not on the classpath (is its module built?)");
    } catch (NoSuchMethodException e) {
      return new Loaded(null, className + " has no public no-arg constructor");
    } catch (InvocationTargetException e) {
      return new Loaded(null, className + " failed to start: " + e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      return new Loaded(null, className + " cannot be loaded: " + e);
    }
  }

  /** The Lambda context as far as it means something locally. */
  private static final class LocalContext implements Context {
    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final long deadline;

    LocalContext(String functionName, int timeoutSeconds) {
      this.functionName = functionName;
      this.deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/" + functionName; }
    @Override public String getLogStreamName() { return "local"; }
    @Override public String getFunctionName() { return functionName; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() {
      return "arn:aws:lambda:" + LocalEngines.REGION + ":000000000000:function:" + functionName;
    }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return (int) Math.max(0, deadline - System.currentTimeMillis()); }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override public void log(String message) { System.out.println(message); }
        @Override public void log(byte[] message) { System.out.println(new String(message, StandardCharsets.UTF_8)); }
      };
    }
  }
}
