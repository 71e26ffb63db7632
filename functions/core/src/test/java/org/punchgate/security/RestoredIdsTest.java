package org.punchgate.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.ConnectionSecrets;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.connection.NewSecret;
import org.punchgate.lambda.SnapStartHooks;
import org.punchgate.testing.Fixtures;

/**
 * SnapStart restores many execution environments from one snapshot: each starts with the same memory,
 * and so with the same generator state. Two generators seeded alike stand for two such restores.
 */
class RestoredIdsTest {

  private static final byte[] SECRET_HASH_KEY = "restored-ids-test-key-of-32-bytes!".getBytes(StandardCharsets.UTF_8);

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

  /**
   * The secret the admin function generates for a connection in one restored environment: its
   * {@link ConnectionSecrets} draws from the wiring's ids, the generator the restore hook renews.
   */
  private static String generatedSecret(RandomIds ids, boolean restoreHookRun) throws Exception {
    if (restoreHookRun) {
      SnapStartHooks.register(() -> {}, ids).afterRestore(null);
    }
    var store = new InMemoryConnectionStore();
    store.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    var clock = Fixtures.clock();
    var secrets = new ConnectionSecrets(store, new SecretVerifier(SECRET_HASH_KEY, clock), ids, clock);
    return assertInstanceOf(ConnectionSecrets.Outcome.Saved.class, secrets.setSecret("oci", new NewSecret(null, 0)))
        .generatedSecret();
  }

  @Test
  void restoredAdminFunctionsWithoutTheHookHandOutTheSameGeneratedSecret() throws Exception {
    assertEquals(generatedSecret(new RandomIds(snapshotState()), false),
        generatedSecret(new RandomIds(snapshotState()), false), "the simulation is faithful for secrets too");
  }

  @Test
  void afterRestoreGivesEveryRestoredAdminFunctionItsOwnGeneratedSecrets() throws Exception {
    String first = generatedSecret(new RandomIds(snapshotState()), true);
    String second = generatedSecret(new RandomIds(snapshotState()), true);
    assertNotEquals(first, second);
  }
}
