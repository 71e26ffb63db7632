package org.punchgate.oci;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.connection.Connection;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.MappingPreview;
import org.punchgate.connection.MappingTarget;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;

/**
 * The OCI fields a connection's field mapping can fill, per version, for the admin page: names, lengths and kinds
 * from {@link OciField}, defaults from {@link OciDefaultMapping}; and one cart rendered through a draft mapping by
 * the real {@link OciCartRenderer}, so the page previews what a buyer's system would receive.
 */
public final class OciMappingTargets {

  /** The preview's session id, which the form carries as the cart id (EXT_QUOTE_ID): says what it stands for. */
  private static final String PREVIEW_SESSION = "cart-id";
  /** Where the preview's form would go: never contacted, the renderer only needs a return address. */
  private static final String PREVIEW_HOOK_URL = "https://buyer.example/oci-hook";

  private OciMappingTargets() {}

  /** The fields of {@code version} in the specification's order. */
  public static List<MappingTarget> of(OciVersion version) {
    FieldMapping defaults = OciDefaultMapping.forVersion(version);
    List<MappingTarget> targets = new ArrayList<>();
    for (OciField field : OciField.values()) {
      if (field.isIn(version)) {
        int length = field.maxLength(version);
        // QUANTITY is the one field every item needs whatever else it has (SPECS §1.3, OciFieldRules)
        targets.add(new MappingTarget(field.target(), length == Integer.MAX_VALUE ? null : length,
            field == OciField.QUANTITY, defaults.sourceOf(field.target())));
      }
    }
    return targets;
  }

  /** The first line of {@code cart} as the OCI form of {@code connection} carries it, by target name. */
  public static MappingPreview preview(Connection connection, Cart cart) {
    var now = Instant.EPOCH;
    Session session = new Session(PREVIEW_SESSION, connection, connection.username(), SessionStatus.OPEN, now,
        now.plusSeconds(3600), new CallUp.Oci(Map.of(OciCallUp.HOOK_URL, PREVIEW_HOOK_URL)), Map.of(), null, null,
        null);
    CartRenderer.Rendered rendered = new OciCartRenderer().render(session, cart, false);
    Map<String, String> fields = new LinkedHashMap<>();
    if (rendered.valid()) {
      String longText = OciField.LONGTEXT.formName(1);
      for (ReturnForm.Field f : rendered.form().fields()) {
        if (f.name().equals(longText)) {
          fields.merge(OciField.LONGTEXT.target(), f.value(), String::concat);
        } else if (f.name().startsWith(OciField.PREFIX) && f.name().endsWith("[1]")) {
          fields.put(f.name().substring(0, f.name().length() - "[1]".length()), f.value());
        }
      }
    }
    return new MappingPreview(fields, rendered.violations());
  }
}
