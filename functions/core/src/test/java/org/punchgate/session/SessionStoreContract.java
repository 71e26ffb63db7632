package org.punchgate.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.testing.Fixtures;

/**
 * What every {@link SessionStore} must do, whatever keeps the sessions: a subclass names the store (in
 * memory, DynamoDB on moto, on LocalStack, ...) and inherits every check. Ids are unique per test, so one
 * store (one table) may serve all of them.
 */
public abstract class SessionStoreContract {

  /** The store under test; may be the same instance for every test. */
  protected abstract SessionStore store();

  private static String newId(String name) {
    return name + "-" + UUID.randomUUID();
  }

  static Session session(String id) {
    return session(id, null);
  }

  private static Session session(String id, Cart initialCart) {
    return new Session(id, Fixtures.ociConnection("oci4", ConnectionFormat.OCI_4_0).withoutSecret(), "oci4",
        SessionStatus.OPEN, Fixtures.NOW, Fixtures.NOW.plus(Duration.ofMinutes(30)),
        new CallUp.Oci(Map.of("HOOK_URL", "https://srm.example.com/hook?a=1")), Map.of("UserEmail", "b@acme.example"), initialCart,
        null, null);
  }

  private static Cart cart(String sku) {
    return Fixtures.cart(Fixtures.line("1", sku, "Drill", "2", "99.90"));
  }

  @Test
  void createsASessionOnlyOnceAndKeepsTheFirst() {
    String id = newId("create");
    store().create(session(id), null);
    Session other = new Session(id, session(id).connection(), "someone-else", SessionStatus.OPEN, Fixtures.NOW,
        Fixtures.NOW.plusSeconds(60), new CallUp.Oci(Map.of()), Map.of(), null, null, null);

    assertThrows(RuntimeException.class, () -> store().create(other, null));
    assertEquals(session(id), store().find(id).orElseThrow());
    assertTrue(store().find(newId("never-created")).isEmpty());
  }

  @Test
  void closesExactlyOnceAndSaysWhyNot() {
    String id = newId("close");
    store().create(session(id), null);
    Cart cart = cart("SKU-1");

    var outcome = assertInstanceOf(TransferOutcome.Transferred.class,
        store().close(id, SessionStatus.TRANSFERRED, cart, Fixtures.NOW.plusSeconds(60)));
    assertEquals(cart, outcome.session().transferredCart());
    assertEquals(SessionStatus.TRANSFERRED, outcome.session().status());
    assertEquals(new TransferOutcome.AlreadyClosed(SessionStatus.TRANSFERRED, cart),
        store().close(id, SessionStatus.CANCELLED, Fixtures.cart(), Fixtures.NOW.plusSeconds(61)),
        "with the cart that closed it");
    assertEquals(new TransferOutcome.NotFound(),
        store().close(newId("missing"), SessionStatus.TRANSFERRED, cart, Fixtures.NOW));
  }

  @Test
  void refusesToCloseAnExpiredSessionAndLeavesItOpen() {
    String id = newId("expired");
    store().create(session(id), null);

    assertEquals(new TransferOutcome.Expired(), store().close(id, SessionStatus.TRANSFERRED, cart("SKU-1"),
        Fixtures.NOW.plus(Duration.ofMinutes(31))));
    assertEquals(SessionStatus.OPEN, store().find(id).orElseThrow().status());
  }

  @Test
  void aReplayedTransferFindsTheSessionClosedWithTheFirstCart() {
    String id = newId("replay");
    store().create(session(id), null);
    Cart first = cart("SKU-FIRST");
    store().close(id, SessionStatus.TRANSFERRED, first, Fixtures.NOW.plusSeconds(10));

    assertEquals(new TransferOutcome.AlreadyClosed(SessionStatus.TRANSFERRED, first),
        store().close(id, SessionStatus.TRANSFERRED, first, Fixtures.NOW.plusSeconds(20)), "an identical retry");
    assertEquals(new TransferOutcome.AlreadyClosed(SessionStatus.TRANSFERRED, first),
        store().close(id, SessionStatus.TRANSFERRED, cart("SKU-OTHER"), Fixtures.NOW.plusSeconds(30)), "another cart");
    Session stored = store().find(id).orElseThrow();
    assertEquals(first, stored.transferredCart(), "the caller compares the replay with what was kept");
    assertEquals(Fixtures.NOW.plusSeconds(10), stored.transferredAt());
  }

