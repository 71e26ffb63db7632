package org.punchgate.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;
import org.punchgate.punchin.PunchInJson;
import org.punchgate.punchin.ShopCustomer;
import org.punchgate.punchin.ShopPrice;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The batched price read under throttling, which no local engine simulates: DynamoDB answers part of a batch
 * and returns the rest as UnprocessedKeys, and the store asks again for exactly those.
 */
class DynamoDbPunchInMappingsTest {

  @Test
  void asksAgainForUnprocessedKeysUntilEveryPriceIsRead() {
    List<Integer> asked = new ArrayList<>();
    DynamoDbClient throttled = new DynamoDbClient() {
      @Override
      public BatchGetItemResponse batchGetItem(Consumer<BatchGetItemRequest.Builder> request) {
        BatchGetItemRequest.Builder b = BatchGetItemRequest.builder();
        request.accept(b);
        List<Map<String, AttributeValue>> keys = b.build().requestItems().get("t").keys();
        asked.add(keys.size());
        // answers the first key of each call only, like a throttled table
        Map<String, AttributeValue> first = keys.get(0);
        List<Map<String, AttributeValue>> rest = keys.subList(1, keys.size());
        String sku = first.get(TableKeys.PK).s().substring("PRICE#".length());
        ShopPrice price = new ShopPrice(sku, ShopPrice.Scope.LIST, null, "EUR", BigDecimal.ONE, null, null, null, null);
        Map<String, AttributeValue> item = Map.of(TableKeys.PK, first.get(TableKeys.PK), TableKeys.SK,
            first.get(TableKeys.SK), "doc", AttributeValue.fromS("[" + Json.write(PunchInJson.write(price)) + "]"));
        var response = BatchGetItemResponse.builder().responses(Map.of("t", List.of(item)));
        if (!rest.isEmpty()) {
          response.unprocessedKeys(Map.of("t", KeysAndAttributes.builder().keys(rest).build()));
        }
        return response.build();
      }

      @Override
      public String serviceName() {
        return "dynamodb";
      }

      @Override
      public void close() {}
    };
    var store = new DynamoDbPunchInMappings(throttled, "t");
    List<ShopPrice> prices = store.prices(new ShopCustomer("C", null, null, List.of(), List.of()), List.of("A", "B"));
    // A and B: customer and list keys each, 4 keys; one answered per call
    assertEquals(List.of(4, 3, 2, 1), asked);
    assertEquals(4, prices.size());
  }
}
