package org.punchgate.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.punchgate.connection.CartFields;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionCheck;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.ConnectionJson;
import org.punchgate.connection.FieldSource;
import org.punchgate.connection.MappingPreview;
import org.punchgate.connection.MappingTarget;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;
import org.punchgate.wiring.MappingCatalog;

/**
 * What the admin page's mapping editor needs: each format's target fields with lengths and defaults
 * ({@code GET /admin/formats}), and one demo cart line rendered through a draft connection's mapping by the
 * format's own renderer ({@code POST /admin/preview}). Neither reads or writes a store.
 */
final class FormatRoutes implements AdminRouter.Group {

  /**
   * Members of a connection document that the preview does not read: the admin API's read-only metadata and
   * secrets. A draft may carry them (the page sends what it loaded).
   */
  private static final Set<String> NOT_PREVIEWED = Set.of("version", "secret", "users", "password", "generateSecret",
      "secretHash", "lastLoginAt", "openSessions");
  /** Stand-ins for what a draft may still lack but the preview never shows: identity, login, the shop. */
  private static final Map<String, String> DRAFT_PLACEHOLDERS = Map.of("id", "preview", "userGroup", "preview",
      "shopStartUrl", "https://shop.invalid/", "username", "preview", "secretHash", "preview");
  private static final String EXTRINSIC_PREFIX = "Extrinsic.";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String formats = formatsDocument();
  private final int maxBodyBytes;

  FormatRoutes(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void register(AdminRouter router) {
    router.route("GET /admin/formats", request -> HttpResponse.json(200, formats))
        .route("POST /admin/preview", this::preview);
  }

  HttpResponse preview(HttpRequest request) {
    return JsonBodies.with(request, maxBodyBytes, FormatRoutes::preview);
  }

  private static HttpResponse preview(JsonNode body) {
    JsonNode draft = body.get("connection");
    if (draft == null || !draft.isObject()) {
      return Problem.invalid("Invalid connection", List.of(new Violation("preview.connection", "$.connection",
          "connection is required: the connection document to preview")));
    }
    ObjectNode document = ((ObjectNode) draft).deepCopy();
    document.remove(NOT_PREVIEWED);
    DRAFT_PLACEHOLDERS.forEach((field, value) -> {
      if (!document.hasNonNull(field) || document.get(field).asText().isBlank()) {
        document.put(field, value);
      }
    });
    if (document.path("cxml").isObject() && document.path("cxml").path("sender").isEmpty()) {
      // cXML connections are found by their Sender; the preview finds nothing and needs none
      ((ObjectNode) document.get("cxml")).putArray("sender").addObject().put("domain", "preview").put("identity", "preview");
    }
    List<Violation> problems = new ArrayList<>(ConnectionCheck.check(document, "$"));
    ConnectionFormat format = formatOf(document);
    if (format != null) {
      problems.addAll(unknownTargets(document, format));
    }
    if (!problems.isEmpty()) {
      return Problem.invalid("Invalid connection", problems);
    }
    // the placeholder secretHash means no password is hashed: the random source is never drawn from
    Connection connection = ConnectionJson.read(document, RANDOM);
    MappingPreview preview = MappingCatalog.preview(connection);
    if (!preview.violations().isEmpty()) {
      List<String> targets = MappingCatalog.targets(format).stream().map(MappingTarget::field).toList();
      return Problem.invalid("Invalid connection", preview.violations().stream().map(v -> atTarget(v, targets)).toList());
    }
    ObjectNode n = Json.object();
    ArrayNode fields = n.putArray("fields");
    preview.fields().forEach((field, value) -> fields.addObject().put("field", field).put("value", value));
    return HttpResponse.json(200, Json.write(n));
  }

  /** A mapping key the format does not have would be ignored silently: refused, with the format's fields named. */
  private static List<Violation> unknownTargets(JsonNode document, ConnectionFormat format) {
    List<Violation> problems = new ArrayList<>();
    List<String> targets = MappingCatalog.targets(format).stream().map(MappingTarget::field).toList();
    document.path("fieldMapping").fieldNames().forEachRemaining(target -> {
      boolean extrinsic = format == ConnectionFormat.CXML && target.startsWith(EXTRINSIC_PREFIX)
          && target.length() > EXTRINSIC_PREFIX.length();
      if (!targets.contains(target) && !extrinsic) {
        problems.add(new Violation("connection.fieldMapping", "$.fieldMapping." + target, target + " is not a field of "
            + MappingCatalog.label(format) + "; its fields are " + String.join(", ", targets)));
      }
    });
    return problems;
  }

  /** A renderer's problem belongs next to the mapping row of the target it names, when it names one. */
  private static Violation atTarget(Violation v, List<String> targets) {
    for (String target : targets) {
      if (v.message().contains(target)) {
        return new Violation(v.rule(), "$.fieldMapping." + target, v.message());
      }
    }
    return new Violation(v.rule(), "$.fieldMapping", v.message());
  }

  private static ConnectionFormat formatOf(JsonNode document) {
    try {
      return ConnectionFormat.valueOf(document.path("format").asText());
    } catch (IllegalArgumentException e) {
      return null; // ConnectionCheck has said so
    }
  }

  /** Built once: the catalog never changes while the function runs. */
  private static String formatsDocument() {
    ObjectNode n = Json.object();
    ArrayNode cartFields = n.putArray("cartFields");
    CartFields.labels().forEach((field, label) -> cartFields.addObject().put("field", field).put("label", label));
    ArrayNode formats = n.putArray("formats");
    for (ConnectionFormat format : ConnectionFormat.values()) {
      ObjectNode f = formats.addObject();
      f.put("format", format.name());
      f.put("label", MappingCatalog.label(format));
      ArrayNode targets = f.putArray("targets");
      for (MappingTarget target : MappingCatalog.targets(format)) {
        ObjectNode t = targets.addObject();
        t.put("field", target.field());
        if (target.maxLength() == null) {
          t.putNull("maxLength");
        } else {
          t.put("maxLength", target.maxLength());
        }
        t.put("required", target.required());
        FieldSource source = target.defaultSource();
        switch (source.kind()) {
          case CART -> t.putObject("default").put("cart", source.value());
          case CONSTANT -> t.putObject("default").put("constant", source.value());
          case NONE -> t.putNull("default");
        }
      }
    }
    return Json.write(n);
  }
}
