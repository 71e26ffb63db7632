package org.punchgate.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the template's DynamoDB tables (keys, indexes, TTL) and SQS queues (FIFO, redrive to a
 * dead-letter queue) on the local engines, and resolves the functions' environment to them. Creating
 * again is harmless: existing tables are kept, and SQS returns an existing queue with equal attributes.
 */
final class TemplateResources {

  /** What was created: table names and queue URLs by logical id, and the environment resolver. */
  record Created(Map<String, String> tables, Map<String, String> queueUrls, Map<String, String> arns,
      SamTemplate template, String region) {

    /** Globals and the function's own variables, resolved; unresolvable ones are left out. */
    Map<String, String> environment(String functionId) {
      Map<String, String> env = new LinkedHashMap<>();
      collect(template.functionGlobal("Environment").path("Variables"), env);
      if (functionId != null) {
        collect(template.resources(SamTemplate.SERVERLESS_FUNCTION).getOrDefault(functionId, missing())
            .path("Environment").path("Variables"), env);
      }
      return env;
    }

    private void collect(JsonNode variables, Map<String, String> env) {
      variables.properties().forEach(e -> {
        String value = resolve(e.getValue());
        if (value != null) {
          env.put(e.getKey(), value);
        } else {
          env.remove(e.getKey());
        }
      });
    }

    /** A !Ref or !GetAtt that lost its tag, a parameter, or a literal; null when only AWS could resolve it. */
    private String resolve(JsonNode node) {
      if (!node.isValueNode() || node.isNull()) {
        return null; // !If, !Join, !Select ...: conditions and functions are not evaluated locally
      }
      String text = node.asText();
      if (tables.containsKey(text)) {
        return tables.get(text);
      }
      if (queueUrls.containsKey(text)) {
        return queueUrls.get(text);
      }
      if (text.endsWith(".Arn") && arns.containsKey(text.substring(0, text.length() - 4))) {
        return arns.get(text.substring(0, text.length() - 4));
      }
      if (text.equals("AWS::Region")) {
        return region;
      }
      if (text.contains("{{resolve:") || text.contains("${") || text.startsWith("AWS::")) {
        return null;
      }
      String parameter = template.parameterDefault(text);
      return parameter != null ? parameter : text;
    }

    private static JsonNode missing() {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
  }

  private static final String ACCOUNT = "000000000000";

  private final SamTemplate template;
  private final DynamoDbClient dynamoDb;
  private final SqsClient sqs;
  private final String region;

  TemplateResources(SamTemplate template, DynamoDbClient dynamoDb, SqsClient sqs, String region) {
    this.template = template;
    this.dynamoDb = dynamoDb;
    this.sqs = sqs;
    this.region = region;
  }

  Created create() {
    Map<String, String> tables = new LinkedHashMap<>();
    Map<String, String> arns = new LinkedHashMap<>();
    template.resources(SamTemplate.DYNAMODB_TABLE).forEach((id, properties) -> {
      String name = nameOr(properties.path("TableName"), id);
      createTable(name, properties);
      tables.put(id, name);
      arns.put(id, "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name);
    });
    Map<String, String> queueUrls = new LinkedHashMap<>();
    // dead-letter queues first: a redrive policy names its target's ARN
    Map<String, JsonNode> queues = template.resources(SamTemplate.SQS_QUEUE);
    List<String> order = new ArrayList<>();
    queues.forEach((id, p) -> { if (!p.has("RedrivePolicy")) order.add(id); });
    queues.forEach((id, p) -> { if (p.has("RedrivePolicy")) order.add(id); });
    for (String id : order) {
      JsonNode properties = queues.get(id);
      boolean fifo = properties.path("FifoQueue").asBoolean(false);
      String name = nameOr(properties.path("QueueName"), fifo ? id + ".fifo" : id);
      String url = sqs.createQueue(b -> b.queueName(name).attributesWithStrings(queueAttributes(properties, arns))).queueUrl();
      queueUrls.put(id, url);
      arns.put(id, sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
          .attributes().get(QueueAttributeName.QUEUE_ARN));
    }
    Map<String, String> inTemplateOrder = new LinkedHashMap<>();
    queues.keySet().forEach(id -> inTemplateOrder.put(id, queueUrls.get(id)));
    return new Created(tables, inTemplateOrder, arns, template, region);
  }

  private void createTable(String name, JsonNode p) {
    var request = CreateTableRequest.builder()
        .tableName(name)
        .attributeDefinitions(list(p.path("AttributeDefinitions"), a -> AttributeDefinition.builder()
            .attributeName(a.path("AttributeName").asText()).attributeType(a.path("AttributeType").asText()).build()))
        .keySchema(keySchema(p.path("KeySchema")));
    boolean onDemand = "PAY_PER_REQUEST".equals(p.path("BillingMode").asText());
    if (onDemand) {
      request.billingMode(BillingMode.PAY_PER_REQUEST);
    } else {
      request.provisionedThroughput(throughput(p.path("ProvisionedThroughput")));
    }
    if (p.has("GlobalSecondaryIndexes")) {
      request.globalSecondaryIndexes(list(p.path("GlobalSecondaryIndexes"), g -> {
        var index = GlobalSecondaryIndex.builder().indexName(g.path("IndexName").asText())
            .keySchema(keySchema(g.path("KeySchema"))).projection(projection(g.path("Projection")));
        if (!onDemand) {
          index.provisionedThroughput(throughput(g.path("ProvisionedThroughput")));
        }
        return index.build();
      }));
    }
    if (p.has("LocalSecondaryIndexes")) {
      request.localSecondaryIndexes(list(p.path("LocalSecondaryIndexes"), l -> LocalSecondaryIndex.builder()
          .indexName(l.path("IndexName").asText()).keySchema(keySchema(l.path("KeySchema")))
          .projection(projection(l.path("Projection"))).build()));
    }
    try {
      dynamoDb.createTable(request.build());
    } catch (ResourceInUseException exists) {
      return; // created before (engines shared by several runners or tests)
    }
    JsonNode ttl = p.path("TimeToLiveSpecification");
    if (ttl.path("Enabled").asBoolean(false)) {
      dynamoDb.updateTimeToLive(b -> b.tableName(name)
          .timeToLiveSpecification(t -> t.attributeName(ttl.path("AttributeName").asText()).enabled(true)));
    }
  }

  /** The template's queue properties that SQS knows as attributes; encryption settings have no local meaning. */
  private static Map<String, String> queueAttributes(JsonNode p, Map<String, String> arns) {
    Map<String, String> attributes = new LinkedHashMap<>();
    copy(p, "FifoQueue", attributes);
    copy(p, "ContentBasedDeduplication", attributes);
    copy(p, "DeduplicationScope", attributes);
    copy(p, "FifoThroughputLimit", attributes);
    copy(p, "VisibilityTimeout", attributes);
    copy(p, "MessageRetentionPeriod", attributes);
    copy(p, "DelaySeconds", attributes);
    copy(p, "MaximumMessageSize", attributes);
    copy(p, "ReceiveMessageWaitTimeSeconds", attributes);
    JsonNode redrive = p.path("RedrivePolicy");
    if (redrive.isObject()) {
      String target = redrive.path("deadLetterTargetArn").asText();
      String logicalId = target.endsWith(".Arn") ? target.substring(0, target.length() - 4) : target;
      String arn = arns.getOrDefault(logicalId, target);
      attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + arn + "\",\"maxReceiveCount\":\""
          + redrive.path("maxReceiveCount").asText("5") + "\"}");
    }
    return attributes;
  }

  private static void copy(JsonNode p, String name, Map<String, String> attributes) {
    if (p.has(name) && p.get(name).isValueNode()) {
      attributes.put(name, p.get(name).asText());
    }
  }

  private static List<KeySchemaElement> keySchema(JsonNode keys) {
    return list(keys, k -> KeySchemaElement.builder()
        .attributeName(k.path("AttributeName").asText()).keyType(k.path("KeyType").asText()).build());
  }

  private static Projection projection(JsonNode p) {
    var projection = Projection.builder().projectionType(p.path("ProjectionType").asText("ALL"));
    if (p.has("NonKeyAttributes")) {
      projection.nonKeyAttributes(list(p.path("NonKeyAttributes"), JsonNode::asText));
    }
    return projection.build();
  }

  private static ProvisionedThroughput throughput(JsonNode p) {
    return ProvisionedThroughput.builder()
        .readCapacityUnits(p.path("ReadCapacityUnits").asLong(5))
        .writeCapacityUnits(p.path("WriteCapacityUnits").asLong(5)).build();
  }

  /** A literal name from the template, else the logical id (a name built with !Sub is an AWS concern). */
  private static String nameOr(JsonNode name, String fallback) {
    return name.isTextual() && !name.asText().contains("${") && !name.asText().contains("AWS::")
        ? name.asText() : fallback;
  }

  private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> mapper) {
    List<T> list = new ArrayList<>();
    array.forEach(n -> list.add(mapper.apply(n)));
    return list;
  }
}
