package org.punchgate.cart;

/** A commodity classification of a cart line, e.g. scheme {@code UNSPSC}, code {@code 43211503}. */
public record Classification(String scheme, String code) {}
