package org.punchgate.returnform;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.punchgate.http.Html;
import org.punchgate.json.Json;

/**
 * Renders a {@link ReturnForm}: as an HTML page (every value escaped, charset declared in the meta tag,
 * auto-submitted where asked, with a visible button as fallback), or as JSON for shops that draw their own
 * button: {@code {"method","action","target","charset","fields":[{"name","value"}]}}.
 */
public final class ReturnFormPage {

  private ReturnFormPage() {}

  public static String html(ReturnForm form) {
    StringBuilder page = new StringBuilder(256 + form.fields().size() * 96);
    String charset = form.charset().name().toLowerCase(java.util.Locale.ROOT);
    page.append("<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=")
        .append(Html.escape(charset)).append("\"><meta charset=\"").append(Html.escape(charset))
        .append("\"><title>Transfer to your purchasing system</title></head>\n<body>\n")
        .append("<form id=\"punchout-return\" method=\"post\" action=\"").append(Html.escape(form.action()))
        .append('"');
    if (form.target() != null && !form.target().isBlank()) {
      page.append(" target=\"").append(Html.escape(form.target())).append('"');
    }
    page.append(" accept-charset=\"").append(Html.escape(charset)).append("\">\n");
    for (ReturnForm.Field field : form.fields()) {
      Html.appendEscaped(page.append("<input type=\"hidden\" name=\""), field.name()).append("\" value=\"");
      Html.appendEscaped(page, field.value()).append("\">\n");
    }
    page.append("<button type=\"submit\">Transfer cart</button>\n</form>\n");
    if (form.submit() == ReturnForm.Submit.AUTOMATIC) {
      page.append("<script>document.getElementById('punchout-return').submit();</script>\n");
    }
    page.append("</body></html>\n");
    return page.toString();
  }

  public static String json(ReturnForm form) {
    return json(form, null);
  }

  /** The form as JSON, with the transferred cart's id (null: left out) for the shop to keep. */
  public static String json(ReturnForm form, String cartId) {
    ObjectNode root = Json.object();
    Json.putIfPresent(root, "cartId", cartId);
    root.put("method", "POST");
    root.put("action", form.action());
    if (form.target() != null && !form.target().isBlank()) {
      root.put("target", form.target());
    } else {
      root.putNull("target");
    }
    root.put("charset", form.charset().name().toLowerCase(java.util.Locale.ROOT));
    root.put("autoSubmit", form.submit() == ReturnForm.Submit.AUTOMATIC);
    ArrayNode fields = root.putArray("fields");
    for (ReturnForm.Field f : form.fields()) {
      ObjectNode field = fields.addObject();
      field.put("name", f.name());
      field.put("value", f.value());
    }
    return Json.write(root);
  }
}
