package org.punchgate.order;

/** The buyer's person for this order (cXML Contact, UBL BuyerCustomerParty/Contact); each part may be null. */
public record Contact(String name, String email, String phone) {

  public Contact {
    if (name == null && email == null && phone == null) {
      throw new IllegalArgumentException("a contact names at least one of name, email, phone");
    }
  }

  /** A contact, or null when nothing is known (the message then leaves it out). */
  public static Contact ofNullable(String name, String email, String phone) {
    return name == null && email == null && phone == null ? null : new Contact(name, email, phone);
  }
}
