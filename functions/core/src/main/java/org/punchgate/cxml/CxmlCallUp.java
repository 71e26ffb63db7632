package org.punchgate.cxml;

/**
 * The keys under which a cXML session keeps what the PunchOutSetupRequest said ({@code Session.callUp}):
 * what the cart return needs (BuyerCookie, BrowserFormPost, operation, the parties) and what a shop may
 * show (ShipTo, SelectedItem). Values are text; a ShipTo's several DeliverTo or Street lines are joined by
 * newlines.
 */
public final class CxmlCallUp {

  /** The BuyerCookie's content as XML, echoed back unchanged in the PunchOutOrderMessage. */
  public static final String BUYER_COOKIE = "buyerCookie";
  public static final String BROWSER_FORM_POST = "browserFormPost";
  /** create, edit, inspect. */
  public static final String OPERATION = "operation";
  /** production or test: copied to the PunchOutOrderMessage's Message. */
  public static final String DEPLOYMENT_MODE = "deploymentMode";
  /** The setup request's payloadID: the PunchOutOrderMessage's {@code inReplyTo}. */
  public static final String PAYLOAD_ID = "payloadID";
  /** The cXML version the buyer's system wrote. */
  public static final String VERSION = "version";
  /** The setup request's xml:lang. */
  public static final String LANG = "lang";
  public static final String FROM_DOMAIN = "fromDomain";
  public static final String FROM_IDENTITY = "fromIdentity";
  public static final String TO_DOMAIN = "toDomain";
  public static final String TO_IDENTITY = "toIdentity";
  public static final String SENDER_DOMAIN = "senderDomain";
  public static final String SENDER_IDENTITY = "senderIdentity";
  public static final String USER_AGENT = "userAgent";
  public static final String SHIP_TO_ADDRESS_ID = "shipTo.addressID";
  public static final String SHIP_TO_ADDRESS_ID_DOMAIN = "shipTo.addressIDDomain";
  public static final String SHIP_TO_NAME = "shipTo.name";
  public static final String SHIP_TO_DELIVER_TO = "shipTo.deliverTo";
  public static final String SHIP_TO_STREET = "shipTo.street";
  public static final String SHIP_TO_CITY = "shipTo.city";
  public static final String SHIP_TO_STATE = "shipTo.state";
  public static final String SHIP_TO_POSTAL_CODE = "shipTo.postalCode";
  public static final String SHIP_TO_COUNTRY_CODE = "shipTo.countryCode";
  public static final String SHIP_TO_COUNTRY = "shipTo.country";
  public static final String SELECTED_SUPPLIER_PART_ID = "selectedItem.supplierPartID";
  public static final String SELECTED_SUPPLIER_PART_AUXILIARY_ID = "selectedItem.supplierPartAuxiliaryID";

  private CxmlCallUp() {}
}
