package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;

class ConnectionJsonTest {

  @Test
  void namesEveryProblemOfADocumentAtOnce() {
    var doc = Json.parse("""
        {"format":"CXML","shopStartUrl":"https://shop.example/start",
         "cxml":{"sender":[{"domain":"NetworkID"}],"returnEncoding":"cxml-base64"}}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var refused = assertThrows(IllegalArgumentException.class, () -> ConnectionJson.read(doc, null));
    assertEquals("connection field 'id' is required; connection field 'userGroup' is required;"
        + " connection field 'cxml.sender[0].identity' is required", refused.getMessage());
  }

  @Test
  void namesAnUnknownFormatAndBadCxmlSettingsTogether() {
    var doc = Json.parse("""
        {"id":"c1","format":"EDI","userGroup":"g","shopStartUrl":"https://shop.example/start",
         "cxml":{"returnEncoding":"cxml-zip"}}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var refused = assertThrows(IllegalArgumentException.class, () -> ConnectionJson.read(doc, null));
    assertEquals("connection field 'format' must be one of [OCI_3_0, OCI_4_0, OCI_5_0, CXML, PEPPOL_PUNCHOUT];"
        + " cxml: returnEncoding must be cxml-base64 or cxml-urlencoded", refused.getMessage());
  }

  @Test
  void peppolSettingsRoundTripAndADocumentWithoutThemGetsTheDefaults() {
    var connection = org.punchgate.testing.Fixtures.peppolConnection("p1");
    var read = ConnectionJson.read(ConnectionJson.write(connection), null);
    assertEquals(connection.peppol(), read.peppol());
    assertEquals("S", read.peppol().defaultVatCategory());
    var bare = ConnectionJson.read(Json.parse("""
        {"id":"p2","format":"PEPPOL_PUNCHOUT","userGroup":"g","shopStartUrl":"https://shop.example/start"}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null);
    assertEquals(PeppolSettings.LoginNames.DEFAULT, bare.peppol().login());
    assertEquals("RETURN_URL", bare.peppol().login().returnUrl());
    assertEquals("BUYER_REFERENCE", bare.peppol().login().buyerReference());
    assertEquals("cart", bare.peppol().cartField());
  }

  @Test
  void aBadPeppolEncodingIsOneMoreProblem() {
    var doc = Json.parse("""
        {"id":"p3","format":"PEPPOL_PUNCHOUT","userGroup":"g","shopStartUrl":"https://s.example/",
         "peppol":{"encoding":"UTF-16"}}
        """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    var refused = assertThrows(IllegalArgumentException.class, () -> ConnectionJson.read(doc, null));
    assertEquals("peppol: encoding must be UTF-8 or ISO-8859-1", refused.getMessage());
  }

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

  @Test
  void theTopLevelUserIsTheFirstOfTheUsersAndOnlyHashesAreWritten() {
    Connection read = ConnectionJson.read(Json.parse("""
        {"id": "acme", "format": "OCI_4_0", "userGroup": "g", "shopStartUrl": "https://shop.example/start",
         "username": "acme", "password": "pw",
         "users": [{"username": "anna", "password": "anna-pw"}, {"username": "bo", "secretHash": "hmac-sha256$abc"}]}"""),
        new SecureRandom());
    assertEquals(List.of("acme", "anna", "bo"), read.users().stream().map(ConnectionUser::username).toList());
    assertTrue(org.punchgate.security.SecretHash.verify("anna-pw", read.users().get(1).secretHash()));
    String written = Json.write(ConnectionJson.write(read));
    assertFalse(written.contains("anna-pw") || written.contains("\"pw\""), written);
    assertEquals(read, ConnectionJson.read(Json.parse(written), null));
    assertEquals(List.of("anna", "bo"), read.withoutSecret().moreUsers().stream().map(ConnectionUser::username).toList());
    assertTrue(read.withoutSecret().users().stream().allMatch(u -> u.secretHash() == null));
  }

  @Test
  void withoutATopLevelUserTheFirstOfUsersIsTheFirstUser() {
    Connection read = ConnectionJson.read(Json.parse("""
        {"id": "acme", "format": "OCI_4_0", "userGroup": "g", "shopStartUrl": "https://shop.example/start",
         "users": [{"username": "anna", "secretHash": "hmac-sha256$a"}, {"username": "bo", "secretHash": "hmac-sha256$b"}]}"""),
        null);
    assertEquals("anna", read.username());
    assertEquals("hmac-sha256$a", read.secretHash());
    assertEquals(List.of(new ConnectionUser("bo", "hmac-sha256$b")), read.moreUsers());
  }
}
