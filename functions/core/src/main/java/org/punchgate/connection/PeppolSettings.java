package org.punchgate.connection;

import java.math.BigDecimal;
import java.util.List;

/**
 * The PEPPOL BIS Punch Out part of a connection (SPECS §3): the names of the posted login variables, the form
 * field the Base64 cart goes back in, the complete-cart flag ({@code ActionCode}), the VAT and UNSPSC defaults of
 * lines that bring none, which identifier set to write (BIS 3 or the legacy BIS 18A v1), the document's encoding,
 * and the two parties of the cart: ProviderParty (the supplier as this buyer knows it) and ReceiverParty (the buyer).
 * Parties and codes are kept as plain text here so that the connection package needs nothing from the codec.
 *
 * @param login           the login variable names; SPECS §3.2 found no standard names, so each is configurable
 * @param cartField       the form field of the Base64 cart (default {@code cart})
 * @param completeCart    {@code ActionCode}: the buyer must order the cart as a whole
 * @param defaultVatCategory UNCL5305 code of lines without one (e.g. {@code S}); null: every line brings its own
 * @param defaultVatRate  rate in percent that goes with the default category
 * @param defaultUnspsc   UNSPSC code of lines without an UNSPSC classification; null: the connection's default
 *                        classification when it is UNSPSC
 * @param legacyBis18a    write the BIS 18A v1 identifiers instead of BIS 3 (SPECS §3.1)
 * @param encoding        {@code UTF-8} (default) or {@code ISO-8859-1}
 */
public record PeppolSettings(
    LoginNames login,
    String cartField,
    boolean completeCart,
    String defaultVatCategory,
    BigDecimal defaultVatRate,
    String defaultUnspsc,
    boolean legacyBis18a,
    String encoding,
    Party provider,
    Party receiver) implements ProtocolSettings {

  public static final String DEFAULT_CART_FIELD = "cart";
  public static final String UTF_8 = "UTF-8";
  public static final String ISO_8859_1 = "ISO-8859-1";

  /** Names of the posted login variables; the defaults are what README documents. */
  public record LoginNames(String username, String password, String returnUrl, String buyerReference) {

    public static final LoginNames DEFAULT = new LoginNames("USERNAME", "PASSWORD", "RETURN_URL", "BUYER_REFERENCE");

    public LoginNames {
      username = orDefault(username, "USERNAME");
      password = orDefault(password, "PASSWORD");
      returnUrl = orDefault(returnUrl, "RETURN_URL");
      buyerReference = orDefault(buyerReference, "BUYER_REFERENCE");
    }
  }

  /**
   * A party of the cart (ProviderParty or ReceiverParty, SPECS §3.3): the registration name is required, the
   * PEPPOL endpoint and party identification optional, each with its ISO 6523 scheme.
   */
  public record Party(String endpointScheme, String endpointId, String idScheme, String id, String name) {}

  public PeppolSettings {
    login = login == null ? LoginNames.DEFAULT : login;
    cartField = orDefault(cartField, DEFAULT_CART_FIELD);
    encoding = orDefault(encoding, UTF_8);
    if (!UTF_8.equalsIgnoreCase(encoding) && !ISO_8859_1.equalsIgnoreCase(encoding)) {
      throw new IllegalArgumentException("encoding must be UTF-8 or ISO-8859-1");
    }
  }

  /** A PEPPOL connection is found by its id only. */
  @Override
  public List<ConnectionAlias> aliases() {
    return List.of();
  }

  private static String orDefault(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }
}
