package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.FieldSource;
import org.punchgate.returnform.CartRenderer;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;

/** Carts, connections and sessions for the OCI tests, built in a line each. */
final class OciFixtures {

  static final String HOOK_URL = "https://srm.example.com/sap/bc/srm/oci_return";
  static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");

  private OciFixtures() {}

  static Connection connection(ConnectionFormat format) {
    return connection(format, Map.of(), Map.of(), null);
  }

  /** {@code mapping}: target → source in the short text form ({@code cart:sku}, {@code const:X}, {@code none}). */
  static Connection connection(ConnectionFormat format, Map<String, String> mapping, Map<String, String> unitMap,
      Classification defaultClassification) {
    Map<String, FieldSource> sources = new LinkedHashMap<>();
    mapping.forEach((target, source) -> sources.put(target, FieldSource.parse(source)));
    return new Connection("acme", "ACME", true, format, "acme-buyers", null, "acme", null,
        List.of("https://srm.example.com"), "https://shop.example.com/start", null, new FieldMapping(sources),
        unitMap, defaultClassification, null);
  }

  static Session session(ConnectionFormat format, String... callUpPairs) {
    return session(connection(format), callUpPairs);
  }

  /** A session with {@code HOOK_URL} set unless the pairs give it (name, value, name, value, ...). */
  static Session session(Connection connection, String... callUpPairs) {
    Map<String, String> callUp = new LinkedHashMap<>();
    callUp.put(OciCallUp.HOOK_URL, HOOK_URL);
    for (int i = 0; i < callUpPairs.length; i += 2) {
      if (callUpPairs[i + 1] == null) {
        callUp.remove(callUpPairs[i]);
      } else {
        callUp.put(callUpPairs[i], callUpPairs[i + 1]);
      }
    }
    return new Session("s-1", connection, "buyer", SessionStatus.OPEN, NOW, NOW.plusSeconds(3600), new CallUp.Oci(callUp), Map.of(),
        null, null, null);
  }

  static Cart cart(CartLine... lines) {
    return new Cart("EUR", List.of(lines), null, null);
  }

  static Line line(String sku) {
    return new Line(sku);
  }

  static CartRenderer.Rendered render(Session session, Cart cart) {
    return new OciCartRenderer().render(session, cart, false);
  }

  /** The form of a cart that must render, failing with the violations otherwise. */
  static ReturnForm form(Session session, Cart cart) {
    CartRenderer.Rendered rendered = render(session, cart);
    assertTrue(rendered.valid(), () -> "violations: " + rendered.violations());
    return rendered.form();
  }

  /** The fields of a form by name (names are unique in an OCI form). */
  static Map<String, String> fields(ReturnForm form) {
    Map<String, String> fields = new LinkedHashMap<>();
    form.fields().forEach(f -> fields.put(f.name(), f.value()));
    return fields;
  }

  /** A conformance sample, or a skipped test when the samples are not there. */
  static Path conformance(String relative) {
    String dir = System.getProperty("punchgate.conformance.dir");
    Assumptions.assumeTrue(dir != null && !dir.isBlank(),
        "conformance samples not configured (system property punchgate.conformance.dir): skipped");
    Path file = Path.of(dir).resolve(relative);
    Assumptions.assumeTrue(Files.isRegularFile(file), () -> "conformance sample absent, skipped: " + file);
    return file;
  }

  /** A cart line with plausible defaults; every setter answers the builder. */
  static final class Line {
    String lineId;
    String parentLineId;
    String sku;
    String description;
    String longText;
    BigDecimal quantity = BigDecimal.ONE;
    String unit = "PCE";
    BigDecimal unitPrice = new BigDecimal("10.00");
    BigDecimal priceUnit;
    String currency = "EUR";
    Integer leadTimeDays;
    String manufacturerSku;
    String buyerSku;
    Classification classification;
    String contract;
    String contractItem;
    String quoteId;
    String quoteItem;
    String attachmentUrl;
    String attachmentTitle;
    boolean service;
    final Map<String, String> attributes = new HashMap<>();

    Line(String sku) {
      this.sku = sku;
      this.lineId = sku;
      this.description = sku == null ? "Item" : "Item " + sku;
    }

    Line lineId(String v) { lineId = v; return this; }
    Line parent(String v) { parentLineId = v; return this; }
    Line sku(String v) { sku = v; return this; }
    Line description(String v) { description = v; return this; }
    Line longText(String v) { longText = v; return this; }
    Line quantity(String v) { quantity = v == null ? null : new BigDecimal(v); return this; }
    Line unit(String v) { unit = v; return this; }
    Line price(String v) { unitPrice = v == null ? null : new BigDecimal(v); return this; }
    Line priceUnit(String v) { priceUnit = v == null ? null : new BigDecimal(v); return this; }
    Line currency(String v) { currency = v; return this; }
    Line leadTime(Integer v) { leadTimeDays = v; return this; }
    Line manufacturerSku(String v) { manufacturerSku = v; return this; }
    Line buyerSku(String v) { buyerSku = v; return this; }
    Line classification(String scheme, String code) { classification = new Classification(scheme, code); return this; }
    Line contract(String id, String item) { contract = id; contractItem = item; return this; }
    Line quote(String id, String item) { quoteId = id; quoteItem = item; return this; }
    Line attachment(String url, String title) { attachmentUrl = url; attachmentTitle = title; return this; }
    Line service() { service = true; return this; }
    Line attribute(String name, String value) { attributes.put(name, value); return this; }

    CartLine build() {
      return CartLine.builder()
          .lineId(lineId)
          .parentLineId(parentLineId)
          .sku(sku)
          .description(description)
          .longText(longText)
          .quantity(quantity)
          .unit(unit)
          .unitPrice(unitPrice)
          .priceUnit(priceUnit)
          .currency(currency)
          .leadTimeDays(leadTimeDays)
          .manufacturerSku(manufacturerSku)
          .buyerSku(buyerSku)
          .classification(classification)
          .contract(contract)
          .contractItem(contractItem)
          .quoteId(quoteId)
          .quoteItem(quoteItem)
          .attachmentUrl(attachmentUrl)
          .attachmentTitle(attachmentTitle)
          .service(service)
          .attributes(attributes)
          .build();
    }
  }
}
