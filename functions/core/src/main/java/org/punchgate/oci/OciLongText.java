package org.punchgate.oci;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.Connection;

/**
 * The long text of one OCI item (SPECS §1.3): the full description when its field cuts it, then the line's
 * long text, then one line per component of a parent line, which OCI has no other place for.
 */
final class OciLongText {

  private final OciVersion version;
  private final Connection connection;
  private final Charset charset;
  private final boolean longTextMapped;

  OciLongText(OciVersion version, Connection connection, Charset charset, boolean longTextMapped) {
    this.version = version;
    this.connection = connection;
    this.charset = charset;
    this.longTextMapped = longTextMapped;
  }

  /** The long text: the full description when its field cuts it, then the line's long text, then components. */
  void moveOverflowToLongText(int index, Map<OciField, OciItemWriter.Value> values, List<CartLine> components) {
    OciItemWriter.Value description = values.get(OciField.DESCRIPTION);
    OciItemWriter.Value longText = values.get(OciField.LONGTEXT);
    String text = longText == null ? "" : longText.text();
    if (description != null) {
      String full = OciText.closestIn(description.text(), charset);
      String cut = OciText.cut(full, OciField.DESCRIPTION.maxLength(version));
      values.put(OciField.DESCRIPTION, new OciItemWriter.Value(cut, description.where(), description.origin()));
      if (!cut.equals(full) && longTextMapped && !text.startsWith(full)) {
        text = text.isEmpty() ? full : full + "\n" + text;
      }
    }
    if (longTextMapped && !components.isEmpty()) {
      StringBuilder withComponents = new StringBuilder(text);
      for (CartLine component : components) {
        withComponents.append(withComponents.isEmpty() ? "" : "\n").append(componentLine(component));
      }
      text = withComponents.toString();
    }
    if (!text.isEmpty()) {
      values.put(OciField.LONGTEXT, new OciItemWriter.Value(text,
          longText == null ? () -> OciItemWriter.lineLocation(index) + ".longText" : longText.where(), "the long text"));
    }
  }

  private String componentLine(CartLine component) {
    List<String> parts = new ArrayList<>();
    if (component.quantity() != null) {
      parts.add(component.quantity().stripTrailingZeros().toPlainString());
    }
    if (component.unit() != null) {
      parts.add(connection.buyerUnit(component.unit()));
    }
    if (component.description() != null) {
      parts.add(component.description());
    }
    if (component.sku() != null) {
      parts.add("(" + component.sku() + ")");
    }
    return "- " + String.join(" ", parts);
  }
}
