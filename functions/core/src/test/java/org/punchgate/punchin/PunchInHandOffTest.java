package org.punchgate.punchin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.order.InMemoryOrderQueue;
import org.punchgate.order.Order;
import org.punchgate.order.OrderFixtures;
import org.punchgate.order.OrderHandOff;
import org.punchgate.order.OrderId;
import org.punchgate.order.PunchoutReference;
import org.punchgate.session.CallUp;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.session.OrderOutcome;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;

/**
 * The PunchIn hand-off on in-memory stores: an order of its own is written and sent once; an order that
 * completes a cart goes through the cart's own transaction and meets the order ping's order, never a second one.
 */
class PunchInHandOffTest {

  private final Fixtures.MutableClock clock = Fixtures.clock();
  private final InMemorySessionStore sessions = new InMemorySessionStore();
  private final InMemoryOrderQueue queue = new InMemoryOrderQueue();
  private final PunchInHandOff handOff = new PunchInHandOff(sessions, sessions,
      new OrderHandOff(queue, sessions.outbox(), clock, (id, step, error) -> { }), clock);
  private final Connection connection = Fixtures.ociConnection("kn", ConnectionFormat.OCI_4_0);

  private static Order order(OrderId id, String number, PunchoutReference cart) {
    Order o = OrderFixtures.fullPeppolOrder();
    return new Order(id, o.status(), o.source(), number, o.orderDate(), o.buyerReference(), "kn", o.customer(),
        o.buyerContact(), o.currency(), o.lines(), o.totals(), o.delivery(), cart, o.findings(), o.createdAt());
  }

  private String cart(SessionStatus status) {
    String id = "cart-" + status.name().toLowerCase();
    sessions.create(new Session(id, connection.withoutSecret(), "kn", SessionStatus.OPEN, clock.instant(),
        clock.instant().plus(Duration.ofMinutes(30)), new CallUp.Oci(Map.of()), Map.of(), null, null, null), null);
    if (status != SessionStatus.OPEN) {
      sessions.close(id, status, Fixtures.cart(Fixtures.line("1", "SKU-1", "Drill", "2", "99.90")), clock.instant());
    }
    return id;
  }

  @Test
  void anOrderOfItsOwnIsWrittenAndSentOnceHoweverOftenItIsHandedOff() {
    Order order = order(OrderId.forBuyerOrder("kn", "0088:1", "PO-1"), "PO-1", null);
    assertEquals(new PunchInImport.HandedOff.Stored(order.orderId()), handOff.handOff(order));
    assertEquals(new PunchInImport.HandedOff.Stored(order.orderId()), handOff.handOff(order));
    assertEquals(1, queue.sends());
    assertTrue(sessions.outbox().due(clock.instant().plusSeconds(3600), 10).isEmpty(), "marked sent");
  }

  @Test
  void aTransferredCartOfTheConnectionIsFoundAndNoOtherOne() {
    String transferred = cart(SessionStatus.TRANSFERRED);
    String open = cart(SessionStatus.OPEN);
    assertEquals(transferred, handOff.transferred("kn", transferred).orElseThrow().cartId());
    assertTrue(handOff.transferred("another-connection", transferred).isEmpty());
    assertTrue(handOff.transferred("kn", open).isEmpty(), "nothing was transferred yet");
    assertTrue(handOff.transferred("kn", "no-such-cart").isEmpty());
  }

  @Test
  void theOrderFirstCompletesTheCartAndThePingThenFindsIt() {
    String cart = cart(SessionStatus.TRANSFERRED);
    PunchoutReference ref = handOff.transferred("kn", cart).orElseThrow();
    Order order = order(OrderId.forCart(cart), "PO-2", ref);
    assertEquals(new PunchInImport.HandedOff.Stored(OrderId.forCart(cart)), handOff.handOff(order));
    assertEquals(SessionStatus.ORDERED, sessions.find(cart).orElseThrow().status());
    var ping = assertInstanceOf(OrderOutcome.AlreadyOrdered.class, sessions.order(cart, order, clock.instant()));
    assertEquals(OrderId.forCart(cart), ping.existing().orderId());
    assertEquals(1, queue.sends());
  }

  @Test
  void thePingFirstMakesTheOrderAndTheDocumentMeetsIt() {
    String cart = cart(SessionStatus.TRANSFERRED);
    PunchoutReference ref = handOff.transferred("kn", cart).orElseThrow();
    sessions.order(cart, order(OrderId.forCart(cart), "PO-3", ref), clock.instant()); // the ping's transaction
    assertEquals(new PunchInImport.HandedOff.Stored(OrderId.forCart(cart)),
        handOff.handOff(order(OrderId.forCart(cart), "PO-3", ref)));
    var other = assertInstanceOf(PunchInImport.HandedOff.CartOrderedElsewhere.class,
        handOff.handOff(order(OrderId.forCart(cart), "PO-OTHER", ref)));
    assertEquals("PO-3", other.existing().orderNumber());
    assertEquals(0, queue.sends(), "whoever wrote the order sends it: here the ping's own hand-off");
  }

  @Test
  void aCartCancelledMeanwhileIsGoneAndNothingIsWritten() {
    String cart = cart(SessionStatus.CANCELLED);
    Order order = order(OrderId.forCart(cart), "PO-4", new PunchoutReference(cart, cart, clock.instant()));
    assertInstanceOf(PunchInImport.HandedOff.CartGone.class, handOff.handOff(order));
    assertTrue(sessions.orders().isEmpty());
    assertEquals(0, queue.sends());
  }
}
