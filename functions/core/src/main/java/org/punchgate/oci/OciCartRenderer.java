package org.punchgate.oci;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.FieldMapping;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.validation.Violation;

/**
 * The OCI cart form (SPECS §1.1 steps 2–5, §1.2, §1.3): posted to the return URL without its query, the
 * query's parameters and the OCI 3.0 fixed fields first, then {@code NEW_ITEM-<FIELD>[n]} per item, in the
 * charset and frame the call-up asked for. {@code VALIDATE} returns the one requested item and submits
 * itself; {@code BACKGROUND_SEARCH} returns every item on a page that must not submit itself, since the
 * buyer's system reads it. A cancelled punchout posts the form without items so the buyer's system closes it.
 * Fields the connection's OCI version lacks are not sent, even when the connection maps them.
 */
public final class OciCartRenderer implements CartRenderer {

  /** Frame of an OCI 3.0 cart form when the call-up names none (SPECS §1.1 step 4). */
  static final String OCI_3_0_DEFAULT_TARGET = "_top";
  private static final String ITEM_PREFIX = "NEW_ITEM-";
  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(OciCartRenderer.class.getName());
  private static final List<String> ECHOED = List.of(OciCallUp.OK_CODE, OciCallUp.TARGET, OciCallUp.CALLER);

  @Override
  public Rendered render(Session session, Cart cart, boolean cancel) {
    OciVersion version = OciVersion.of(session.format());
    Charset charset = OciText.pageCharset(callUp(session, OciCallUp.HTTP_CONTENT_CHARSET));
    String hookUrl = callUp(session, OciCallUp.HOOK_URL);
    if (hookUrl == null || hookUrl.isBlank()) {
      return Rendered.invalid(List.of(new Violation("oci.session.hookUrl", OciCallUp.HOOK_URL, "the session has no return address")));
    }
    OciReturnAddress address = OciReturnAddress.of(hookUrl, charset);
    List<ReturnForm.Field> fields = new ArrayList<>();
    for (ReturnForm.Field field : address.queryFields()) {
      if (writtenByUs(session, field.name())) {
        LOG.warning(() -> "session " + session.id() + ": dropped return-URL query field " + logSafe(field.name())
            + ", a field the gateway writes itself");
      } else {
        fields.add(field);
      }
    }
    for (String name : ECHOED) {
      String value = callUp(session, name);
      if (value != null && fields.stream().noneMatch(f -> f.name().equalsIgnoreCase(name))) {
        fields.add(new ReturnForm.Field(name, value));
      }
    }
    String function = callUp(session, OciCallUp.FUNCTION);
    if (!cancel && cart != null) {
      List<Violation> violations = new ArrayList<>();
      addItems(session, cart, version, charset, function, fields, violations);
      if (!violations.isEmpty()) {
        return Rendered.invalid(violations);
      }
    }
    ReturnForm.Submit submit = OciFunction.BACKGROUND_SEARCH.name().equalsIgnoreCase(function)
        ? ReturnForm.Submit.MANUAL
        : ReturnForm.Submit.AUTOMATIC;
    return Rendered.ok(new ReturnForm(address.action(), target(session, version), charset, fields, submit));
  }

  /**
   * Whether a return-URL query name collides with a field we write: every {@code NEW_ITEM-*}, and an echo
   * field ({@code ~OkCode}, {@code ~TARGET}, {@code ~CALLER}) the call-up carries, so a query cannot put a
   * price ahead of the real one. A {@code ~} field only the query carries (SAP ITS addresses) stays.
   */
  private static boolean writtenByUs(Session session, String name) {
    if (name.regionMatches(true, 0, ITEM_PREFIX, 0, ITEM_PREFIX.length())) {
      return true;
    }
    return ECHOED.stream().anyMatch(echo -> echo.equalsIgnoreCase(name) && callUp(session, echo) != null);
  }

  /** A name as a log line may carry it: short, printable ASCII only. */
  private static String logSafe(String name) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < name.length() && i < 40; i++) {
      char c = name.charAt(i);
      out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?');
    }
    return out.toString();
  }

  private static void addItems(Session session, Cart cart, OciVersion version, Charset charset, String function,
      List<ReturnForm.Field> fields, List<Violation> violations) {
    FieldMapping mapping = OciDefaultMapping.of(session.connection());
    boolean validate = OciFunction.VALIDATE.name().equalsIgnoreCase(function);
    List<OciHierarchy.Item> items = validate
        ? validatedItem(cart, mapping, callUp(session, OciCallUp.PRODUCTID), violations)
        : OciHierarchy.order(cart.lines(), version == OciVersion.V5_0, violations);
    if (!violations.isEmpty()) {
      return;
    }
    OciItemWriter writer = new OciItemWriter(version, mapping, session.connection(), cart.currency(), charset,
        validate ? callUp(session, OciCallUp.QUANTITY) : null, validate ? null : session.cartId());
    for (OciHierarchy.Item item : items) {
      writer.write(item, fields, violations);
    }
  }

  /** VALIDATE answers with the one line of the requested product, or the only line (SPECS §1.2). */
  private static List<OciHierarchy.Item> validatedItem(Cart cart, FieldMapping mapping, String productId,
      List<Violation> violations) {
    List<CartLine> lines = cart.lines();
    for (int i = 0; i < lines.size(); i++) {
      CartLine line = lines.get(i);
      if (productId != null && (productId.equals(line.sku())
          || productId.equals(mapping.resolve(OciField.EXT_PRODUCT_ID.target(), line)))) {
        return List.of(new OciHierarchy.Item(i, line, 1, null, null, List.of()));
      }
    }
    if (lines.size() == 1) {
      return List.of(new OciHierarchy.Item(0, lines.getFirst(), 1, null, null, List.of()));
    }
    if (!lines.isEmpty()) {
      violations.add(new Violation("oci.validate.productInCart", OciCallUp.PRODUCTID, "VALIDATE asked for product " + productId
          + ", which is not one line of the cart"));
    }
    return List.of();
  }

  private static String target(Session session, OciVersion version) {
    String returnTarget = callUp(session, OciCallUp.RETURN_TARGET);
    if (returnTarget != null && !returnTarget.isBlank()) {
      return returnTarget;
    }
    String target = callUp(session, OciCallUp.TARGET);
    if (target != null && !target.isBlank()) {
      return target;
    }
    return version == OciVersion.V3_0 ? OCI_3_0_DEFAULT_TARGET : null;
  }

  /** A call-up value by its OCI name; other spellings ({@code ~target}) are tolerated (SPECS §5). */
  private static String callUp(Session session, String name) {
    return session.callUp() instanceof CallUp.Oci oci ? oci.parameter(name) : null;
  }
}
