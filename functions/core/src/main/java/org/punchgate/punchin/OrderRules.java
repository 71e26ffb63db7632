package org.punchgate.punchin;

/**
 * The rule ids of the findings the order readers report. Where a rule is PEPPOL's (BIS Ordering 3, T01
 * schematron, SPECS §4.2) its own id is used, also for BIS 28A and cXML documents, so one id means one rule
 * across formats; the rest are ours, prefixed {@code PUNCHIN-}, stable once published.
 */
final class OrderRules {

  private OrderRules() {}

  // PEPPOL BIS Ordering 3, T01 (PEPPOL-T01.sch)
  /** Each order line has a line identifier unique within the order. */
  public static final String UNIQUE_LINE_ID = "PEPPOL-T01-R001";
  /** An order is stated in a single currency: every currencyID equals DocumentCurrencyCode. */
  public static final String SINGLE_CURRENCY = "PEPPOL-T01-R003";
  /** An ordered quantity is not negative. */
  public static final String QUANTITY_NOT_NEGATIVE = "PEPPOL-T01-R004";
  /** An item net price is not negative. */
  public static final String PRICE_NOT_NEGATIVE = "PEPPOL-T01-R005";
  /** The expected amount for payment is not negative. */
  public static final String PAYABLE_NOT_NEGATIVE = "PEPPOL-T01-R006";
  /** The expected sum of line amounts is not negative. */
  public static final String LINE_TOTAL_NOT_NEGATIVE = "PEPPOL-T01-R007";
  /** The expected sum of line amounts equals the sum of the line amounts. */
  public static final String LINE_TOTAL_SUM = "PEPPOL-T01-R008";
  /** Total without tax = line total − allowances + charges (document level). */
  public static final String TAX_EXCLUSIVE_TOTAL = "PEPPOL-T01-R011";
  /** Amount due = total with tax − prepaid + rounding. */
  public static final String PAYABLE_TOTAL = "PEPPOL-T01-R016";
  /** A line amount equals quantity × (price ÷ base quantity) + charges − allowances, within 0.02. */
  public static final String LINE_AMOUNT = "PEPPOL-T01-R024";
  /** A base quantity is above zero. */
  public static final String BASE_QUANTITY_POSITIVE = "PEPPOL-T01-R025";
  /** Amounts have at most 2 decimals, except unit prices. */
  public static final String AMOUNT_DECIMALS = "PEPPOL-T01-R028";
  /** The ProfileID is one of the BIS 3 ordering profiles. */
  public static final String PROFILE = "PEPPOL-T01-R031";
  /** The CustomizationID starts with the BIS 3 order id. */
  public static final String CUSTOMIZATION = "PEPPOL-T01-R034";

  // ours
  /** Not well-formed XML, or refused by the hardened reader (DTD subset, entity, limits). */
  public static final String MALFORMED = "PUNCHIN-XML";
  /** Not an order document we read (another UBL or cXML document, another root). */
  public static final String NOT_AN_ORDER = "PUNCHIN-TYPE";
  /** An element or attribute the format makes mandatory is missing or empty. */
  public static final String MANDATORY = "PUNCHIN-MANDATORY";
  /** A number, date or time is not written as the format requires. */
  public static final String FORMAT = "PUNCHIN-FORMAT";
  /** A quantity is zero, or a cXML quantity is negative (PEPPOL's R004 covers negative UBL quantities). */
  public static final String QUANTITY_POSITIVE = "PUNCHIN-QUANTITY";
  /** The cXML envelope (header, credentials) cannot be read. */
  public static final String CXML_ENVELOPE = "PUNCHIN-CXML";
}
