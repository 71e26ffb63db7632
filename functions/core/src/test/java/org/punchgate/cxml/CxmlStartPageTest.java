package org.punchgate.cxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.punchgate.connection.Connection;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.connection.InMemoryConnectionStore;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretHash;
import org.punchgate.token.PunchoutTokens;

class CxmlStartPageTest {

  /** A clock the test moves forward. */
  static final class MovingClock extends Clock {
    Instant now = CxmlFixtures.t0();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final MovingClock clock = new MovingClock();
  private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
  private final CxmlSetupServiceTest.RecordingSessionStore sessions = new CxmlSetupServiceTest.RecordingSessionStore();
  private final PunchoutTokens tokens = new PunchoutTokens("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), clock);
  private final CxmlSetupHttp setup = new CxmlSetupHttp(new CxmlSetupService(connections, sessions, new RandomIds(), clock), new RandomIds(), clock, "https://gw.example", 1 << 20);
  private final CxmlStartPage startPage = new CxmlStartPage(sessions, tokens, new RandomIds(), clock);

  CxmlStartPageTest() {
    connections.put(CxmlFixtures.connection("1.2.050", CxmlSettings.BASE64,
        SecretHash.hash("s3cr3t", new SecureRandom(), 1000), true));
  }

  private String startPageUrl() {
    HttpResponse http = setup.handle(CxmlSetupServiceTest.post(CxmlSetupServiceTest.sample()));
    return CxmlSetupServiceTest.response(http).startPageUrl();
  }

  private HttpResponse open(String url) {
    String path = url.substring("https://gw.example".length(), url.indexOf('?'));
    String sessionId = path.substring(CxmlStartPage.ROUTE_PREFIX.length());
    return startPage.handle(new HttpRequest("GET", path, Map.of(CxmlStartPage.SESSION_ID_PARAMETER, sessionId),
        url.substring(url.indexOf('?') + 1), Map.of(), null));
  }

  @Test
  void redirectsToTheShopWithASignedToken() {
    String url = startPageUrl();
    HttpResponse http = open(url);
    assertEquals(302, http.status());
    String location = http.headers().get("location");
    assertTrue(location.startsWith("https://shop.example/punchout/start?lang=en&punchout_token="), location);
    String token = URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + 15), StandardCharsets.UTF_8);
    var valid = assertInstanceOf(PunchoutTokens.Verification.Valid.class, tokens.verify(token));
    var session = sessions.created.values().iterator().next();
    assertEquals(session.id(), valid.claims().sessionId());
    assertEquals("acme-cxml", valid.claims().connectionId());
    assertEquals("acme-buyers", valid.claims().userGroup());
    assertEquals("erika.berg@buyer.example", valid.claims().subject());
    assertNull(valid.claims().function());
    assertEquals(session.expiresAt(), valid.claims().expiresAt(), "the shop's token lives as long as the session");
    assertEquals(session.id(), http.sessionId());
  }

  @Test
  void putsTheTokenBeforeAFragmentOfTheShopStartUrl() {
    Connection plain = connections.find("acme-cxml").orElseThrow();
    connections.put(new Connection(plain.id(), plain.name(), plain.active(), plain.format(), plain.userGroup(),
        plain.loginParameters(), plain.username(), plain.secretHash(), plain.allowedReturnOrigins(),
        "https://shop.example/#/start", plain.sessionLifetime(), plain.fieldMapping(), plain.unitMap(),
        plain.defaultClassification(), plain.protocol()));
    String location = open(startPageUrl()).headers().get("location");
    assertTrue(location.matches("https://shop\\.example/\\?punchout_token=[^#]+#/start"), location);
  }

  @Test
  void opensOnlyOnce() {
    String url = startPageUrl();
    assertEquals(302, open(url).status());
    HttpResponse second = open(url);
    assertEquals(403, second.status());
    assertTrue(second.bodyText().contains("expired or was already used"));
    assertNull(second.headers().get("location"));
  }

  @Test
  void refusesAnExpiredTicketOrAWrongOne() {
    String url = startPageUrl();
    assertEquals(403, open(url.replaceAll("ticket=.*$", "ticket=forged")).status());
    clock.now = clock.now.plus(CxmlSetupService.START_TICKET_LIFETIME).plus(Duration.ofSeconds(1));
    assertEquals(403, open(url).status());
    assertEquals(403, startPage.handle(new HttpRequest("GET", "/punchout/cxml/start/x", Map.of(), "", Map.of(), null)).status());
  }

  @Test
  void theShopReturnsTheCartFiftyMinutesAfterTheStartPageWhileTheTicketStaysSingleUseAndShort() {
    String url = startPageUrl();
    String location = open(url).headers().get("location");
    String token = URLDecoder.decode(location.substring(location.indexOf("punchout_token=") + 15), StandardCharsets.UTF_8);
    var sessionId = sessions.created.keySet().iterator().next();
    clock.now = clock.now.plus(Duration.ofMinutes(50)); // a long shopping trip, inside the hour of the session
    assertEquals(403, open(url).status(), "the ticket was used");
    var cartReturn = org.punchgate.cartreturn.CartReturnFixture.transfer(sessions, tokens,
        Map.of(org.punchgate.connection.ConnectionFormat.CXML, new CxmlCartRenderer(
            new PayloadIds(new RandomIds(), clock, "gw.example"), clock)), clock, 1 << 20);
    HttpResponse transfer = cartReturn.apply(new HttpRequest("POST", "/punchout/sessions/" + sessionId + "/cart",
        Map.of("sessionId", sessionId), "", Map.of("authorization", "Bearer " + token),
        "{\"currency\":\"EUR\",\"lines\":[{\"sku\":\"A-1\",\"description\":\"Pen\",\"quantity\":1,\"unit\":\"piece\",\"unitPrice\":2}]}"
            .getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, transfer.status(), transfer.bodyText());
    assertTrue(CxmlSetupService.START_TICKET_LIFETIME.compareTo(Duration.ofMinutes(10)) <= 0, "the ticket stays short");
  }
}
