package org.punchgate.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.punchgate.http.HttpResponse;

/** The Lambda response carries exactly the bytes the service wrote, whether or not it skips the decoding. */
class HttpFunctionResponseTest {

  @Test
  void sendsTheDecodedBytesOfEveryUtf8Page() {
    for (String page : new String[] {"<p>plain</p>", "<p>Bohrmaschine für Holz – 18 V 😀</p>", "lone \ud800 half", ""}) {
      HttpResponse response = HttpResponse.html(200, page, StandardCharsets.UTF_8);
      var lambda = HttpFunction.toResponse(response);
      assertEquals(new String(response.body(), StandardCharsets.UTF_8), lambda.getBody(), page);
      assertFalse(lambda.getIsBase64Encoded());
    }
  }

  @Test
  void sendsOtherCharsetsAsBase64OfTheirBytes() {
    HttpResponse response = HttpResponse.html(200, "<p>für</p>", StandardCharsets.ISO_8859_1);
    var lambda = HttpFunction.toResponse(response);
    assertEquals(java.util.Base64.getEncoder().encodeToString("<p>für</p>".getBytes(StandardCharsets.ISO_8859_1)),
        lambda.getBody());
  }
}
