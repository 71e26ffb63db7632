package org.punchgate.oci;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The OCI cart fields {@code NEW_ITEM-<FIELD>[n]} with their length per OCI version and their format kind.
 * SPECS §1.3 (field table, OCI 4.0/5.0 with the OCI 3.0 differences) and §1.5 (what each version added).
 * All OCI fields are type CHAR; lengths count UTF-16 code units, as SAP's CHAR fields do.
 */
public enum OciField {
  DESCRIPTION(Kind.TEXT, 40),
  /** 18 characters in OCI 3.0, 40 from 4.0 (§1.5). */
  MATNR(Kind.CODE, 18, 40, 40),
  QUANTITY(Kind.DECIMAL, 15),
  UNIT(Kind.CODE, 3),
  PRICE(Kind.DECIMAL, 15),
  CURRENCY(Kind.CODE, 5),
  /** 9 digits in OCI 3.0, 5 from 4.0 (§1.5); empty means 1. */
  PRICEUNIT(Kind.INTEGER, 9, 5, 5),
  LEADTIME(Kind.INTEGER, 5),
  /** Unlimited; its form name has the special syntax {@code NEW_ITEM-LONGTEXT_n:132[]}. */
  LONGTEXT(Kind.TEXT, Integer.MAX_VALUE),
  VENDOR(Kind.CODE, 10),
  VENDORMAT(Kind.CODE, 40),
  MANUFACTCODE(Kind.CODE, 10),
  MANUFACTMAT(Kind.CODE, 40),
  MATGROUP(Kind.CODE, 10),
  SERVICE(Kind.FLAG, 1),
  CONTRACT(Kind.CODE, 10),
  CONTRACT_ITEM(Kind.CODE, 5),
  EXT_QUOTE_ID(Kind.CODE, 35),
  EXT_QUOTE_ITEM(Kind.CODE, 10),
  EXT_PRODUCT_ID(Kind.CODE, 40),
  /** The attachment fields are listed in the 4.0 and 5.0 tables only; treated as absent from 3.0. */
  ATTACHMENT(Kind.CODE, Field.ABSENT, 255, 255),
  ATTACHMENT_TITLE(Kind.TEXT, Field.ABSENT, 255, 255),
  ATTACHMENT_PURPOSE(Kind.CODE, Field.ABSENT, 1, 1),
  EXT_SCHEMA_TYPE(Kind.CODE, 10),
  EXT_CATEGORY_ID(Kind.CODE, 60),
  EXT_CATEGORY(Kind.CODE, 40),
  /** In the OCI 4.0/5.0 tables, absent from 3.0. */
  SLD_SYS_NAME(Kind.CODE, Field.ABSENT, 60, 60),
  CUST_FIELD1(Kind.CODE, 10),
  CUST_FIELD2(Kind.CODE, 10),
  CUST_FIELD3(Kind.CODE, 10),
  CUST_FIELD4(Kind.CODE, 20),
  CUST_FIELD5(Kind.CODE, 50),
  /** Item hierarchy, OCI 5.0 only: {@code R} root, {@code O} outline, {@code F} leaf (§1.3). */
  ITEM_TYPE(Kind.CODE, Field.ABSENT, Field.ABSENT, 1),
  PARENT_ID(Kind.INTEGER, Field.ABSENT, Field.ABSENT, 5);

  /** How a field's value is written and checked. */
  public enum Kind {
    /** Free text: too long is cut at a character boundary. */
    TEXT,
    /** An identifier or code: too long is an error, never cut. */
    CODE,
    /** Plain decimal, '.' separator, no grouping, at most 11 integer digits and 3 decimals. */
    DECIMAL,
    /** Digits only. */
    INTEGER,
    /** {@code X} or empty. */
    FLAG
  }

  /** Prefix of every cart field in the form and of every OCI target in a field mapping. */
  public static final String PREFIX = "NEW_ITEM-";
  /** DECIMAL format limits (§1.3, QUANTITY and PRICE). */
  public static final int MAX_INTEGER_DIGITS = 11;
  public static final int MAX_DECIMALS = 3;
  /** The value of a set FLAG field (SAP convention, §1.3). */
  public static final String FLAG_SET = "X";

  private final Kind kind;
  private final int[] lengths; // by OciVersion ordinal; Field.ABSENT where the version lacks the field

  OciField(Kind kind, int length) {
    this(kind, length, length, length);
  }

  OciField(Kind kind, int v30, int v40, int v50) {
    this.kind = kind;
    this.lengths = new int[] {v30, v40, v50};
  }

  public Kind kind() {
    return kind;
  }

  public boolean isIn(OciVersion version) {
    return lengths[version.ordinal()] != Field.ABSENT;
  }

  /** The maximum length in this version ({@code Integer.MAX_VALUE} for long text). */
  public int maxLength(OciVersion version) {
    if (!isIn(version)) {
      throw new IllegalArgumentException(this + " is not an OCI " + version.label() + " field");
    }
    return lengths[version.ordinal()];
  }

  /** {@code NEW_ITEM-MATNR}: the name of this field as a field-mapping target. */
  public String target() {
    return Targets.BY_ORDINAL[ordinal()];
  }

  /** Built once: targets are map keys looked up for every field of every line. */
  private static final class Targets {
    static final String[] BY_ORDINAL =
        java.util.Arrays.stream(values()).map(f -> PREFIX + f.name()).toArray(String[]::new);
    /** {@code NEW_ITEM-MATNR[}: form names are built for every field of every line. */
    static final String[] OPEN_BY_ORDINAL =
        java.util.Arrays.stream(values()).map(f -> PREFIX + f.name() + "[").toArray(String[]::new);
  }

  /** The form input name for item {@code n} (from 1): {@code NEW_ITEM-MATNR[1]}, {@code NEW_ITEM-LONGTEXT_1:132[]}. */
  public String formName(int n) {
    if (this == LONGTEXT) {
      return PREFIX + "LONGTEXT_" + n + ":132[]";
    }
    if (n < 1 || n > FormNames.CACHED) {
      return Targets.OPEN_BY_ORDINAL[ordinal()] + n + "]";
    }
    String[] cached = FormNames.of(this);
    String name = cached[n];
    if (name == null) {
      name = Targets.OPEN_BY_ORDINAL[ordinal()] + n + "]";
      cached[n] = name; // a race only builds an equal string twice; strings are safely published
    }
    return name;
  }

  /**
   * Form names of the first items, made once per container: a cart page needs one per field and line, and
   * building them was a tenth of the page. Made on first use, so only the fields a connection sends cost memory.
   */
  private static final class FormNames {
    static final int CACHED = 2000; // the cart's line limit (CartJson.MAX_LINES)
    private static final AtomicReferenceArray<String[]> BY_ORDINAL = new AtomicReferenceArray<>(values().length);

    static String[] of(OciField field) {
      String[] names = BY_ORDINAL.get(field.ordinal());
      if (names == null) {
        BY_ORDINAL.compareAndSet(field.ordinal(), null, new String[CACHED + 1]);
        names = BY_ORDINAL.get(field.ordinal());
      }
      return names;
    }
  }

  /** The field for a bare name ({@code MATNR}) or a target ({@code NEW_ITEM-MATNR}), case-insensitive. */
  public static Optional<OciField> byName(String name) {
    String bare = name.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) ? name.substring(PREFIX.length()) : name;
    try {
      return Optional.of(valueOf(bare.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  private static final class Field {
    static final int ABSENT = -1;
  }
}
