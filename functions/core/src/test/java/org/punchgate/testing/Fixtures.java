package org.punchgate.testing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.LoginParameterNames;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.connection.PeppolSettings;
import org.punchgate.security.SecretHash;
import org.punchgate.token.PunchoutTokens;

/** Shared test data: connections, carts, a fixed clock and a token signer. */
public final class Fixtures {

  public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  public static final byte[] TOKEN_SECRET = "test-secret-test-secret-test-secret!".getBytes(StandardCharsets.UTF_8);
  /** Few iterations keep unit tests fast; production hashes use the default work factor. */
  private static final int TEST_ITERATIONS = 1_000;

  private Fixtures() {}

  public static MutableClock clock() {
    return new MutableClock(NOW);
  }

  public static PunchoutTokens tokens(Clock clock) {
    return new PunchoutTokens(TOKEN_SECRET, clock);
  }

  public static String hash(String secret) {
    return SecretHash.hash(secret, new SecureRandom(), TEST_ITERATIONS);
  }

  public static Connection ociConnection(String id, ConnectionFormat format) {
    return new Connection(id, "Test " + id, true, format, "acme-buyers", LoginParameterNames.DEFAULT, id,
        hash(id + "-pass"), List.of("https://srm.example.com", "http://localhost:3000"),
        "https://shop.example.com/punchout/start", Duration.ofMinutes(30), FieldMapping.EMPTY,
        Map.of("pcs", "PCE"), new Classification("UNSPSC", "44120000"), null);
  }

  /**
   * A cXML connection like the local runner's {@code demo-cxml}: From and Sender {@code NetworkID/AN-DEMO-BUYER},
   * our own credential {@code DUNS/123456789}, SharedSecret {@code demo-cxml-secret}, the buyer's return
   * address on localhost:3000, the shop at {@code http://localhost:3000/shop/}.
   */
  public static Connection cxmlConnection(String id, String returnEncoding) {
    CxmlCredential buyer = new CxmlCredential("NetworkID", "AN-DEMO-BUYER");
    CxmlSettings settings = new CxmlSettings(List.of(buyer), List.of(buyer), new CxmlCredential("DUNS", "123456789"),
        returnEncoding, CxmlSettings.DEFAULT_VERSION, List.of("UserEmail", "FirstName", "LastName", "CostCenter"));
    return new Connection(id, "Test " + id, true, ConnectionFormat.CXML, "acme-buyers", null, null,
        hash("demo-cxml-secret"), List.of("http://localhost:3000", "http://127.0.0.1:3000"),
        "http://localhost:3000/shop/", Duration.ofMinutes(60), FieldMapping.EMPTY, Map.of(),
        new Classification("UNSPSC", "31000000"), settings);
  }

  /**
   * A PEPPOL connection like the local runner's {@code demo-peppol}: user {@code demo-peppol}, password
   * {@code demo-peppol-pass}, default VAT S 25 %, the buyer's return address on localhost:3000.
   */
  public static Connection peppolConnection(String id) {
    PeppolSettings settings = new PeppolSettings(null, null, false, "S", new BigDecimal("25"), null, false, null,
        new PeppolSettings.Party("0007", "5567321707", null, null, "Punchgate Demo Supplies AB"),
        new PeppolSettings.Party("0007", "2120001231", null, null, "Region Nordby"));
    return new Connection(id, "Test " + id, true, ConnectionFormat.PEPPOL_PUNCHOUT, "nordby-buyers", null, "demo-peppol",
        hash("demo-peppol-pass"), List.of("http://localhost:3000", "http://127.0.0.1:3000"),
        "http://localhost:3000/shop/", Duration.ofMinutes(60), FieldMapping.EMPTY, Map.of(),
        new Classification("UNSPSC", "31000000"), settings);
  }

  public static Connection inactive(Connection c) {
    return new Connection(c.id(), c.name(), false, c.format(), c.userGroup(), c.loginParameters(), c.username(),
        c.secretHash(), c.allowedReturnOrigins(), c.shopStartUrl(), c.sessionLifetime(), c.fieldMapping(),
        c.unitMap(), c.defaultClassification(), c.protocol());
  }

  public static CartLine line(String lineId, String sku, String description, String quantity, String unitPrice) {
    return CartLine.builder()
        .lineId(lineId)
        .sku(sku)
        .description(description)
        .quantity(new BigDecimal(quantity))
        .unit("pcs")
        .unitPrice(new BigDecimal(unitPrice))
        .currency("EUR")
        .leadTimeDays(3)
        .manufacturer("Acme")
        .manufacturerSku("ACME-" + sku)
        .attributes(Map.of())
        .build();
  }

  public static Cart cart(CartLine... lines) {
    return new Cart("EUR", List.of(lines), null, null);
  }

  /** A clock tests can move forward. */
  public static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    public void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
