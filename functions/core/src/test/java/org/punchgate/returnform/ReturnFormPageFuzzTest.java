package org.punchgate.returnform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.cxml.CxmlCartRenderer;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.cxml.PayloadIds;
import org.punchgate.json.Json;
import org.punchgate.oci.OciCartRenderer;
import org.punchgate.oci.OciHtmlForms;
import org.punchgate.security.RandomIds;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;
import org.punchgate.testing.FuzzBudget;

/**
 * Fuzz target: the writers, round-tripped. A cart the reader accepts is written as an OCI page and as a cXML
 * PunchOutOrderMessage page; each page parses back to exactly the fields we wrote (no value escaped its
 * attribute: no unescaped markup, no script but ours), and the cXML reads back to the same values.
 */
class ReturnFormPageFuzzTest {

  private static final Fixtures.MutableClock CLOCK = Fixtures.clock();
  private static final CartRenderer OCI = new OciCartRenderer();
  private static final CartRenderer CXML = new CxmlCartRenderer(new PayloadIds(new RandomIds(), CLOCK, "gw.example"), CLOCK);
  private static final Session OCI_SESSION = new Session("s-oci", Fixtures.ociConnection("oci5", ConnectionFormat.OCI_5_0)
      .withoutSecret(), "u", SessionStatus.OPEN, Fixtures.NOW, Fixtures.NOW.plus(Duration.ofHours(1)),
      new CallUp.Oci(Map.of("HOOK_URL", "https://srm.example.com/hook?sap-client=100")), Map.of(), null, null, null);
  private static final Session CXML_SESSION = new Session("s-cxml", Fixtures.cxmlConnection("cxml", "cxml-base64")
      .withoutSecret(), "u", SessionStatus.OPEN, Fixtures.NOW, Fixtures.NOW.plus(Duration.ofHours(1)), cxmlCallUp(),
      Map.of(), null, null, null);

  private static CallUp cxmlCallUp() {
    Map<String, String> callUp = new LinkedHashMap<>();
    callUp.put(CallUp.Cxml.BUYER_COOKIE, "cookie-1");
    callUp.put(CallUp.Cxml.BROWSER_FORM_POST, "http://localhost:3000/buyer/cxml/return");
    callUp.put("operation", "create");
    return CallUp.fromStored(ConnectionFormat.CXML, callUp);
  }

  @FuzzTest(maxDuration = "10m")
  void whatWeWriteParsesBackToTheSameValues(FuzzedDataProvider data) {
    ObjectNode root = Json.object();
    root.put("currency", "EUR");
    var lines = root.putArray("lines");
    int count = data.consumeInt(1, 3);
    for (int i = 0; i < count; i++) {
      ObjectNode line = lines.addObject();
      line.put("sku", data.consumeString(40));
      line.put("description", data.consumeString(120));
      line.put("auxiliaryId", data.consumeString(60));
      line.put("longText", data.consumeString(200));
      line.put("manufacturer", data.consumeString(40));
      line.put("quantity", BigDecimal.valueOf(data.consumeLong(1, 999_999_999), data.consumeInt(0, 3)));
      line.put("unit", data.pickValue(List.of("PCE", "EA", "pcs", "SET")));
      line.put("unitPrice", BigDecimal.valueOf(data.consumeLong(0, 99_999_999_999L), data.consumeInt(0, 6)));
    }
    var submission = CartJson.read(root);
    if (!submission.valid()) {
      return; // the reader's refusals are its own target's business
    }
    Cart cart = submission.cart();
    FuzzBudget.within(() -> {
      pageRoundTrip(OCI.render(OCI_SESSION, cart, false));
      var cxml = CXML.render(CXML_SESSION, cart, false);
      pageRoundTrip(cxml);
      if (cxml.valid()) {
        String encoded = cxml.form().fields().stream().filter(f -> f.name().equals("cxml-base64")).findFirst()
            .orElseThrow().value();
        var read = assertInstanceOf(CxmlReader.Result.Read.class, CxmlReader.read(Base64.getDecoder().decode(encoded)));
        var message = assertInstanceOf(CxmlPayload.PunchOutOrderMessage.class, read.document().payload());
        for (int i = 0; i < cart.lines().size(); i++) {
          CartLine sent = cart.lines().get(i);
          CartLine back = message.cart().lines().get(i);
          assertEquals(sent.auxiliaryId(), back.auxiliaryId(), "SupplierPartAuxiliaryID is kept byte-exactly");
          assertEquals(0, sent.quantity().compareTo(back.quantity()));
          assertEquals(0, sent.unitPrice().compareTo(back.unitPrice()), "unit prices stay exact");
        }
      }
    });
  }

  /** The page of a form parses back to one form with exactly the fields we wrote, in order. */
  private static void pageRoundTrip(CartRenderer.Rendered rendered) {
    if (!rendered.valid()) {
      return;
    }
    ReturnForm form = rendered.form();
    String html = ReturnFormPage.html(form);
    List<OciHtmlForms.Form> forms = OciHtmlForms.extract(html);
    assertEquals(1, forms.size(), html);
    var parsed = forms.getFirst().fields().all();
    assertEquals(form.fields().size(), parsed.size(), "no value opened a tag of its own");
    for (int i = 0; i < parsed.size(); i++) {
      assertEquals(form.fields().get(i).name(), parsed.get(i).name());
      assertEquals(form.fields().get(i).value(), parsed.get(i).value());
    }
    assertEquals(form.submit() == ReturnForm.Submit.AUTOMATIC ? 1 : 0, html.split("<script", -1).length - 1,
        "no script but our own");
  }
}
