package org.punchgate.connection;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.punchgate.validation.Violation;

/**
 * A new secret as an administrator asks for it (README "Users and secrets"): a chosen one ({@code chosen}), or
 * one Punchgate generates ({@code chosen} null), and how long the previous secret keeps working.
 */
public record NewSecret(String chosen, int overlapMinutes) {

  public static final int DEFAULT_OVERLAP_MINUTES = 60;
  /** A week: long enough for a buyer's change process, short enough that a leaked old secret dies soon. */
  public static final int MAX_OVERLAP_MINUTES = 7 * 24 * 60;
  /** The shortest chosen secret accepted; longer ones are stronger, generated ones best. */
  public static final int MIN_CHOSEN_CHARS = 12;
  public static final int MAX_SECRET_CHARS = 1024;

  /** A request body read: the new secret, or every problem with it. */
  public sealed interface Read {
    record Valid(NewSecret secret) implements Read {}

    record Invalid(List<Violation> problems) implements Read {}
  }

  public boolean generated() {
    return chosen == null;
  }

  @Override
  public String toString() {
    return "NewSecret[" + (chosen == null ? "generated" : "chosen=***") + ", overlapMinutes=" + overlapMinutes + "]";
  }

  /**
   * Reads {@code {"generate": true}} or {@code {"secret": "..."}} with an optional {@code "overlapMinutes"}; every
   * problem at once, unknown fields refused.
   */
  public static Read read(JsonNode body) {
    List<Violation> problems = new ArrayList<>();
    if (body == null || !body.isObject()) {
      return new Read.Invalid(List.of(new Violation("secret.object", "$",
          "the body is {\"generate\": true} or {\"secret\": \"...\"}, with \"overlapMinutes\" if wanted")));
    }
    for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!List.of("generate", "secret", "overlapMinutes").contains(name)) {
        problems.add(new Violation("secret.unknown", "$." + name,
            "unknown field " + name + "; known here: generate, overlapMinutes, secret"));
      }
    }
    JsonNode generate = body.get("generate");
    JsonNode secret = body.get("secret");
    boolean wantsGenerated = generate != null && generate.isBoolean() && generate.asBoolean();
    if (generate != null && !generate.isBoolean()) {
      problems.add(new Violation("secret.type", "$.generate", "generate must be true or false"));
    }
    String chosen = null;
    if (secret != null && !secret.isNull()) {
      if (!secret.isTextual()) {
        problems.add(new Violation("secret.type", "$.secret", "secret must be text"));
      } else if (wantsGenerated) {
        problems.add(new Violation("secret.choice", "$.secret", "give either a secret or generate: true, not both"));
      } else if (secret.asText().length() < MIN_CHOSEN_CHARS || secret.asText().length() > MAX_SECRET_CHARS) {
        problems.add(new Violation("secret.length", "$.secret", "a chosen secret has " + MIN_CHOSEN_CHARS + " to "
            + MAX_SECRET_CHARS + " characters (or let Punchgate generate one: {\"generate\": true})"));
      } else {
        chosen = secret.asText();
      }
    } else if (!wantsGenerated && generate != null && generate.isBoolean()) {
      problems.add(new Violation("secret.choice", "$.generate", "generate: false needs a secret"));
    } else if (!wantsGenerated && problems.isEmpty()) {
      problems.add(new Violation("secret.choice", "$", "give a secret or generate: true"));
    }
    int overlap = DEFAULT_OVERLAP_MINUTES;
    JsonNode overlapNode = body.get("overlapMinutes");
    if (overlapNode != null && !overlapNode.isNull()) {
      if (!overlapNode.canConvertToInt() || !overlapNode.isIntegralNumber()
          || overlapNode.asInt() < 0 || overlapNode.asInt() > MAX_OVERLAP_MINUTES) {
        problems.add(new Violation("secret.overlap", "$.overlapMinutes", "overlapMinutes is a whole number from 0 (the"
            + " old secret stops now) to " + MAX_OVERLAP_MINUTES + " (a week)"));
      } else {
        overlap = overlapNode.asInt();
      }
    }
    return problems.isEmpty() ? new Read.Valid(new NewSecret(chosen, overlap)) : new Read.Invalid(problems);
  }
}
