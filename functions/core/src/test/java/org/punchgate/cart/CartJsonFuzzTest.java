package org.punchgate.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import org.punchgate.json.Json;
import org.punchgate.testing.FuzzBudget;

/**
 * Fuzz target: the cart JSON reader with its validation, on any bytes a shop could post. The only refusal
 * that may be thrown is {@link Json.JsonSyntaxException} (answered 400); everything else is a list of
 * violations (422) or a cart that writes back to the same cart. Corpus: {@code CartJsonFuzzTestInputs/}.
 */
class CartJsonFuzzTest {

  @FuzzTest(maxDuration = "10m")
  void readsAnyBodyIntoACartOrPreciseProblems(byte[] body) {
    FuzzBudget.within(() -> {
      JsonNode root;
      try {
        root = Json.parse(body);
      } catch (Json.JsonSyntaxException refused) {
        assertNotNull(refused.getMessage());
        assertTrue(refused.getMessage().length() < 1000, "a syntax error never echoes much input");
        return;
      }
      CartJson.Submission submission = CartJson.read(root);
      if (!submission.valid()) {
        submission.violations().forEach(v -> assertTrue(v.toString().length() < 400, v::toString));
        return;
      }
      Cart cart = submission.cart();
      if (cart != null) {
        cart.itemTotal(); // every accepted amount is small enough to add up at once
        assertEquals(cart, CartJson.read(Json.parse(Json.write(CartJson.write(cart)))).cart(), "what we write reads back");
      }
    });
  }
}
