package org.punchgate.adminui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The page server's doors, spoken to over a raw socket so that every header (Host too) is the test's choice. */
class AdminUiServerTest {

  private record Call(String method, String pathAndQuery, String body) {}

  private final List<Call> calls = new ArrayList<>();
  private AdminUiServer server;
  private String host;

  @BeforeEach
  void start() throws IOException {
    server = AdminUiServer.start((method, pathAndQuery, body) -> {
      calls.add(new Call(method, pathAndQuery, new String(body, StandardCharsets.UTF_8)));
      return new AdminReply(200, "application/json", "{\"connections\":[]}".getBytes(StandardCharsets.UTF_8));
    }, 0);
    host = "127.0.0.1:" + server.port();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void printedUrlIsBoundToLoopbackWithAOneTimeSession() {
    assertEquals("127.0.0.1", server.url().getHost());
    assertEquals(server.port(), server.url().getPort());
    assertTrue(server.url().getQuery().matches("session=[A-Za-z0-9_-]{43}"), server.url().toString());
  }

  @Test
  void sessionParameterBecomesAStrictHttpOnlyCookieOnceAndTheAddressLosesIt() throws IOException {
    Reply first = request("GET", pathOfUrl(), Map.of(), null);
    assertEquals(303, first.status());
    assertEquals("/", first.header("location"));
    String cookie = first.header("set-cookie");
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"), cookie);

    Reply again = request("GET", pathOfUrl(), Map.of(), null);
    assertEquals(403, again.status(), "the printed address works once");
    assertNull(again.header("set-cookie"));

    Reply page = request("GET", "/", Map.of("Cookie", nameValue(cookie)), null);
    assertEquals(200, page.status());
    assertTrue(page.body().contains("<script src=\"admin.js\""), page.body());
    assertTrue(page.header("content-security-policy").contains("script-src 'self'"));
    assertEquals("no-store", page.header("cache-control"));
  }

  @Test
  void wrongSessionParameterIsRefusedAndDoesNotUseUpTheRightOne() throws IOException {
    assertEquals(403, request("GET", "/?session=guess", Map.of(), null).status());
    assertEquals(303, request("GET", pathOfUrl(), Map.of(), null).status());
  }

  @Test
  void pageWithoutSessionSaysWhereToSignIn() throws IOException {
    Reply page = request("GET", "/", Map.of(), null);
    assertEquals(401, page.status());
    assertTrue(page.body().contains("punchgate-admin ui"), page.body());
  }

  @Test
  void apiCallIsForwardedWithPathQueryAndBodyAndItsAnswerPassesThrough() throws IOException {
    String cookie = signIn();
    Reply list = request("GET", "/api/admin/connections?x=1%202", Map.of("Cookie", cookie), null);
    assertEquals(200, list.status());
    assertEquals("application/json", list.header("content-type"));
    assertEquals("{\"connections\":[]}", list.body());

    Reply put = request("PUT", "/api/admin/connections/acme", Map.of("Cookie", cookie, "Content-Type",
        "application/json", "Origin", "http://" + host), "{\"name\":\"Acme\"}");
    assertEquals(200, put.status());
    assertEquals(List.of(new Call("GET", "/admin/connections?x=1%202", ""),
        new Call("PUT", "/admin/connections/acme", "{\"name\":\"Acme\"}")), calls);
    assertNull(put.header("access-control-allow-origin"), "no CORS: only the page itself may call");
  }

  @Test
  void apiWithoutTheCookieIsRefusedBeforeAnythingIsForwarded() throws IOException {
    signIn();
    Reply reply = request("GET", "/api/admin/connections", Map.of("Cookie", AdminUiServer.COOKIE + "=forged"), null);
    assertEquals(401, reply.status());
    assertEquals("application/problem+json", reply.header("content-type"));
    assertTrue(calls.isEmpty());
  }

  @Test
  void foreignHostNameIsRefusedAgainstDnsRebinding() throws IOException {
    String cookie = signIn();
    Reply reply = requestWithHost("evil.example:" + server.port(), "GET", "/api/admin/connections",
        Map.of("Cookie", cookie), null);
    assertEquals(403, reply.status());
    assertTrue(calls.isEmpty());
    assertEquals(200, requestWithHost("localhost:" + server.port(), "GET", "/api/admin/connections",
        Map.of("Cookie", cookie), null).status());
  }

  @Test
  void writesMustBeJsonFromThisOrigin() throws IOException {
    String cookie = signIn();
    assertEquals(415, request("POST", "/api/admin/connections",
        Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"), "name=x").status());
    assertEquals(415, request("POST", "/api/admin/connections", Map.of("Cookie", cookie, "Content-Type",
        "text/plain"), "{}").status());
    assertEquals(403, request("POST", "/api/admin/connections", Map.of("Cookie", cookie, "Content-Type",
        "application/json", "Origin", "https://evil.example"), "{}").status());
    assertTrue(calls.isEmpty());
  }

  @Test
  void onlyTheAdminApiIsReachableNotOtherRoutesOfTheStage() throws IOException {
    String cookie = signIn();
    assertEquals(404, request("GET", "/api/punchout/sessions/x", Map.of("Cookie", cookie), null).status());
    assertEquals(404, request("GET", "/api/admin/../punchout/x", Map.of("Cookie", cookie), null).status());
    assertEquals(404, request("GET", "/api/admin/%2e%2e/punchout", Map.of("Cookie", cookie), null).status());
    assertEquals(405, request("PATCH", "/api/admin/connections/a", Map.of("Cookie", cookie), null).status());
    assertTrue(calls.isEmpty());
  }

  @Test
  void bodyOverTheLimitIsRefused() throws IOException {
    String cookie = signIn();
    String big = "\"" + "x".repeat(AdminUiServer.MAX_BODY_BYTES) + "\"";
    Reply reply = request("POST", "/api/admin/preview", Map.of("Cookie", cookie, "Content-Type", "application/json"),
        big);
    assertEquals(413, reply.status());
    assertTrue(calls.isEmpty());
  }

  @Test
  void unreachableApiAnswers502WithoutTheTransportsMessage() throws IOException {
    server.stop();
    server = AdminUiServer.start((m, p, b) -> {
      throw new IOException("secret-bearing message");
    }, 0);
    host = "127.0.0.1:" + server.port();
    Reply reply = request("GET", "/api/admin/connections", Map.of("Cookie", signIn()), null);
    assertEquals(502, reply.status());
    assertFalse(reply.body().contains("secret-bearing"), reply.body());
  }

  @Test
  void pageAssetsAreServedAndNothingElseIs() throws IOException {
    assertEquals(200, request("GET", "/admin.js", Map.of(), null).status());
    assertEquals("text/css; charset=utf-8", request("GET", "/admin.css", Map.of(), null).header("content-type"));
    assertEquals(404, request("GET", "/org/punchgate/adminui/AdminUiServer.class", Map.of(), null).status());
    assertEquals(404, request("GET", "/index.html/../admin.js", Map.of(), null).status());
  }

  @Test
  void noContentReplyHasNoBody() throws IOException {
    server.stop();
    server = AdminUiServer.start((m, p, b) -> new AdminReply(204, null, null), 0);
    host = "127.0.0.1:" + server.port();
    Reply reply = request("DELETE", "/api/admin/links/l1", Map.of("Cookie", signIn()), null);
    assertEquals(204, reply.status());
    assertArrayEquals(new byte[0], reply.body().getBytes(StandardCharsets.UTF_8));
  }

  private String signIn() throws IOException {
    return nameValue(request("GET", pathOfUrl(), Map.of(), null).header("set-cookie"));
  }

  private String pathOfUrl() {
    return server.url().getRawPath() + "?" + server.url().getRawQuery();
  }

  private static String nameValue(String setCookie) {
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private record Reply(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name);
    }
  }

  private Reply request(String method, String target, Map<String, String> headers, String body) throws IOException {
    return requestWithHost(host, method, target, headers, body);
  }

  private Reply requestWithHost(String hostHeader, String method, String target, Map<String, String> headers,
      String body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      var head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      head.append("Content-Length: ").append(content.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Reply parse(InputStream in) throws IOException {
    var raw = new ByteArrayOutputStream();
    in.transferTo(raw);
    String all = raw.toString(StandardCharsets.UTF_8);
    int end = all.indexOf("\r\n\r\n");
    String[] lines = all.substring(0, end).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).toLowerCase(), lines[i].substring(colon + 1).strip());
    }
    return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, all.substring(end + 4));
  }
}
