package org.punchgate.local;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link LocalEngines} (moto + ElasticMQ with the template's tables and queues),
 * started once per test JVM on free ports and stopped when the run ends.
 * <pre>{@code
 * @ExtendWith(LocalEnginesExtension.class)
 * class MyStoreIT {
 *   @Test void works(LocalEngines engines) { engines.dynamoDb() ... engines.tableName("SessionsTable") }
 * }
 * }</pre>
 */
public final class LocalEnginesExtension implements ParameterResolver {

  /** The project's template, seen from a module directory (where surefire and failsafe run). */
  public static final Path TEMPLATE = Path.of("..", "template.yaml");

  /** The shared engines, starting them on first use. */
  public static LocalEngines engines(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(
        LocalEngines.class, type -> LocalEngines.start(SamTemplate.read(TEMPLATE), LocalEngines.Ports.DYNAMIC),
        LocalEngines.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalEngines.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return engines(context);
  }
}
