package org.punchgate.peppol;

/**
 * What the cart format cannot carry, each with a stable id. Where the PEPPOL T77 schematron has the rule, the id is
 * its own (SPECS §3.4); where the constraint comes from the BIS cardinalities or code lists (SPECS §3.3) or from the
 * cart needing one currency, the id is ours, prefixed {@code PUNCHGATE-T77-}.
 */
public enum PeppolRule {
  QUANTITY_NOT_POSITIVE("PEPPOL-T77-R002", "the quantity must be greater than zero"),
  PRICE_NEGATIVE("PEPPOL-T77-R003", "the price must not be negative"),
  NO_SELLERS_OR_STANDARD_ID("PEPPOL-T77-R004", "the item needs a sellers item id or a standard (GTIN) id"),
  MORE_THAN_ONE_MAIN_IMAGE("PEPPOL-T77-R005", "only one attachment may be the main image"),
  TAX_RATE_MISSING("PEPPOL-T77-R008", "a VAT category other than O needs a rate"),
  STANDARD_RATE_NOT_POSITIVE("PEPPOL-T77-R009", "VAT category S needs a rate greater than zero"),
  CART_ID_MISSING("PUNCHGATE-T77-CART-ID", "the cart has no id"),
  NO_LINES("PUNCHGATE-T77-NO-LINES", "a cart has at least one line"),
  PARTY_NAME_MISSING("PUNCHGATE-T77-PARTY", "the provider and receiver parties need a registration name"),
  ENDPOINT_SCHEME_MISSING("PUNCHGATE-T77-SCHEME", "an endpoint or party id needs its scheme"),
  LINE_ID_MISSING("PUNCHGATE-T77-LINE-ID", "every line needs an id"),
  LINE_ID_DUPLICATE("PUNCHGATE-T77-LINE-ID-UNIQUE", "line ids must be unique in the cart"),
  NAME_MISSING("PUNCHGATE-T77-NAME", "the item needs a name"),
  QUANTITY_MISSING("PUNCHGATE-T77-QUANTITY", "the line needs a quantity"),
  UNIT_CODE_INVALID("PUNCHGATE-T77-UNIT", "the unit must be a UN/ECE Recommendation 20 code"),
  PRICE_MISSING("PUNCHGATE-T77-PRICE", "the line needs a price with a currency"),
  BASE_QUANTITY_NOT_POSITIVE("PUNCHGATE-T77-BASE-QUANTITY", "the price's base quantity must be greater than zero"),
  CURRENCY_MIXED("PUNCHGATE-T77-CURRENCY", "all lines of a cart must be in one currency"),
  TAX_CATEGORY_MISSING("PUNCHGATE-T77-TAX", "the line has no VAT category and the connection has no default"),
  LEAD_TIME_NEGATIVE("PUNCHGATE-T77-LEAD-TIME", "the lead time must not be negative"),
  ATTACHMENT_INCOMPLETE("PUNCHGATE-T77-ATTACHMENT", "an attachment needs an id and a URI");

  private final String id;
  private final String text;

  PeppolRule(String id, String text) {
    this.id = id;
    this.text = text;
  }

  /** The stable rule id named in a 422 and in logs. */
  public String id() {
    return id;
  }

  /** What the rule asks for, in words a shop developer can act on. */
  public String text() {
    return text;
  }
}
