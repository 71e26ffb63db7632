package org.punchgate.bench;

import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
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
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Counts the AWS calls a flow makes (service and operation), and, in the counting run only, asks DynamoDB
 * for the capacity each call consumed: it adds {@code ReturnConsumedCapacity=TOTAL} to the request on its
 * way out. The stores' code is unchanged; only the wire request of this benchmark client differs. Beside
 * what the engine reports, it applies DynamoDB's published rules ({@link CapacityRules}) to the items each
 * call wrote or read, because a local engine's own figures may be simplified.
 */
final class CallCounter implements ExecutionInterceptor {

  private final Map<String, Integer> calls = new TreeMap<>();
  private double readUnits;
  private double writeUnits;
  private double ruleReadUnits;
  private double ruleWriteUnits;

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
    countByRule(context.request(), context.response());
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

  /**
   * The units DynamoDB's rules give for a successful call. An update is sized by the item it returns
   * (the stores ask for ALL_NEW, and their updates only grow an item); a transactional delete by one unit
   * per started kilobyte of an item we do not see, so at least the rule's minimum.
   */
  private void countByRule(SdkRequest request, SdkResponse response) {
    switch (response) {
      case GetItemResponse r -> ruleReadUnits += CapacityRules.readUnits(CapacityRules.itemBytes(r.item()),
          Boolean.TRUE.equals(((GetItemRequest) request).consistentRead()));
      case PutItemResponse r -> ruleWriteUnits += CapacityRules.writeUnits(
          CapacityRules.itemBytes(((PutItemRequest) request).item()));
      case UpdateItemResponse r -> ruleWriteUnits += CapacityRules.writeUnits(CapacityRules.itemBytes(r.attributes()));
      case TransactWriteItemsResponse r -> {
        for (TransactWriteItem item : ((TransactWriteItemsRequest) request).transactItems()) {
          long bytes = item.put() != null ? CapacityRules.itemBytes(item.put().item()) : 0;
          ruleWriteUnits += CapacityRules.TRANSACTION_FACTOR * CapacityRules.writeUnits(bytes);
        }
      }
      default -> { }
    }
  }

  synchronized void reset() {
    calls.clear();
    readUnits = 0;
    writeUnits = 0;
    ruleReadUnits = 0;
    ruleWriteUnits = 0;
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

  /** Read units by DynamoDB's published rules, from the sizes of the items read. */
  synchronized double ruleReadUnits() {
    return ruleReadUnits;
  }

  /** Write units by DynamoDB's published rules, from the sizes of the items written. */
  synchronized double ruleWriteUnits() {
    return ruleWriteUnits;
  }
}
