package org.punchgate.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.punchgate.json.Json;
import org.punchgate.validation.Violation;

class ConnectionCheckTest {

  private static final String OCI = """
      {"id": "acme-srm", "format": "OCI_4_0", "userGroup": "acme", "username": "acme", "password": "pw",
       "allowedReturnOrigins": ["https://srm.acme.example"], "shopStartUrl": "https://shop.example/start"}""";

  private static List<String> problems(String json) {
    return ConnectionCheck.check(Json.parse(json), "connections[0]").stream().map(Violation::toString).toList();
  }

  @Test
  void theReadmeExampleHasNoProblems() {
    assertEquals(List.of(), problems(OCI));
  }

  @Test
  void aMisspelledFieldIsRefusedWhereItIs() {
    List<String> problems = problems(OCI.replace("\"allowedReturnOrigins\"", "\"allowedReturnOrigin\""));
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("connections[0].allowedReturnOrigin: unknown field allowedReturnOrigin"),
        problems::toString);
  }

  @Test
  void aConnectionWithoutPasswordIsRefused() {
    assertEquals(List.of("connections[0].password: password is required: without it every OCI login is refused"),
        problems(OCI.replace(", \"password\": \"pw\"", "")));
  }

  @Test
  void everyProblemIsReportedAtOnceAndEnumsInWords() {
    List<String> problems = problems("""
        {"id": "x", "format": "OCI_6_0", "active": "yes",
         "cxml": {"sender": [{"domain": "DUNS"}], "returnEncoding": "xml"}}""");
    assertTrue(problems.contains("connections[0].format: format must be one of OCI_3_0, OCI_4_0, OCI_5_0, CXML, "
        + "PEPPOL_PUNCHOUT, not OCI_6_0"), problems::toString);
    assertTrue(problems.contains("connections[0].userGroup: userGroup is required"), problems::toString);
    assertTrue(problems.contains("connections[0].shopStartUrl: shopStartUrl is required"), problems::toString);
    assertTrue(problems.contains("connections[0].active: active must be true or false"), problems::toString);
    assertTrue(problems.contains("connections[0].cxml.sender[0].identity: identity is required"), problems::toString);
    assertTrue(problems.contains("connections[0].cxml.returnEncoding: cxml.returnEncoding must be one of "
        + "cxml-base64, cxml-urlencoded, not xml"), problems::toString);
  }

  @Test
  void aCxmlConnectionNeedsASenderAndItsSharedSecret() {
    List<String> problems = problems("""
        {"id": "c", "format": "CXML", "userGroup": "g", "shopStartUrl": "https://shop.example/start",
         "cxml": {"sender": []}}""");
    assertEquals(List.of(
        "connections[0].cxml.sender: cxml.sender needs at least one credential: connections are found by the Sender",
        "connections[0].cxml.sharedSecret: cxml.sharedSecret is required: without it every cXML setup request is refused"),
        problems);
  }

  @Test
  void whatTheStoreWritesPassesTheCheck() {
    var connection = ConnectionJson.read(Json.parse(OCI), new java.security.SecureRandom());
    assertEquals(List.of(), ConnectionCheck.check(ConnectionJson.write(connection), ""));
  }

  @Test
  void whatTheStoreWritesOfACxmlConnectionPassesTheCheckAndAWrongOperationIsNamed() {
    String cxml = """
        {"id": "c", "format": "CXML", "userGroup": "g", "shopStartUrl": "https://shop.example/start",
         "cxml": {"sender": [{"domain": "DUNS", "identity": "1"}], "sharedSecret": "s", "operationAllowed": "inspect"}}""";
    var connection = ConnectionJson.read(Json.parse(cxml), new java.security.SecureRandom());
    assertEquals(List.of(), ConnectionCheck.check(ConnectionJson.write(connection), ""));
    assertEquals(List.of("connections[0].cxml.operationAllowed: cxml.operationAllowed must be one of create, inspect,"
        + " edit, not source"), problems(cxml.replace("inspect", "source")));
  }

  @Test
  void usersAreCheckedWithTheirPathsAndTheirNamesAreUniqueWithinTheConnection() {
    List<String> problems = problems(OCI.replace("\"password\": \"pw\"", """
        "password": "pw", "users": [{"username": "anna", "password": "a"}, {"username": "acme", "password": "b"},
          {"username": "anna", "secretHash": "hmac-sha256$x"}, {"username": "bo", "pasword": "c"}, "carl"]"""));
    assertEquals(List.of(
        "connections[0].users[1].username: user name acme is already used at connections[0].username: user names are"
            + " unique within a connection",
        "connections[0].users[2].username: user name anna is already used at connections[0].users[0].username: user"
            + " names are unique within a connection",
        "connections[0].users[3].pasword: unknown field pasword; known here: password, secretHash, username",
        "connections[0].users[3].password: password is required: without it this user's logins are refused",
        "connections[0].users[4]: a user is {\"username\": ..., \"password\": ...}"), problems);
  }

  @Test
  void anOciConnectionMayNameItsUsersOnlyInUsers() {
    assertEquals(List.of(), problems(OCI.replace("\"username\": \"acme\", \"password\": \"pw\"",
        "\"users\": [{\"username\": \"anna\", \"password\": \"a\"}]")));
  }

  @Test
  void aCxmlConnectionHasNoUsers() {
    List<String> problems = problems("""
        {"id": "c", "format": "CXML", "userGroup": "g", "shopStartUrl": "https://shop.example/start",
         "cxml": {"sender": [{"domain": "DUNS", "identity": "1"}], "sharedSecret": "s"},
         "users": [{"username": "anna", "password": "a"}]}""");
    assertEquals(List.of("connections[0].users: users are for OCI and PEPPOL logins: a cXML connection has one shared"
        + " secret (cxml.sharedSecret)"), problems);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"acme/srm", "acme srm", "-acme", "acme%2F", "ä"})
  void anIdIsAPlainPathSegment(String id) {
    assertEquals(List.of("connections[0].id: id must be 1 to 128 letters, digits, '.', '_' or '-', starting with a"
        + " letter or digit: it is part of the login URL"), problems(OCI.replace("acme-srm", id)));
  }

  @Test
  void anIdOfAnyLengthUpToTheLongestLookedUpIsAccepted() {
    assertEquals(List.of(), problems(OCI.replace("acme-srm", "a.b_c-1".repeat(18) + "ab")));
    assertEquals(1, problems(OCI.replace("acme-srm", "a".repeat(Connection.MAX_ID_CHARS + 1))).size());
  }
}
