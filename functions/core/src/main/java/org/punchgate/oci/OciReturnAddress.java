package org.punchgate.oci;

import java.nio.charset.Charset;
import java.util.List;
import org.punchgate.http.FormParameters;
import org.punchgate.returnform.ReturnForm;

/**
 * The buyer's return URL split the OCI way (SPECS §1.1 step 2): the form posts to the URL without its
 * query, and each query parameter travels as a hidden field instead, since a POST form would drop it.
 * The query is decoded in the page charset so that the browser encodes it back to the same bytes.
 */
record OciReturnAddress(String action, List<ReturnForm.Field> queryFields) {

  static OciReturnAddress of(String hookUrl, Charset charset) {
    String url = hookUrl.strip();
    String fragment = "";
    int hash = url.indexOf('#');
    if (hash >= 0) {
      fragment = url.substring(hash);
      url = url.substring(0, hash);
    }
    int question = url.indexOf('?');
    if (question < 0) {
      return new OciReturnAddress(url + fragment, List.of());
    }
    List<ReturnForm.Field> fields = FormParameters.parse(url.substring(question + 1), charset).all().stream()
        .map(p -> new ReturnForm.Field(p.name(), p.value()))
        .toList();
    return new OciReturnAddress(url.substring(0, question) + fragment, fields);
  }
}
