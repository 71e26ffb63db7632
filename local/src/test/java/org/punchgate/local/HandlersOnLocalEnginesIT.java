package org.punchgate.local;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.punchgate.cartreturn.CartReturnHandler;
import org.punchgate.login.PunchoutLoginHandler;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link HandlerSuite} on moto (DynamoDB) and ElasticMQ (SQS), configured as the runner configures them. */
@ExtendWith(LocalRunnerExtension.class)
class HandlersOnLocalEnginesIT extends HandlerSuite {

  private LocalEngines engines;
  private PunchoutLoginHandler login;
  private CartReturnHandler cartReturn;

  @BeforeEach
  void handlers(LocalRunner runner) {
    engines = runner.engines();
    // production constructors: they read the configuration the runner put in place
    login = new PunchoutLoginHandler();
    cartReturn = new CartReturnHandler();
  }

  @Override
  DynamoDbClient dynamoDb() {
    return engines.dynamoDb();
  }

  @Override
  String sessionsTable() {
    return engines.tableName("SessionsTable");
  }

  @Override
  String mappingsTable() {
    return engines.tableName("MappingsTable");
  }

  @Override
  PunchoutLoginHandler loginHandler() {
    return login;
  }

  @Override
  CartReturnHandler cartReturnHandler() {
    return cartReturn;
  }
}
