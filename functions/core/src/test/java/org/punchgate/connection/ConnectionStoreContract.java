package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
