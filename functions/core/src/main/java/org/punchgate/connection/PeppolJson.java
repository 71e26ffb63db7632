package org.punchgate.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.punchgate.json.Json;

/**
 * The {@code peppol} object of a connection's JSON (README "Configuration"): every field optional, the defaults
 * of {@link PeppolSettings} applying. A bad value is one more problem in the connection's list, not an exception.
 */
final class PeppolJson {

  private PeppolJson() {}

  static PeppolSettings read(JsonNode n, List<String> problems) {
    JsonNode login = n.path("loginParameters");
    BigDecimal rate = null;
    JsonNode tax = n.path("defaultTax");
    try {
      rate = Json.decimal(tax, "rate");
    } catch (RuntimeException e) {
      problems.add("peppol.defaultTax.rate must be a number");
    }
    try {
      return new PeppolSettings(
          new PeppolSettings.LoginNames(Json.text(login, "username"), Json.text(login, "password"),
              Json.text(login, "returnUrl"), Json.text(login, "buyerReference")),
          Json.text(n, "cartField"),
          n.path("completeCart").asBoolean(false),
          Json.text(tax, "category"),
          rate,
          Json.text(n, "defaultUnspsc"),
          "BIS18A_V1".equals(Json.text(n, "version")),
          Json.text(n, "encoding"),
          party(n.get("provider")),
          party(n.get("receiver")));
    } catch (IllegalArgumentException e) {
      problems.add("peppol: " + e.getMessage());
      return null;
    }
  }

  static ObjectNode write(PeppolSettings s) {
    ObjectNode n = Json.object();
    if (!s.login().equals(PeppolSettings.LoginNames.DEFAULT)) {
      ObjectNode login = n.putObject("loginParameters");
      login.put("username", s.login().username());
      login.put("password", s.login().password());
      login.put("returnUrl", s.login().returnUrl());
      login.put("buyerReference", s.login().buyerReference());
    }
    n.put("cartField", s.cartField());
    n.put("completeCart", s.completeCart());
    if (s.defaultVatCategory() != null) {
      ObjectNode tax = n.putObject("defaultTax");
      tax.put("category", s.defaultVatCategory());
      Json.putIfPresent(tax, "rate", s.defaultVatRate());
    }
    Json.putIfPresent(n, "defaultUnspsc", s.defaultUnspsc());
    n.put("version", s.legacyBis18a() ? "BIS18A_V1" : "BIS3");
    n.put("encoding", s.encoding());
    if (s.provider() != null) {
      n.set("provider", party(s.provider()));
    }
    if (s.receiver() != null) {
      n.set("receiver", party(s.receiver()));
    }
    return n;
  }

  private static PeppolSettings.Party party(JsonNode p) {
    if (p == null || p.isNull()) {
      return null;
    }
    return new PeppolSettings.Party(Json.text(p, "endpointScheme"), Json.text(p, "endpointId"),
        Json.text(p, "idScheme"), Json.text(p, "id"), Json.text(p, "name"));
  }

  private static ObjectNode party(PeppolSettings.Party p) {
    ObjectNode n = Json.object();
    Json.putIfPresent(n, "endpointScheme", p.endpointScheme());
    Json.putIfPresent(n, "endpointId", p.endpointId());
    Json.putIfPresent(n, "idScheme", p.idScheme());
    Json.putIfPresent(n, "id", p.id());
    Json.putIfPresent(n, "name", p.name());
    return n;
  }
}
