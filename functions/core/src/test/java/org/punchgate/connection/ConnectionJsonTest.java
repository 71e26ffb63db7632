package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.punchgate.cxml.PunchOutOperation;
import org.punchgate.json.Json;

class ConnectionJsonTest {

  private static final String CXML = """
      {"id":"c","format":"CXML","userGroup":"g","shopStartUrl":"https://shop.example/","secretHash":"x",
       "cxml":{"sender":[{"domain":"NetworkID","identity":"AN1"}],"returnEncoding":"cxml-base64"%s}}
      """;

  @Test
  void aCxmlConnectionAllowsEditUnlessItSaysLess() {
    Connection open = ConnectionJson.read(Json.parse(CXML.formatted("")), new SecureRandom());
    assertEquals(PunchOutOperation.EDIT, open.cxml().operationAllowed());
    Connection lowered = ConnectionJson.read(Json.parse(CXML.formatted(",\"operationAllowed\":\"inspect\"")), new SecureRandom());
    assertEquals(PunchOutOperation.INSPECT, lowered.cxml().operationAllowed());
    Connection again = ConnectionJson.read(ConnectionJson.write(lowered), new SecureRandom());
    assertEquals(lowered.cxml(), again.cxml());
  }
}
