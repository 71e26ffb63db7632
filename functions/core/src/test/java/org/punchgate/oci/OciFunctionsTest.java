package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.punchgate.oci.OciFixtures.cart;
import static org.punchgate.oci.OciFixtures.fields;
import static org.punchgate.oci.OciFixtures.form;
import static org.punchgate.oci.OciFixtures.line;
import static org.punchgate.oci.OciFixtures.render;
import static org.punchgate.oci.OciFixtures.session;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.cart.Cart;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.returnform.ReturnFormPage;
import org.punchgate.validation.Violation;

/** The catalog functions of SPECS §1.2 as far as they shape the cart form. */
class OciFunctionsTest {

  private static final Cart THREE = cart(line("A").build(), line("B").quantity("4").build(), line("C").build());

  @Test
  void aFunctionIsAvailableFromItsOciVersionOnAndNeverOutsideOci() {
    assertTrue(OciFunction.DETAIL.availableIn(ConnectionFormat.OCI_3_0));
    assertFalse(OciFunction.BACKGROUND_SEARCH.availableIn(ConnectionFormat.OCI_3_0));
    assertTrue(OciFunction.BACKGROUND_SEARCH.availableIn(ConnectionFormat.OCI_5_0));
    assertFalse(OciFunction.QUANTITYCHECK.availableIn(ConnectionFormat.OCI_4_0));
    for (OciFunction function : OciFunction.values()) {
      assertFalse(function.availableIn(ConnectionFormat.CXML), function.name());
      assertFalse(function.availableIn(ConnectionFormat.PEPPOL_PUNCHOUT), function.name());
    }
  }

  @Test
  void validateReturnsOnlyTheRequestedProductAndSubmitsItself() {
    ReturnForm form = form(session(ConnectionFormat.OCI_4_0, OciCallUp.FUNCTION, "VALIDATE",
        OciCallUp.PRODUCTID, "B", OciCallUp.QUANTITY, "7"), THREE);
    Map<String, String> fields = fields(form);
    assertEquals("B", fields.get("NEW_ITEM-EXT_PRODUCT_ID[1]"));
    assertEquals("4", fields.get("NEW_ITEM-QUANTITY[1]"), "the cart's quantity wins over the call-up's");
    assertFalse(fields.keySet().stream().anyMatch(name -> name.endsWith("[2]")));
    assertEquals(ReturnForm.Submit.AUTOMATIC, form.submit());
  }

  @Test
  void validateTakesTheCallUpQuantityWhenTheCartHasNone() {
    Map<String, String> fields = fields(form(session(ConnectionFormat.OCI_3_0, OciCallUp.FUNCTION, "VALIDATE",
        OciCallUp.PRODUCTID, "A", OciCallUp.QUANTITY, "3"), cart(line("A").quantity(null).build())));
    assertEquals("3", fields.get("NEW_ITEM-QUANTITY[1]"));
  }

  @Test
  void validateAnswersWithTheOnlyLineWhateverItsKey() {
    Map<String, String> fields = fields(form(session(ConnectionFormat.OCI_4_0, OciCallUp.FUNCTION, "VALIDATE",
        OciCallUp.PRODUCTID, "OLD-KEY"), cart(line("NEW-KEY").build())));
    assertEquals("NEW-KEY", fields.get("NEW_ITEM-EXT_PRODUCT_ID[1]"));
  }

  @Test
  void validateOfAProductNotInTheCartIsAViolation() {
    assertEquals(List.of(new Violation("oci.validate.productInCart", "PRODUCTID", "VALIDATE asked for product Z, which is not one line of the cart")),
        render(session(ConnectionFormat.OCI_4_0, OciCallUp.FUNCTION, "VALIDATE", OciCallUp.PRODUCTID, "Z"), THREE)
            .violations());
  }

  @Test
  void backgroundSearchReturnsEveryItemOnAPageThatDoesNotSubmitItself() {
    ReturnForm form = form(session(ConnectionFormat.OCI_4_0, OciCallUp.FUNCTION, "BACKGROUND_SEARCH",
        OciCallUp.SEARCHSTRING, "drill"), THREE);
    assertEquals(ReturnForm.Submit.MANUAL, form.submit());
    assertEquals("C", fields(form).get("NEW_ITEM-EXT_PRODUCT_ID[3]"));
    String page = ReturnFormPage.html(form);
    assertFalse(page.contains("<script"), page);
    assertTrue(page.contains("<button type=\"submit\""));
  }

  @Test
  void otherFunctionsAndNoFunctionSubmitAutomatically() {
    for (String function : new String[] {null, "DETAIL", "SOURCING", "background_searchX"}) {
      ReturnForm form = form(session(ConnectionFormat.OCI_4_0, OciCallUp.FUNCTION, function), THREE);
      assertEquals(ReturnForm.Submit.AUTOMATIC, form.submit(), String.valueOf(function));
      assertEquals("C", fields(form).get("NEW_ITEM-EXT_PRODUCT_ID[3]"));
    }
  }

  @Test
  void functionNamesAreMatchedInAnyCase() {
    assertEquals(ReturnForm.Submit.MANUAL, form(session(ConnectionFormat.OCI_4_0, OciCallUp.FUNCTION,
        "background_search"), THREE).submit());
  }
}
