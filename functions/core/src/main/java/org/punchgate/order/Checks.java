package org.punchgate.order;

/** The few rules the order records share with the message schema, so that every order makes a valid message. */
final class Checks {

  private Checks() {}

  /** A required text: present and not empty. */
  static String nonEmpty(String value, String name) {
    if (value == null) {
      throw new NullPointerException(name);
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  /** A text the schema limits in length (null passes: optional). */
  static String atMost(String value, int max, String name) {
    if (value != null && value.length() > max) {
      throw new IllegalArgumentException(name + " is longer than " + max + " characters");
    }
    return value;
  }
}
