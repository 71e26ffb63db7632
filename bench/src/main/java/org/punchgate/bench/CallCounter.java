package org.punchgate.bench;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts the AWS calls a flow makes (service and operation), and, in the counting run only, asks DynamoDB
 * for the capacity each call consumed: it adds {@code ReturnConsumedCapacity=TOTAL} to the request on its
 * way out. The stores' code is unchanged; only the wire request of this benchmark client differs.
 */
final class CallCounter implements ExecutionInterceptor {

  private final Map<String, Integer> calls = new TreeMap<>();
  private double readUnits;
  private double writeUnits;

  @Override
  public synchronized void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    calls.merge(service + "." + operation, 1, Integer::sum);
  }

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    return switch (context.request()) {
      case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
      default -> context.request();
    };
  }

  @Override
  public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    ConsumedCapacity capacity = switch (context.response()) {
      case GetItemResponse r -> r.consumedCapacity();
      case PutItemResponse r -> r.consumedCapacity();
      case UpdateItemResponse r -> r.consumedCapacity();
      default -> null;
    };
    if (capacity == null) {
      return;
    }
    // DynamoDB reports reads and writes apart only with INDEXES; with TOTAL the operation tells which
    if (context.response() instanceof GetItemResponse) {
      readUnits += capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    } else {
      writeUnits += capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }
  }

  synchronized void reset() {
    calls.clear();
    readUnits = 0;
    writeUnits = 0;
  }

  synchronized Map<String, Integer> calls() {
    return new TreeMap<>(calls);
  }

  synchronized int total() {
    return calls.values().stream().mapToInt(Integer::intValue).sum();
  }

  synchronized double readUnits() {
    return readUnits;
  }

  synchronized double writeUnits() {
    return writeUnits;
  }
}
