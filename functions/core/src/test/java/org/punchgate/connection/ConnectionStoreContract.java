package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.punchgate.testing.Fixtures;

/**
 * What every {@link ConnectionStore} must do: a subclass names the store and inherits every check. Ids and
 * cXML credentials are unique per test, so one store (one table) may serve all of them.
 */
public abstract class ConnectionStoreContract {

  /** The store under test; may be the same instance for every test. */
  protected abstract ConnectionStore store();

  private static String newId(String name) {
    return name + "-" + UUID.randomUUID();
  }

  @Test
  void findsAConnectionByIdAsItWasPut() {
    Connection oci = Fixtures.ociConnection(newId("oci5"), ConnectionFormat.OCI_5_0);
    store().put(oci);

    assertEquals(oci, store().find(oci.id()).orElseThrow());
    assertTrue(store().find(newId("unknown")).isEmpty());
  }

  @Test
  void anIdOrSenderLongerThanAnyKeyIsUnknownInsteadOfAnError() {
    // a DynamoDB key stops at 2048 bytes: longer ones must not reach the engine, which would fail the request
    assertTrue(store().find("c".repeat(2040)).isEmpty());
    assertTrue(store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", "x".repeat(2100))).isEmpty());
    assertTrue(store().findByAlias(ConnectionAlias.cxmlSender("d".repeat(2100), "AN-1")).isEmpty());
  }

  @Test
  void aSecondPutReplacesTheConnection() {
    Connection first = Fixtures.ociConnection(newId("replaced"), ConnectionFormat.OCI_4_0);
    store().put(first);
    Connection inactive = Fixtures.inactive(first);
    store().put(inactive);

    assertEquals(inactive, store().find(first.id()).orElseThrow());
  }

  @Test
  void findsACxmlConnectionByItsSenderAndDropsCredentialsItNoLongerHas() {
    String identity = "AN-" + UUID.randomUUID();
    String duns = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    Connection base = Fixtures.ociConnection(newId("cx"), ConnectionFormat.CXML);
    Connection cxml = withSender(base, "NetworkID", identity);
    store().put(cxml);

    assertEquals(cxml, store().findByAlias(ConnectionAlias.cxmlSender("networkid", identity)).orElseThrow(), "domain in any case");
    assertTrue(store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", identity.toLowerCase(java.util.Locale.ROOT))).isEmpty(),
        "identity exactly");

    store().put(withSender(base, "DUNS", duns));
    assertTrue(store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", identity)).isEmpty(), "the old credential no longer logs in");
    assertEquals(base.id(), store().findByAlias(ConnectionAlias.cxmlSender("duns", duns)).orElseThrow().id());
  }

  @Test
  void concurrentPutsLeaveOnlyTheAliasesOfTheConnectionThatWon() throws Exception {
    String identity = "AN-" + UUID.randomUUID();
    Connection base = Fixtures.ociConnection(newId("race"), ConnectionFormat.CXML);
    store().put(withSender(base, "NetworkID", identity + "-start"));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
      for (int writer = 0; writer < 2; writer++) {
        int w = writer;
        writers.add(pool.submit(() -> {
          for (int i = 0; i < 8; i++) {
            store().put(withSender(base, "NetworkID", identity + "-" + w + "-" + i));
          }
        }));
      }
      for (var f : writers) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Connection last = store().find(base.id()).orElseThrow();
    String winner = last.cxml().sender().getFirst().identity();
    List<String> stillLoggingIn = new java.util.ArrayList<>();
    for (String candidate : candidates(identity)) {
      if (store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", candidate)).isPresent()) {
        stillLoggingIn.add(candidate);
      }
    }
    assertEquals(List.of(winner), stillLoggingIn, "no alias of a lost write survives");
  }

  @Test
  void createsAtVersionOneAndRefusesAnIdThatExists() {
    Connection oci = Fixtures.ociConnection(newId("created"), ConnectionFormat.OCI_4_0);

    assertEquals(new ConnectionChange.Saved(new VersionedConnection(oci, 1)), store().create(oci));
    assertEquals(new VersionedConnection(oci, 1), store().read(oci.id()).orElseThrow());
    assertEquals(new ConnectionChange.AlreadyExists(1), store().create(Fixtures.inactive(oci)));
    assertEquals(oci, store().find(oci.id()).orElseThrow(), "the refused create changed nothing");
  }

  @Test
  void replacesOnlyTheVersionItWasGivenAndCountsUp() {
    Connection first = Fixtures.ociConnection(newId("versions"), ConnectionFormat.OCI_4_0);
    store().create(first);
    Connection inactive = Fixtures.inactive(first);

    assertEquals(new ConnectionChange.Saved(new VersionedConnection(inactive, 2)), store().replace(inactive, 1));
    assertEquals(new ConnectionChange.VersionConflict(2), store().replace(first, 1), "a stale version");
    assertEquals(new VersionedConnection(inactive, 2), store().read(first.id()).orElseThrow());
    assertEquals(new ConnectionChange.NotFound(),
        store().replace(Fixtures.ociConnection(newId("missing"), ConnectionFormat.OCI_4_0), 1));
  }

  @Test
  void aReplaceMovesTheAliasesInTheSameStep() {
    String identity = "AN-" + UUID.randomUUID();
    Connection base = Fixtures.ociConnection(newId("moves"), ConnectionFormat.CXML);
    store().create(withSender(base, "NetworkID", identity + "-old"));

    var saved = store().replace(withSender(base, "NetworkID", identity + "-new"), 1);

    assertInstanceOf(ConnectionChange.Saved.class, saved);
    assertTrue(store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", identity + "-old")).isEmpty());
    assertEquals(base.id(), store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", identity + "-new"))
        .orElseThrow().id());
  }

  @Test
  void refusesAnAliasThatAnotherConnectionHasAndChangesNothing() {
    String identity = "AN-" + UUID.randomUUID();
    Connection owner = withSender(Fixtures.ociConnection(newId("owner"), ConnectionFormat.CXML), "NetworkID", identity);
    store().create(owner);
    Connection other = Fixtures.ociConnection(newId("other"), ConnectionFormat.CXML);
    ConnectionAlias taken = ConnectionAlias.cxmlSender("NetworkID", identity);

    assertEquals(new ConnectionChange.AliasTaken(taken, owner.id()),
        store().create(withSender(other, "networkid", identity)));
    assertTrue(store().read(other.id()).isEmpty(), "the refused create left no connection behind");

    store().create(withSender(other, "NetworkID", identity + "-own"));
    assertEquals(new ConnectionChange.AliasTaken(taken, owner.id()),
        store().replace(withSender(other, "NetworkID", identity), 1));
    assertEquals(1, store().read(other.id()).orElseThrow().version());
    assertEquals(owner.id(), store().findByAlias(taken).orElseThrow().id());
    assertEquals(other.id(), store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", identity + "-own"))
        .orElseThrow().id(), "the refused replace kept the connection's own alias");
  }

  @Test
  void deletesTheVersionItWasGivenWithItsAliases() {
    String identity = "AN-" + UUID.randomUUID();
    Connection cxml = withSender(Fixtures.ociConnection(newId("deleted"), ConnectionFormat.CXML), "NetworkID", identity);
    store().create(cxml);
    store().replace(Fixtures.inactive(cxml), 1);

    assertEquals(new ConnectionChange.VersionConflict(2), store().delete(cxml.id(), 1));
    assertTrue(store().find(cxml.id()).isPresent());
    assertEquals(new ConnectionChange.Deleted(), store().delete(cxml.id(), 2));
    assertTrue(store().read(cxml.id()).isEmpty());
    assertTrue(store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", identity)).isEmpty());
    assertEquals(new ConnectionChange.NotFound(), store().delete(cxml.id(), 2));
    assertEquals(new ConnectionChange.Saved(new VersionedConnection(cxml, 1)), store().create(cxml),
        "the id and the alias are free again");
  }

  @Test
  void listsEveryConnectionWithItsVersionSortedById() {
    String prefix = newId("list") + "-";
    Connection b = Fixtures.ociConnection(prefix + "b", ConnectionFormat.OCI_4_0);
    Connection a = withSender(Fixtures.ociConnection(prefix + "a", ConnectionFormat.CXML), "NetworkID", prefix);
    store().create(b);
    store().create(a);
    store().replace(Fixtures.inactive(b), 1);

    List<VersionedConnection> mine = store().list().stream().filter(v -> v.id().startsWith(prefix)).toList();

    assertEquals(List.of(new VersionedConnection(a, 1), new VersionedConnection(Fixtures.inactive(b), 2)), mine,
        "one entry per connection: alias entries are not listed");
  }

  @Test
  void ofConcurrentReplacesOfOneVersionExactlyOneWins() throws Exception {
    String identity = "AN-" + UUID.randomUUID();
    Connection base = Fixtures.ociConnection(newId("one-wins"), ConnectionFormat.CXML);
    store().create(withSender(base, "NetworkID", identity + "-start"));
    int writers = 6;
    var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
    var start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<ConnectionChange>> results = new java.util.ArrayList<>();
    try {
      for (int w = 0; w < writers; w++) {
        Connection mine = withSender(base, "NetworkID", identity + "-" + w);
        results.add(pool.submit(() -> {
          start.await();
          return store().replace(mine, 1);
        }));
      }
      start.countDown();
      List<ConnectionChange> changes = new java.util.ArrayList<>();
      for (var r : results) {
        changes.add(r.get());
      }
      List<ConnectionChange> saved = changes.stream().filter(c -> c instanceof ConnectionChange.Saved).toList();
      assertEquals(1, saved.size(), "exactly one winner: " + changes);
      assertEquals(writers - 1, changes.stream().filter(new ConnectionChange.VersionConflict(2)::equals).count());
      Connection winner = ((ConnectionChange.Saved) saved.getFirst()).stored().connection();
      assertEquals(new VersionedConnection(winner, 2), store().read(base.id()).orElseThrow());
      for (int w = 0; w < writers; w++) {
        String candidate = identity + "-" + w;
        assertEquals(winner.cxml().sender().getFirst().identity().equals(candidate),
            store().findByAlias(ConnectionAlias.cxmlSender("NetworkID", candidate)).isPresent(), candidate);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPutCreatesOrReplacesWhateverTheVersion() {
    Connection oci = Fixtures.ociConnection(newId("put"), ConnectionFormat.OCI_4_0);

    assertEquals(new VersionedConnection(oci, 1), store().put(oci));
    assertEquals(new VersionedConnection(Fixtures.inactive(oci), 2), store().put(Fixtures.inactive(oci)));
  }

  private static List<String> candidates(String identity) {
    List<String> all = new java.util.ArrayList<>(List.of(identity + "-start"));
    for (int w = 0; w < 2; w++) {
      for (int i = 0; i < 8; i++) {
        all.add(identity + "-" + w + "-" + i);
      }
    }
    return all;
  }

  private static Connection withSender(Connection c, String domain, String identity) {
    var settings = new CxmlSettings(List.of(new CxmlCredential(domain, identity)),
        List.of(new CxmlCredential(domain, identity)), new CxmlCredential("DUNS", "999"), CxmlSettings.BASE64, null,
        List.of());
    return new Connection(c.id(), c.name(), true, ConnectionFormat.CXML, c.userGroup(), c.loginParameters(), null,
        c.secretHash(), c.allowedReturnOrigins(), c.shopStartUrl(), c.sessionLifetime(), c.fieldMapping(), c.unitMap(),
        c.defaultClassification(), settings);
  }
}
