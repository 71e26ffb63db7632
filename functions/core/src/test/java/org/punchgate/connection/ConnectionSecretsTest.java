package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretVerifier;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.ForwardingConnectionStore;
import org.punchgate.validation.Violation;

class ConnectionSecretsTest {

  private static final byte[] KEY = "connection-secrets-test-key-32-bytes".getBytes(StandardCharsets.UTF_8);
  private final Fixtures.MutableClock clock = Fixtures.clock();
  private final SecretVerifier verifier = new SecretVerifier(KEY, clock);
  private final InMemoryConnectionStore store = new InMemoryConnectionStore();
  private final ConnectionSecrets secrets = new ConnectionSecrets(store, verifier, new RandomIds(), clock);

  private static NewSecret generated(int overlapMinutes) {
    return new NewSecret(null, overlapMinutes);
  }

  private boolean logsIn(String connectionId, String username, String secret) {
    return PasswordCheck.user(store.find(connectionId).orElseThrow(), username, secret, verifier).isPresent();
  }

  private long version(String connectionId) {
    return store.read(connectionId).orElseThrow().version();
  }

  @Test
  void aGeneratedSecretIsShownOnceStoredKeyedAndWorksAtOnce() {
    store.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    long before = version("oci");
    var saved = assertInstanceOf(ConnectionSecrets.Outcome.Saved.class, secrets.setSecret("oci", generated(0)));

    assertEquals(before + 1, saved.version());
    assertEquals(32, saved.generatedSecret().length(), "192 random bits");
    String stored = store.find("oci").orElseThrow().secretHash();
    assertTrue(stored.startsWith("hmac-sha256$") && !stored.contains(" "), stored);
    assertFalse(Json.write(ConnectionJson.write(store.find("oci").orElseThrow())).contains(saved.generatedSecret()));
    assertTrue(logsIn("oci", "oci", saved.generatedSecret()));
    assertFalse(logsIn("oci", "oci", "oci-pass"), "overlap 0: the old secret stops now");
    assertNull(saved.previousValidUntil());
    assertFalse(saved.toString().contains(saved.generatedSecret()), "never in a log line");
  }

  @Test
  void aChosenSecretKeepsPbkdf2AndIsNeverHandedBack() {
    store.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    var saved = assertInstanceOf(ConnectionSecrets.Outcome.Saved.class,
        secrets.setSecret("oci", new NewSecret("a long chosen secret", 0)));
    assertNull(saved.generatedSecret());
    assertTrue(store.find("oci").orElseThrow().secretHash().startsWith("pbkdf2-sha256$"));
    assertTrue(logsIn("oci", "oci", "a long chosen secret"));
  }

  @Test
  void duringTheOverlapOldAndNewBothWorkAndAfterItOnlyTheNew() {
    store.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    var saved = assertInstanceOf(ConnectionSecrets.Outcome.Saved.class, secrets.setSecret("oci", generated(90)));

    assertEquals(Fixtures.NOW.plus(Duration.ofMinutes(90)), saved.previousValidUntil());
    assertTrue(logsIn("oci", "oci", saved.generatedSecret()));
    assertTrue(logsIn("oci", "oci", "oci-pass"), "the old secret in the overlap");
    clock.advance(Duration.ofMinutes(90));
    assertTrue(logsIn("oci", "oci", saved.generatedSecret()));
    assertFalse(logsIn("oci", "oci", "oci-pass"), "and not after it");
  }

  @Test
  void theCxmlSharedSecretRotatesPerConnection() {
    store.put(Fixtures.cxmlConnection("cx", CxmlSettings.BASE64));
    var saved = assertInstanceOf(ConnectionSecrets.Outcome.Saved.class, secrets.setSecret("cx", generated(60)));
    String stored = store.find("cx").orElseThrow().secretHash();
    assertTrue(verifier.verify(saved.generatedSecret(), stored));
    assertTrue(verifier.verify("demo-cxml-secret", stored));
    assertInstanceOf(ConnectionSecrets.Outcome.Refused.class, secrets.putUser("cx", "anna", generated(0)),
        "cXML has no users");
  }

  @Test
  void anAddedUserLogsInAndADeletedOneNoLonger() {
    store.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    var added = assertInstanceOf(ConnectionSecrets.Outcome.Saved.class, secrets.putUser("oci", "anna", generated(60)));
    assertTrue(added.newUser());
    assertNull(added.previousValidUntil(), "a new user has no previous secret");
    assertTrue(logsIn("oci", "anna", added.generatedSecret()));
    assertTrue(logsIn("oci", "oci", "oci-pass"), "the first user is untouched");

    var rotated = assertInstanceOf(ConnectionSecrets.Outcome.Saved.class,
        secrets.putUser("oci", "anna", new NewSecret("anna's own secret", 60)));
    assertFalse(rotated.newUser());
    assertTrue(logsIn("oci", "anna", "anna's own secret"));
    assertTrue(logsIn("oci", "anna", added.generatedSecret()), "in the overlap");

    assertInstanceOf(ConnectionSecrets.Outcome.UserDeleted.class, secrets.deleteUser("oci", "anna"));
    assertFalse(logsIn("oci", "anna", "anna's own secret"));
    assertInstanceOf(ConnectionSecrets.Outcome.UnknownUser.class, secrets.deleteUser("oci", "anna"));
  }

