package org.punchgate.peppol;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Carts for the PEPPOL writer's tests, shaped like what a Nordic office-supplies shop returns: Swedish text,
 * GTINs with valid check digits, a kit with its parts, a price per 100 and attachments by reference. Public for
 * the local module's tests, which validate these carts with the BIS schematron.
 */
public final class PeppolFixtures {

  /** 2026-12-03 10:15:30 in Stockholm. */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:15:30Z"), ZoneId.of("Europe/Stockholm"));

  public static final PeppolParty SUPPLIER =
      new PeppolParty("0007", "5567321707", "0088", "7300010000001", "Kontorsvaror i Norden AB");
  public static final PeppolParty BUYER = new PeppolParty("0007", "2120000142", null, null, "Göteborgs Stad");
  public static final PeppolTax VAT_25 = PeppolTax.of(VatCategory.S, "25");
  public static final String UNSPSC_PAPER = "14111507";

  /** BIS 3 in ISO-8859-1 with 25 % standard VAT and a UNSPSC default, as the demo connection is set up. */
  public static final PeppolCartFormat FORMAT = PeppolCartFormat.bis3()
      .withEncoding(PeppolEncoding.ISO_8859_1).withDefaultTax(VAT_25).withDefaultUnspsc(UNSPSC_PAPER);

  private PeppolFixtures() {}

  public static PeppolCart cart(List<PeppolLine> lines) {
    return new PeppolCart("CART-2026-0042", false, SUPPLIER, BUYER, "Inköp/Åsa Öberg", lines);
  }

  /** A plain line: one sellers id, a price in SEK per piece. */
  public static PeppolLine.Builder line(int n) {
    return PeppolLine.builder(Integer.toString(n), "Kopieringspapper A4 80 g, " + n)
        .quantity("2", UnitCodes.PIECE)
        .price("49.90", "SEK")
        .sellersId("KP-" + n);
  }

  /**
   * A cart of {@code count} lines that uses every part the writer can write: every tenth line is a kit with two
   * parts (PartOf), others have a GTIN, a price per 100, a lead time, a service line, attachments with a main image.
   */
  public static PeppolCart cartOf(int count) {
    List<PeppolLine> lines = new ArrayList<>(count);
    for (int n = 1; n <= count; n++) {
      lines.add(varied(n));
    }
    return cart(lines);
  }

  private static PeppolLine varied(int n) {
    return switch (n % 10) {
      case 1 -> line(n).description("Skrivarpapper för kontoret – 500 ark, svanenmärkt")
          .gtin(gtin(n)).manufacturersId("MP-" + n).buyersId("B" + n)
          .attachment(new PeppolAttachment("bild-" + n + ".jpg", "https://shop.example.se/bilder/" + n + ".jpg", true))
          .attachment(new PeppolAttachment("datablad-" + n + ".pdf", "https://shop.example.se/datablad/" + n + ".pdf",
              false))
          .build();
      case 2 -> line(n).description("Kuvert C5, pris per 100 st").quantity("300", UnitCodes.PIECE)
          .price(new PeppolPrice(new BigDecimal("89.00"), "SEK", new BigDecimal("100"))).leadTimeDays(3).build();
      case 3 -> line(n).description("Montering av hyllsystem").quantity("1.5", UnitCodes.HOUR).price("650", "SEK")
          .service(true).unspsc("72154036").build();
      case 4 -> line(n).quantity("1", UnitCodes.ONE).price("0", "SEK").description("Gratis provförpackning")
          .tax(PeppolTax.of(VatCategory.Z, "0")).build();
      case 5 -> line(n).quantity("1", "XBX").description("Kontorshylla (sats)").price("1995.00", "SEK")
          .sellersId("KIT-" + n).build();
      // the parts of the kit on line ...5 just above
      case 6, 7 -> line(n).description("Del av kontorshylla").partOf("KIT-" + (n - n % 10 + 5)).price("0", "SEK")
          .build();
      case 8 -> line(n).description("Äggklocka – ljudlös, vitt/grått").quantity("12.5", UnitCodes.KILOGRAM)
          .price("12.345", "SEK").build();
      default -> line(n).build();
    };
  }

  /** A 13-digit GTIN with a valid check digit. */
  public static String gtin(int n) {
    String body = String.format("730001%06d", n);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
    }
    return body + (10 - sum % 10) % 10;
  }
}
