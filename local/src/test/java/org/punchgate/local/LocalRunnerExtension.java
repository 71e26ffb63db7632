package org.punchgate.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link LocalRunner} (gateway routes, demo data, demo shop, buyer simulator) on a
 * free port, started once per test JVM on the shared {@link LocalEnginesExtension} engines.
 * <pre>{@code
 * @ExtendWith(LocalRunnerExtension.class)
 * class MyFlowIT {
 *   @Test void works(LocalRunner runner) { URI base = runner.baseUrl(); ... }
 * }
 * }</pre>
 */
public final class LocalRunnerExtension implements ParameterResolver {

  /** The shared runner, starting it (and the engines) on first use. */
  public static LocalRunner runner(ExtensionContext context) {
    LocalEngines engines = LocalEnginesExtension.engines(context);
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(
        LocalRunner.class,
        type -> LocalRunner.start(LocalRunner.Options.dynamic(LocalEnginesExtension.TEMPLATE), engines),
        LocalRunner.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == LocalRunner.class || type == LocalEngines.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalEngines.class
        ? LocalEnginesExtension.engines(context) : runner(context);
  }
}
