package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.punchgate.oci.OciFixtures.cart;
import static org.punchgate.oci.OciFixtures.form;
import static org.punchgate.oci.OciFixtures.line;
import static org.punchgate.oci.OciFixtures.session;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.http.FormParameters;
import org.punchgate.returnform.ReturnForm;
import org.punchgate.returnform.ReturnFormPage;

class OciHtmlFormsTest {

  private static List<FormParameters.Parameter> params(String... pairs) {
    List<FormParameters.Parameter> list = new java.util.ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      list.add(new FormParameters.Parameter(pairs[i], pairs[i + 1]));
    }
    return list;
  }

  @Test
  void readsFormsAsCatalogsWriteThem() {
    String html = """
        HTTP/1.1 200 OK
        Content-Type: text/html

        <HTML><BODY>
        <!-- <form action="http://commented.out"><input name="no" value="no"></form> -->
        <script>var s = "<form action='http://in.script'><input name=no value=no>";</script>
        <FORM METHOD=post ACTION='http://return.to/me?x=1&amp;y=2' target="_top">
          <INPUT TYPE="HIDDEN" NAME="NEW_ITEM-DESCRIPTION[1]" VALUE="Monitor 27&quot; &auml;&Ouml;&szlig; &#9731;&#x2603; &euro;">
          <input value='single "quoted"' name='a' type=hidden>
          <input name=unquoted value=plain/text>
          <input name="empty">
          <input name="noisy"   value  =  "spaced"  >
          <input type="submit" name="go" value="Go">
          <input type="checkbox" name="off" value="1"><input type="checkbox" name="on" value="1" checked>
          <input name="dis" value="x" disabled>
          <textarea name="NEW_ITEM-LONGTEXT_1:132[]">
        line one &amp; more
        line two</textarea>
          <input name="amp" value="AT&T &unknown; &amp &#0;">
        </FORM>
        <form action="/second"><input type=hidden name=b value=2></form>
        """;
    List<OciHtmlForms.Form> forms = OciHtmlForms.extract(html);
    assertEquals(2, forms.size());
    OciHtmlForms.Form first = forms.getFirst();
    assertEquals("http://return.to/me?x=1&y=2", first.action());
    assertEquals("POST", first.method());
    assertEquals("_top", first.target());
    assertEquals(params(
        "NEW_ITEM-DESCRIPTION[1]", "Monitor 27\" äÖß ☃☃ €",
        "a", "single \"quoted\"",
        "unquoted", "plain/text",
        "empty", "",
        "noisy", "spaced",
        "on", "1",
        "NEW_ITEM-LONGTEXT_1:132[]", "line one & more\nline two",
        "amp", "AT&T &unknown; &amp \uFFFD"), first.fields().all());
    assertEquals("GET", forms.get(1).method());
    assertNull(forms.get(1).target());
    assertEquals("2", forms.get(1).fields().first("b"));
  }

  @Test
  void keepsAFormLeftOpenAtTheEndOfThePage() {
    List<OciHtmlForms.Form> forms = OciHtmlForms.extract("<form action=x><input name=a value=1><input name=b value=\"2");
    assertEquals(1, forms.size());
    assertEquals(params("a", "1", "b", "2"), forms.getFirst().fields().all());
  }

  @Test
  void toleratesBrokenMarkupAndStaysLinear() {
    assertEquals(List.of(), OciHtmlForms.extract("<<<>>> < / <1 <!doctype <"));
    String hostile = "<form action=x>" + "<input name=a value=\"&&&&&&&&&&&&&".repeat(20_000)
        + "<".repeat(100_000) + "&#".repeat(100_000);
    assertTimeoutPreemptively(Duration.ofSeconds(2), () -> OciHtmlForms.extract(hostile));
  }

  @Test
  void readsBackWhatTheReturnPageWritesWhateverTheValues() {
    String tricky = "<script>alert('x')</script> \"quoted\" & 'single' > < &amp; &#39;";
    var session = session(ConnectionFormat.OCI_4_0, OciCallUp.HOOK_URL,
        "https://srm.example.com/ret?a=%22%3E%3Cb%3E&b=it's", OciCallUp.RETURN_TARGET, "_parent\"x");
    ReturnForm form = form(session, cart(line("A&B<1>").description(tricky).longText(tricky).build()));

    OciHtmlForms.Form parsed = OciHtmlForms.extract(ReturnFormPage.html(form)).getFirst();

    assertEquals("https://srm.example.com/ret", parsed.action());
    assertEquals("_parent\"x", parsed.target());
    assertEquals("POST", parsed.method());
    assertEquals(form.fields().stream().map(f -> new FormParameters.Parameter(f.name(), f.value())).toList(),
        parsed.fields().all());
    assertEquals("\"><b>", parsed.fields().first("a"));
    assertEquals(tricky, parsed.fields().first("NEW_ITEM-LONGTEXT_1:132[]"));
  }
}
