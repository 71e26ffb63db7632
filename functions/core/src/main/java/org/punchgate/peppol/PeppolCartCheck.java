package org.punchgate.peppol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds what a cart has that the BIS cannot carry, before a byte is written: the T77 rules our input could break
 * (R002–R005, R008, R009; R006 and R007 cannot be broken, since the writer takes both units from the line and the
 * service flag is a boolean) and the cardinalities of SPECS §3.3. Every problem is listed, not only the first, so a
 * shop fixes its cart in one go.
 */
final class PeppolCartCheck {

  private PeppolCartCheck() {}

  static List<PeppolProblem> problems(PeppolCart cart, PeppolCartFormat format) {
    List<PeppolProblem> problems = new ArrayList<>();
    if (isBlank(cart.id())) {
      problems.add(PeppolProblem.header(PeppolRule.CART_ID_MISSING));
    }
    party(cart.provider(), problems);
    party(cart.receiver(), problems);
    if (cart.lines().isEmpty()) {
      problems.add(PeppolProblem.header(PeppolRule.NO_LINES));
    }
    Set<String> ids = new HashSet<>();
    String currency = null;
    int position = 0;
    for (PeppolLine line : cart.lines()) {
      position++;
      String at = isBlank(line.id()) ? "#" + position : line.id();
      if (isBlank(line.id())) {
        problems.add(PeppolProblem.line(PeppolRule.LINE_ID_MISSING, at));
      } else if (!ids.add(line.id())) {
        problems.add(PeppolProblem.line(PeppolRule.LINE_ID_DUPLICATE, at));
      }
      if (isBlank(line.name())) {
        problems.add(PeppolProblem.line(PeppolRule.NAME_MISSING, at));
      }
      quantity(line, at, problems);
      currency = price(line, at, currency, problems);
      if (isBlank(line.sellersId()) && isBlank(line.gtin())) {
        problems.add(PeppolProblem.line(PeppolRule.NO_SELLERS_OR_STANDARD_ID, at));
      }
      tax(line.tax() != null ? line.tax() : format.defaultTax(), at, problems);
      if (line.leadTimeDays() != null && line.leadTimeDays() < 0) {
        problems.add(PeppolProblem.line(PeppolRule.LEAD_TIME_NEGATIVE, at));
      }
      attachments(line, at, problems);
    }
    return problems;
  }

  private static void party(PeppolParty party, List<PeppolProblem> problems) {
    if (party == null || isBlank(party.registrationName())) {
      problems.add(PeppolProblem.header(PeppolRule.PARTY_NAME_MISSING));
      return;
    }
    if ((!isBlank(party.endpointId()) && isBlank(party.endpointScheme()))
        || (!isBlank(party.id()) && isBlank(party.idScheme()))) {
      problems.add(PeppolProblem.header(PeppolRule.ENDPOINT_SCHEME_MISSING));
    }
  }

  private static void quantity(PeppolLine line, String at, List<PeppolProblem> problems) {
    if (line.quantity() == null) {
      problems.add(PeppolProblem.line(PeppolRule.QUANTITY_MISSING, at));
    } else if (line.quantity().signum() <= 0) {
      problems.add(PeppolProblem.line(PeppolRule.QUANTITY_NOT_POSITIVE, at, line.quantity().toPlainString()));
    }
    if (!UnitCodes.isWellFormed(line.unitCode())) {
      problems.add(PeppolProblem.line(PeppolRule.UNIT_CODE_INVALID, at, String.valueOf(line.unitCode())));
    }
  }

  /** Checks the line's price; returns the cart's currency (the first line's) for the lines after it. */
  private static String price(PeppolLine line, String at, String cartCurrency, List<PeppolProblem> problems) {
    PeppolPrice price = line.price();
    if (price == null || price.amount() == null || isBlank(price.currency())) {
      problems.add(PeppolProblem.line(PeppolRule.PRICE_MISSING, at));
      return cartCurrency;
    }
    if (price.amount().signum() < 0) {
      problems.add(PeppolProblem.line(PeppolRule.PRICE_NEGATIVE, at, price.amount().toPlainString()));
    }
    if (price.baseQuantity() != null && price.baseQuantity().signum() <= 0) {
      problems.add(PeppolProblem.line(PeppolRule.BASE_QUANTITY_NOT_POSITIVE, at));
    }
    if (cartCurrency == null) {
      return price.currency();
    }
    if (!cartCurrency.equals(price.currency())) {
      problems.add(PeppolProblem.line(PeppolRule.CURRENCY_MIXED, at, price.currency() + " beside " + cartCurrency));
    }
    return cartCurrency;
  }

  private static void tax(PeppolTax tax, String at, List<PeppolProblem> problems) {
    if (tax == null || tax.category() == null) {
      problems.add(PeppolProblem.line(PeppolRule.TAX_CATEGORY_MISSING, at));
      return;
    }
    BigDecimal percent = tax.percent();
    if (tax.category().requiresRate() && percent == null) {
      problems.add(PeppolProblem.line(PeppolRule.TAX_RATE_MISSING, at, tax.category().name()));
    } else if (tax.category().requiresPositiveRate() && percent.signum() <= 0) {
      problems.add(PeppolProblem.line(PeppolRule.STANDARD_RATE_NOT_POSITIVE, at, percent.toPlainString()));
    }
  }

  private static void attachments(PeppolLine line, String at, List<PeppolProblem> problems) {
    int mainImages = 0;
    for (PeppolAttachment attachment : line.attachments()) {
      if (attachment == null || isBlank(attachment.id()) || isBlank(attachment.uri())) {
        problems.add(PeppolProblem.line(PeppolRule.ATTACHMENT_INCOMPLETE, at));
      } else if (attachment.mainImage()) {
        mainImages++;
      }
    }
    if (mainImages > 1) {
      problems.add(PeppolProblem.line(PeppolRule.MORE_THAN_ONE_MAIN_IMAGE, at, mainImages + " main images"));
    }
  }

  /** Blank counts as absent: the BIS forbids empty elements (PEPPOL-COMMON-R001). */
  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
