package org.punchgate.returnform;

import java.util.List;
import org.punchgate.cart.Cart;
import org.punchgate.session.Session;
import org.punchgate.validation.Violation;

/**
 * Turns a cart into the return form of one protocol (OCI, cXML, PEPPOL) for a session. A cart the protocol
 * cannot carry (a field too long, a missing mandatory value) yields violations naming line and field,
 * and no form.
 */
public interface CartRenderer {

  /** The form, or the violations that prevent it. {@code cancel}: the buyer left the shop without a cart. */
  Rendered render(Session session, Cart cart, boolean cancel);

  /** Whether the session only shows a cart and may not send one back (cXML {@code inspect}). */
  default boolean readOnly(Session session) {
    return false;
  }

  record Rendered(ReturnForm form, List<Violation> violations) {
    public static Rendered ok(ReturnForm form) {
      return new Rendered(form, List.of());
    }

    public static Rendered invalid(List<Violation> violations) {
      return new Rendered(null, List.copyOf(violations));
    }

    public boolean valid() {
      return violations.isEmpty();
    }
  }
}
