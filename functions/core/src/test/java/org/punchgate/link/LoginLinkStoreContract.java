package org.punchgate.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every login link store does, in memory or in DynamoDB: subclasses give the store. */
public abstract class LoginLinkStoreContract {

  protected abstract LoginLinkStore store();

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

  private static LoginLink link(String connectionId, Instant createdAt, Instant expiresAt) {
    return new LoginLink(LoginLinks.idOf(UUID.randomUUID().toString()), connectionId, "https://buyer.example/return",
        "ref-1", createdAt, expiresAt, null);
  }

  @Test
  void aCreatedLinkIsFoundByItsIdAndListedForItsConnectionOnly() {
    LoginLinkStore store = store();
    String connection = "c-" + UUID.randomUUID();
    LoginLink first = link(connection, T0, null);
    LoginLink second = link(connection, T0.plusSeconds(5), T0.plusSeconds(3600));
    store.create(first);
    store.create(second);
    store.create(link("other-" + UUID.randomUUID(), T0, null));
    assertEquals(first, store.find(first.id()).orElseThrow());
    assertEquals(List.of(first, second), store.byConnection(connection));
    assertTrue(store.find(LoginLinks.idOf("never made")).isEmpty());
  }

  @Test
  void revocationHappensOnceAndAnUnknownLinkIsNotFound() {
    LoginLinkStore store = store();
    LoginLink link = link("c-" + UUID.randomUUID(), T0, null);
    store.create(link);
    var revoked = assertInstanceOf(LoginLinkStore.Revocation.Revoked.class, store.revoke(link.id(), T0.plusSeconds(60)));
    assertEquals(T0.plusSeconds(60), revoked.link().revokedAt());
    var again = assertInstanceOf(LoginLinkStore.Revocation.AlreadyRevoked.class,
        store.revoke(link.id(), T0.plusSeconds(120)));
    assertEquals(T0.plusSeconds(60), again.link().revokedAt(), "the first revocation stands");
    assertEquals(T0.plusSeconds(60), store.find(link.id()).orElseThrow().revokedAt());
    assertInstanceOf(LoginLinkStore.Revocation.NotFound.class, store.revoke(LoginLinks.idOf("nope"), T0));
  }
}