  @Test
  void whenTheFirstUserGoesTheNextIsFirstAndTheLastUserStays() {
    store.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    var anna = assertInstanceOf(ConnectionSecrets.Outcome.Saved.class, secrets.putUser("oci", "anna", generated(0)));
    assertInstanceOf(ConnectionSecrets.Outcome.UserDeleted.class, secrets.deleteUser("oci", "oci"));
    Connection now = store.find("oci").orElseThrow();
    assertEquals("anna", now.username());
    assertEquals(List.of(), now.moreUsers());
    assertTrue(logsIn("oci", "anna", anna.generatedSecret()));
    assertInstanceOf(ConnectionSecrets.Outcome.LastUser.class, secrets.deleteUser("oci", "anna"));
    assertTrue(logsIn("oci", "anna", anna.generatedSecret()));
  }

  @Test
  void unknownConnectionsAndBadNamesChangeNothing() {
    assertInstanceOf(ConnectionSecrets.Outcome.UnknownConnection.class, secrets.setSecret("nope", generated(0)));
    store.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    long before = version("oci");
    assertInstanceOf(ConnectionSecrets.Outcome.Refused.class, secrets.putUser("oci", " anna", generated(0)));
    assertInstanceOf(ConnectionSecrets.Outcome.Refused.class, secrets.putUser("oci", "x".repeat(257), generated(0)));
    assertEquals(before, version("oci"));
  }

  @Test
  void aConcurrentChangeIsReadAgainAndAfterThreeAttemptsReportedAsAConflict() {
    store.put(Fixtures.ociConnection("oci", ConnectionFormat.OCI_4_0));
    var racing = new RacingStore(store, 2);
    var retried = new ConnectionSecrets(racing, verifier, new RandomIds(), clock);
    var saved = assertInstanceOf(ConnectionSecrets.Outcome.Saved.class, retried.putUser("oci", "anna", generated(0)));
    assertTrue(logsIn("oci", "anna", saved.generatedSecret()), "stored on the third attempt");

    var alwaysRacing = new ConnectionSecrets(new RacingStore(store, Integer.MAX_VALUE), verifier, new RandomIds(), clock);
    var conflict = assertInstanceOf(ConnectionSecrets.Outcome.Conflict.class, alwaysRacing.putUser("oci", "bo", generated(0)));
    assertEquals(version("oci"), conflict.currentVersion());
    assertTrue(PasswordCheck.user(store.find("oci").orElseThrow(), "bo", "x", verifier).isEmpty());
  }

  @Test
  void aRequestBodyIsReadWithEveryProblemAtOnce() {
    assertEquals(new NewSecret.Read.Valid(generated(60)),
        NewSecret.read(Json.parse("{\"generate\": true}")));
    assertEquals(new NewSecret.Read.Valid(new NewSecret("twelve chars", 0)),
        NewSecret.read(Json.parse("{\"secret\": \"twelve chars\", \"overlapMinutes\": 0}")));
    var invalid = assertInstanceOf(NewSecret.Read.Invalid.class, NewSecret.read(Json.parse(
        "{\"generate\": true, \"secret\": \"x\", \"overlapMinutes\": 10081, \"overlap\": 5}")));
    assertEquals(List.of("$.overlap", "$.secret", "$.overlapMinutes"),
        invalid.problems().stream().map(Violation::location).toList());
    var missing = assertInstanceOf(NewSecret.Read.Invalid.class, NewSecret.read(Json.parse("{}")));
    assertEquals("$: give a secret or generate: true", missing.problems().get(0).toString());
    var tooShort = assertInstanceOf(NewSecret.Read.Invalid.class,
        NewSecret.read(Json.parse("{\"secret\": \"short\"}")));
    assertTrue(tooShort.problems().get(0).message().startsWith("a chosen secret has 12 to 1024 characters"));
  }

  /** A store in which another writer changes the connection between each read and replace, {@code races} times. */
  private static final class RacingStore extends ForwardingConnectionStore {
    private final InMemoryConnectionStore store;
    private final AtomicInteger racesLeft;

    RacingStore(InMemoryConnectionStore store, int races) {
      super(store);
      this.store = store;
      this.racesLeft = new AtomicInteger(races);
    }

    @Override
    public ConnectionChange replace(Connection connection, long expectedVersion) {
      if (racesLeft.getAndDecrement() > 0) {
        store.put(store.find(connection.id()).orElseThrow()); // someone else's change: one version more
      }
      return super.replace(connection, expectedVersion);
    }
  }
}
