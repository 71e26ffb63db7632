package org.punchgate.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.security.RandomIds;
import org.punchgate.session.InMemorySessionStore;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.testing.Fixtures;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;

class OciLoginTest {

  private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  private final InMemorySessionStore sessions = new InMemorySessionStore();
  private final Fixtures.MutableClock clock = Fixtures.clock();
  private final PunchoutTokens tokens = Fixtures.tokens(clock);
  private OciLoginHttp login;

  @BeforeEach
  void setUp() {
    connections.put(Fixtures.ociConnection("oci4", ConnectionFormat.OCI_4_0));
    connections.put(Fixtures.ociConnection("oci3", ConnectionFormat.OCI_3_0));
    connections.put(Fixtures.inactive(Fixtures.ociConnection("off", ConnectionFormat.OCI_5_0)));
    login = new OciLoginHttp(new OciLogin(connections, sessions, tokens, new RandomIds(), clock), 10_000);
  }

  private static String form(String... pairs) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (!s.isEmpty()) {
        s.append('&');
      }
      s.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return s.toString();
  }

  private static HttpRequest get(String connectionId, String query) {
    return new HttpRequest("GET", "/punchout/oci/" + connectionId, Map.of("connectionId", connectionId), query,
        Map.of(), null);
  }

  private static HttpRequest post(String connectionId, String body, Charset charset, String contentType) {
    return new HttpRequest("POST", "/punchout/oci/" + connectionId, Map.of("connectionId", connectionId), "",
        Map.of("content-type", contentType), body.getBytes(charset));
  }

  private Session onlySession(HttpResponse response) {
    return sessions.find(response.sessionId()).orElseThrow();
  }

  private TokenClaims claimsOf(HttpResponse response) {
    String location = response.headers().get("location");
    String token = location.substring(location.indexOf("punchout_token=") + "punchout_token=".length());
    return ((PunchoutTokens.Verification.Valid) tokens.verify(token)).claims();
  }

  @Test
  void redirectsToTheShopWithASignedTokenAndOpensASession() {
    HttpResponse response = login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass",
        "HOOK_URL", "https://srm.example.com/sap/bc/gui/sap/its/bbpmaininit?sap-client=100&x=1",
        "OCI_VERSION", "4.0", "returntarget", "_parent", "http_content_charset", "iso-8859-1")));

    assertEquals(302, response.status());
    assertTrue(response.headers().get("location").startsWith("https://shop.example.com/punchout/start?punchout_token="));
    Session session = onlySession(response);
    assertEquals(SessionStatus.OPEN, session.status());
    assertEquals("https://srm.example.com/sap/bc/gui/sap/its/bbpmaininit?sap-client=100&x=1", session.callUp().stored().get("HOOK_URL"));
    assertEquals("_parent", session.callUp().stored().get("returntarget"));
    assertEquals("iso-8859-1", session.callUp().stored().get("http_content_charset"));
    assertNull(session.connection().secretHash(), "the session keeps no secret");
    assertEquals(Fixtures.NOW.plusSeconds(1800), session.expiresAt());

    TokenClaims claims = claimsOf(response);
    assertEquals(session.id(), claims.sessionId());
    assertEquals("oci4", claims.connectionId());
    assertEquals("acme-buyers", claims.userGroup());
    assertEquals("oci4", claims.subject());
    assertNull(claims.function());
    assertEquals(session.expiresAt(), claims.expiresAt());
    assertTrue(session.id().length() >= 22, "at least 128 random bits");
  }

  @Test
  void acceptsAFormPostInTheCharsetTheCallUpDeclares() {
    String body = "USERNAME=oci3&PASSWORD=oci3-pass&HOOK_URL="
        + URLEncoder.encode("http://localhost:3000/hook?name=Müller", StandardCharsets.ISO_8859_1)
        + "&http_content_charset=ISO-8859-1&~OkCode=ADDI&~target=_top&~CALLER=CTLG";
    HttpResponse response = login.login(post("oci3", body, StandardCharsets.ISO_8859_1,
        "application/x-www-form-urlencoded"));

    assertEquals(302, response.status());
    Session session = onlySession(response);
    assertEquals("http://localhost:3000/hook?name=Müller", session.callUp().stored().get("HOOK_URL"));
    assertEquals("_top", session.callUp().stored().get("~TARGET"), "OCI 3.0 field names are matched case-insensitively");
    assertEquals("ADDI", session.callUp().stored().get("~OkCode"));
  }

  @Test
  void keepsTheCatalogFunctionAndItsParameters() {
    HttpResponse response = login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass",
        "HOOK_URL", "https://srm.example.com/hook", "FUNCTION", "validate", "PRODUCTID", "SKU-1", "QUANTITY", "3")));

    assertEquals(302, response.status());
    assertEquals("VALIDATE", onlySession(response).callUp().stored().get("FUNCTION"));
    assertEquals("SKU-1", onlySession(response).callUp().stored().get("PRODUCTID"));
    assertEquals("VALIDATE", claimsOf(response).function());
  }

  @Test
  void refusesAFunctionTheVersionDoesNotKnowOrThatLacksItsParameter() {
    assertEquals(400, login.login(get("oci3", form("USERNAME", "oci3", "PASSWORD", "oci3-pass",
        "HOOK_URL", "https://srm.example.com/hook", "FUNCTION", "BACKGROUND_SEARCH", "SEARCHSTRING", "x"))).status());
    assertEquals(400, login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass",
        "HOOK_URL", "https://srm.example.com/hook", "FUNCTION", "DETAIL"))).status());
    assertEquals(400, login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass",
        "HOOK_URL", "https://srm.example.com/hook", "FUNCTION", "VALIDATE", "PRODUCTID", "1", "QUANTITY", "1,5"))).status());
    assertTrue(sessions.find("none").isEmpty());
  }

  @Test
  void answersEachFailureWithItsStatusAndWritesNothing() {
    InMemorySessionStore untouched = sessions;
    assertEquals(404, login.login(get("nope", form("USERNAME", "x", "PASSWORD", "y", "HOOK_URL", "https://srm.example.com/"))).status());
    assertEquals(403, login.login(get("off", form("USERNAME", "off", "PASSWORD", "off-pass", "HOOK_URL", "https://srm.example.com/"))).status());
    assertEquals(401, login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "wrong", "HOOK_URL", "https://srm.example.com/"))).status());
    assertEquals(401, login.login(get("oci4", form("USERNAME", "someone", "PASSWORD", "oci4-pass", "HOOK_URL", "https://srm.example.com/"))).status());
    assertEquals(400, login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass"))).status());
    assertEquals(400, login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass", "HOOK_URL", "https://evil.example.net/"))).status());
    assertEquals(400, login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass", "HOOK_URL", "https://srm.example.com:8443/"))).status());
    assertEquals(400, login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass", "HOOK_URL", "javascript:alert(1)"))).status());
    assertEquals(413, login.login(post("oci4", "USERNAME=" + "x".repeat(20_000), StandardCharsets.UTF_8,
        "application/x-www-form-urlencoded")).status());
    assertEquals(0, untouched.size());
  }

  @Test
  void errorPagesEscapeWhatTheCallerSent() {
    HttpResponse response = login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass",
        "HOOK_URL", "https://srm.example.com/", "FUNCTION", "<script>alert(1)</script>")));
    assertEquals(400, response.status());
    assertTrue(response.bodyText().contains("&lt;script&gt;"));
    assertTrue(!response.bodyText().contains("<script>"));
  }

  @Test
  void readsAGetCallUpInItsDeclaredCharset() {
    String query = "USERNAME=oci4&PASSWORD=oci4-pass&http_content_charset=iso-8859-1&HOOK_URL="
        + URLEncoder.encode("https://srm.example.com/hook?user=Jürgen", StandardCharsets.ISO_8859_1);
    HttpResponse response = login.login(get("oci4", query));
    assertEquals(302, response.status());
    assertEquals("https://srm.example.com/hook?user=Jürgen", onlySession(response).callUp().stored().get("HOOK_URL"));
  }

  @Test
  void anOversizedConnectionIdIsAnUnknownCatalogWithoutALookup() {
    var guarded = new org.punchgate.testing.LookupCountingStore(connections);
    var strict = new OciLoginHttp(new OciLogin(guarded, sessions, tokens, new RandomIds(), clock), 10_000);
    HttpResponse response = strict.login(get("c".repeat(2040), form("USERNAME", "oci4", "PASSWORD", "oci4-pass")));
    assertEquals(404, response.status());
    assertTrue(response.contentType().startsWith("text/html"));
    assertEquals(0, guarded.lookups());
  }

  @Test
  void aCallUpInAnotherCharsetThanDeclaredIsRefusedNamingTheCharset() {
    String latin1Hook = URLEncoder.encode("http://localhost:3000/hook?name=Müller", StandardCharsets.ISO_8859_1);
    HttpResponse response = login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass",
        "http_content_charset", "utf-8") + "&HOOK_URL=" + latin1Hook));
    assertEquals(400, response.status());
    assertTrue(response.bodyText().contains("charset"), response.bodyText());
    assertEquals(0, sessions.size());
  }

  @Test
  void anUnknownDeclaredCharsetIsRefusedNamingTheCharset() {
    HttpResponse response = login.login(get("oci4", form("USERNAME", "oci4", "PASSWORD", "oci4-pass",
        "http_content_charset", "klingon-8", "HOOK_URL", "http://localhost:3000/hook")));
    assertEquals(400, response.status());
    assertTrue(response.bodyText().contains("charset"), response.bodyText());
  }

  @Test
  void anyUserOfTheConnectionLogsInWithItsOwnSecretAndTheTokenAndSessionNameThatUser() {
    var c = Fixtures.ociConnection("team", ConnectionFormat.OCI_4_0);
    connections.put(c.withUsers(java.util.List.of(c.users().get(0),
        new org.punchgate.connection.ConnectionUser("erika", Fixtures.hash("erika-pass")))));
    String hook = "https://srm.example.com/hook";

    HttpResponse first = login.login(get("team", form("USERNAME", "team", "PASSWORD", "team-pass", "HOOK_URL", hook)));
    HttpResponse second = login.login(get("team", form("USERNAME", "erika", "PASSWORD", "erika-pass", "HOOK_URL", hook)));

    assertEquals(302, first.status());
    assertEquals(302, second.status());
    assertEquals("team", onlySession(first).username());
    assertEquals("team", claimsOf(first).subject());
    assertEquals("erika", onlySession(second).username());
    assertEquals("erika", claimsOf(second).subject());
    assertEquals("acme-buyers", claimsOf(second).userGroup(), "every user logs in to the connection's user group");
    assertEquals(401, login.login(get("team", form("USERNAME", "erika", "PASSWORD", "team-pass", "HOOK_URL", hook)))
        .status(), "each user has a secret of its own");
  }
}
