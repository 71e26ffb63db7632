package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.punchgate.cxml.CxmlCredential;
import org.punchgate.cxml.CxmlSettings;
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

    assertEquals(cxml, store().findByCxmlSender("networkid", identity).orElseThrow(), "domain in any case");
    assertTrue(store().findByCxmlSender("NetworkID", identity.toLowerCase(java.util.Locale.ROOT)).isEmpty(),
        "identity exactly");

    store().put(withSender(base, "DUNS", duns));
    assertTrue(store().findByCxmlSender("NetworkID", identity).isEmpty(), "the old credential no longer logs in");
    assertEquals(base.id(), store().findByCxmlSender("duns", duns).orElseThrow().id());
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