  @Test
  void concurrentClosesLetExactlyOneCartThrough() throws Exception {
    String id = newId("race");
    store().create(session(id), null);
    int contenders = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<TransferOutcome>> closes = new ArrayList<>();
    for (int i = 0; i < contenders; i++) {
      Cart cart = cart("SKU-" + i);
      closes.add(() -> {
        start.await();
        return store().close(id, SessionStatus.TRANSFERRED, cart, Fixtures.NOW.plusSeconds(5));
      });
    }
    List<TransferOutcome> outcomes = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(contenders)) {
      List<Future<TransferOutcome>> futures = closes.stream().map(pool::submit).toList();
      start.countDown();
      for (Future<TransferOutcome> f : futures) {
        outcomes.add(f.get());
      }
    }

    List<TransferOutcome.Transferred> winners = outcomes.stream()
        .filter(TransferOutcome.Transferred.class::isInstance).map(TransferOutcome.Transferred.class::cast).toList();
    assertEquals(1, winners.size(), outcomes.toString());
    // each loser is told which cart won, so that an identical retry that lost the race still gets its page
    assertEquals(contenders - 1, outcomes.stream()
        .filter(new TransferOutcome.AlreadyClosed(SessionStatus.TRANSFERRED, winners.getFirst().session().transferredCart())::equals)
        .count(), outcomes.toString());
    assertEquals(winners.getFirst().session().transferredCart(), store().find(id).orElseThrow().transferredCart());
  }

  @Test
  void keepsTheLargestAllowedCartCompressedAndRefusesOneThatCannotFit() {
    List<CartLine> lines = new ArrayList<>();
    for (int i = 1; i <= CartJson.MAX_LINES; i++) {
      lines.add(Fixtures.line(Integer.toString(i), "SKU-" + i, "Industrial product number " + i + " with a description",
          Integer.toString(i), "12.34"));
    }
    Cart big = new Cart("EUR", lines, null, null);
    String id = newId("big");
    store().create(session(id), null);
    var closed = assertInstanceOf(TransferOutcome.Transferred.class,
        store().close(id, SessionStatus.TRANSFERRED, big, Fixtures.NOW));
    assertEquals(big, closed.session().transferredCart());
    assertEquals(big, store().find(id).orElseThrow().transferredCart());

    // random text barely compresses: 300 lines of it are more than a session may keep
    Random random = new Random(7);
    List<CartLine> noise = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      byte[] bytes = new byte[900];
      random.nextBytes(bytes);
      noise.add(Fixtures.line(Integer.toString(i), "N-" + i, Base64.getEncoder().encodeToString(bytes), "1", "1"));
    }
    String noisy = newId("noise");
    store().create(session(noisy), null);
    assertInstanceOf(TransferOutcome.TooLarge.class,
        store().close(noisy, SessionStatus.TRANSFERRED, new Cart("EUR", noise, null, null), Fixtures.NOW));
    assertEquals(SessionStatus.OPEN, store().find(noisy).orElseThrow().status(), "nothing changed");
  }

  @Test
  void keepsALargeSessionDocumentWhole() {
    // a cXML edit session carries the buyer's cart: hundreds of lines make a document stored compressed
    List<CartLine> lines = new ArrayList<>();
    for (int i = 1; i <= 400; i++) {
      lines.add(Fixtures.line(Integer.toString(i), "EDIT-" + i, "Line the buyer had in the cart, number " + i, "1", "5.00"));
    }
    String id = newId("edit");
    Session large = session(id, new Cart("EUR", lines, null, null));
    store().create(large, null);

    assertEquals(large, store().find(id).orElseThrow());
    var closed = assertInstanceOf(TransferOutcome.Transferred.class,
        store().close(id, SessionStatus.CANCELLED, Fixtures.cart(), Fixtures.NOW));
    assertEquals(large.initialCart(), closed.session().initialCart());
  }

  @Test
  void redeemsAStartTicketOnlyOnceAndOnlyInTime() {
    String id = newId("ticket");
    store().create(session(id), new SessionStore.StartTicket("t-1", Fixtures.NOW.plusSeconds(300)));
    assertTrue(store().redeemStartTicket(id, "wrong", Fixtures.NOW).isEmpty());
    assertEquals(session(id), store().redeemStartTicket(id, "t-1", Fixtures.NOW).orElseThrow());
    assertTrue(store().redeemStartTicket(id, "t-1", Fixtures.NOW).isEmpty(), "single use");

    String late = newId("late-ticket");
    store().create(session(late), new SessionStore.StartTicket("t-2", Fixtures.NOW.plusSeconds(300)));
    assertTrue(store().redeemStartTicket(late, "t-2", Fixtures.NOW.plusSeconds(301)).isEmpty(), "expired ticket");
  }
}
