package org.punchgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.punchgate.lambda.SnapStartHooks;

/**
 * SnapStart restores many execution environments from one snapshot: each starts with the same memory,
 * and so with the same generator state. Two generators seeded alike stand for two such restores.
 */
class RestoredIdsTest {

  /** The generator state a snapshot captured: the same bytes in every restored environment. */
  private static SecureRandom snapshotState() throws NoSuchAlgorithmException {
    SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
    random.setSeed("state captured in the snapshot".getBytes(StandardCharsets.UTF_8));
    return random;
  }

  @Test
  void restoredEnvironmentsWithoutTheHookRepeatEachOthersIds() throws Exception {
    RandomIds first = new RandomIds(snapshotState());
    RandomIds second = new RandomIds(snapshotState());
    assertEquals(first.newId(), second.newId(), "the simulation is faithful: same state, same ids");
  }

  @Test
  void afterRestoreGivesEveryRestoredEnvironmentItsOwnIds() throws Exception {
    RandomIds first = new RandomIds(snapshotState());
    RandomIds second = new RandomIds(snapshotState());
    SnapStartHooks.register(() -> {}, first).afterRestore(null);
    SnapStartHooks.register(() -> {}, second).afterRestore(null);

    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100; i++) {
      String a = first.newId();
      String b = second.newId();
      assertNotEquals(a, b);
      seen.add(a);
      seen.add(b);
    }
    assertEquals(200, seen.size(), "no id repeats, within or across the two environments");
  }
}
