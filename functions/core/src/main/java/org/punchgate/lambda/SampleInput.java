package org.punchgate.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartJson;
import org.punchgate.cart.CartLine;
import org.punchgate.cart.Classification;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.FieldMapping;
import org.punchgate.connection.LoginParameterNames;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.connection.PeppolSettings;
import org.punchgate.json.Json;
import org.punchgate.oci.OciCallUp;
import org.punchgate.security.RandomIds;
import org.punchgate.session.CallUp;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.token.PunchoutTokens;
import org.punchgate.token.TokenClaims;

/**
 * Built-in, realistic request input: a sample OCI connection, an OCI call-up, a shop cart of any size and
 * the API Gateway events that carry them. SnapStart priming runs the real request path on it, and the
 * benchmark measures with it, so both exercise the same code a buyer's request does.
 */
public final class SampleInput {

  public static final String USERNAME = "sample-buyer";
  public static final String PASSWORD = "sample-password";
  public static final String HOOK_URL = "https://srm.example.com/sap/bc/srm/hook?sap-client=100";
  public static final String SHOP_START_URL = "https://shop.example.com/punchout/start";
  public static final String LOGIN_ROUTE = "GET /punchout/oci/{connectionId}";
  public static final String CART_ROUTE = "POST /punchout/sessions/{sessionId}/cart";
  public static final String CXML_SETUP_ROUTE = "POST /punchout/cxml";
  public static final String PEPPOL_RETURN_URL = "https://srm.example.com/punchout/peppol/return";
  public static final String BROWSER_FORM_POST = "https://srm.example.com/punchout/return?session=42";
  public static final CxmlCredential CXML_BUYER = new CxmlCredential("NetworkID", "AN01000000001");
  public static final CxmlCredential CXML_SENDER = new CxmlCredential("NetworkID", "AN01000000001");
  public static final CxmlCredential CXML_SUPPLIER = new CxmlCredential("DUNS", "123456789");

  private SampleInput() {}

  /** An active OCI connection of the given format whose password hash is {@code secretHash}. */
  public static Connection ociConnection(String id, ConnectionFormat format, String secretHash) {
    return new Connection(id, "Sample buyer " + id, true, format, "sample-buyers", LoginParameterNames.DEFAULT,
        USERNAME, secretHash, List.of("https://srm.example.com"), SHOP_START_URL, Duration.ofMinutes(30),
        FieldMapping.EMPTY, Map.of("pcs", "PCE"), new Classification("UNSPSC", "44120000"), null);
  }

  /**
   * An active cXML connection found by {@link #CXML_SENDER}, whose SharedSecret hash is {@code secretHash}
   * (the secret is {@link #PASSWORD}); it returns the order message as {@code cxml-urlencoded}.
   */
  public static Connection cxmlConnection(String id, String secretHash) {
    CxmlSettings settings = new CxmlSettings(List.of(CXML_BUYER), List.of(CXML_SENDER), CXML_SUPPLIER,
        CxmlSettings.URLENCODED, null, List.of("UserEmail"));
    return new Connection(id, "Sample buyer " + id, true, ConnectionFormat.CXML, "sample-buyers", null, null,
        secretHash, List.of("https://srm.example.com"), SHOP_START_URL, Duration.ofMinutes(30), FieldMapping.EMPTY,
        Map.of("pcs", "EA"), new Classification("UNSPSC", "44120000"), settings);
  }

  /** An active PEPPOL punchout connection for {@link #USERNAME}, whose password hash is {@code secretHash}. */
  public static Connection peppolConnection(String id, String secretHash) {
    PeppolSettings settings = new PeppolSettings(null, null, false, "S", new BigDecimal("25"), null, false, null,
        new PeppolSettings.Party("0007", "5567321707", null, null, "Sample supplier"),
        new PeppolSettings.Party("0007", "2120001231", null, null, "Sample buyer"));
    return new Connection(id, "Sample buyer " + id, true, ConnectionFormat.PEPPOL_PUNCHOUT, "sample-buyers", null,
        USERNAME, secretHash, List.of("https://srm.example.com"), SHOP_START_URL, Duration.ofMinutes(30),
        FieldMapping.EMPTY, Map.of("pcs", "EA"), new Classification("UNSPSC", "44120000"), settings);
  }

  /** The PEPPOL login a procurement system posts: credentials, return address and buyer reference. */
  public static APIGatewayV2HTTPEvent peppolLoginEvent(String connectionId) {
    String body = "USERNAME=" + encode(USERNAME) + "&PASSWORD=" + encode(PASSWORD) + "&RETURN_URL="
        + encode(PEPPOL_RETURN_URL) + "&BUYER_REFERENCE=" + encode("Jane Buyer, purchasing");
    return event("POST /punchout/peppol/{connectionId}", "POST", "/punchout/peppol/" + connectionId,
        Map.of("connectionId", connectionId), "", Map.of("host", "punchout.example.com",
            "content-type", "application/x-www-form-urlencoded; charset=UTF-8"), body);
  }

  /** A buyer following a PEPPOL login link. */
  public static APIGatewayV2HTTPEvent loginLinkEvent(String linkId) {
    return event("GET /punchout/link/{linkId}", "GET", "/punchout/link/" + linkId, Map.of("linkId", linkId), "",
        Map.of("host", "punchout.example.com"), null);
  }

  /** An admin API request without a body (the admin function's read-only routes). */
  public static APIGatewayV2HTTPEvent adminReadEvent(String routeKey, String path, Map<String, String> pathParameters) {
    return event(routeKey, "GET", path, pathParameters, "", Map.of("host", "admin.example.com"), null);
  }

  /** A cXML 1.2.063 PunchOutSetupRequest (create) as Ariba or Coupa send it, with the sample credentials. */
  public static String cxmlSetupRequest(String payloadId) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<!DOCTYPE cXML SYSTEM \"http://xml.cxml.org/schemas/cXML/1.2.063/cXML.dtd\">\n"
        + "<cXML payloadID=\"" + payloadId + "\" timestamp=\"2026-11-23T10:00:00+00:00\" xml:lang=\"en-US\">\n"
        + "<Header>\n"
        + "<From><Credential domain=\"" + CXML_BUYER.domain() + "\"><Identity>" + CXML_BUYER.identity()
        + "</Identity></Credential></From>\n"
        + "<To><Credential domain=\"" + CXML_SUPPLIER.domain() + "\"><Identity>" + CXML_SUPPLIER.identity()
        + "</Identity></Credential></To>\n"
        + "<Sender><Credential domain=\"" + CXML_SENDER.domain() + "\"><Identity>" + CXML_SENDER.identity()
        + "</Identity><SharedSecret>" + PASSWORD + "</SharedSecret></Credential>"
        + "<UserAgent>Sample procurement 1.0</UserAgent></Sender>\n"
        + "</Header>\n"
        + "<Request deploymentMode=\"production\"><PunchOutSetupRequest operation=\"create\">\n"
        + "<BuyerCookie>c0ffee-1234</BuyerCookie>\n"
        + "<Extrinsic name=\"UserEmail\">jane.buyer@example.com</Extrinsic>\n"
        + "<BrowserFormPost><URL>" + BROWSER_FORM_POST.replace("&", "&amp;") + "</URL></BrowserFormPost>\n"
        + "<SupplierSetup><URL>https://punchout.example.com/punchout/cxml</URL></SupplierSetup>\n"
        + "</PunchOutSetupRequest></Request>\n</cXML>\n";
  }

  public static APIGatewayV2HTTPEvent cxmlSetupEvent(String payloadId) {
    return event(CXML_SETUP_ROUTE, "POST", "/punchout/cxml", Map.of(), "",
        Map.of("host", "punchout.example.com", "content-type", "text/xml; charset=utf-8"), cxmlSetupRequest(payloadId));
  }

  /** An open session of a cXML connection, as a PunchOutSetupRequest (create) leaves it. */
  public static Session openCxmlSession(String sessionId, Connection connection, Instant now) {
    var callUp = new CallUp.Cxml("c0ffee-1234", BROWSER_FORM_POST, "create", null, null, null, "en-US",
        CXML_BUYER, CXML_SUPPLIER, null, null, null, null);
    return new Session(sessionId, connection.withoutSecret(), null, SessionStatus.OPEN, now,
        now.plus(connection.sessionLifetime()), callUp, Map.of("UserEmail", "jane.buyer@example.com"), null, null,
        null);
  }

  /** A cart of {@code lines} lines with the fields shops usually send (text, prices, units, vendor data). */
  public static Cart cart(int lines) {
    List<CartLine> list = new ArrayList<>(lines);
    for (int i = 1; i <= lines; i++) {
      list.add(CartLine.builder()
          .lineId(Integer.toString(i))
          .sku("SKU-" + (100000 + i))
          .description("Cordless drill 18 V, 2 batteries, case (item " + i + ")")
          .longText(i % 10 == 0 ? "Long text: brushless motor, 60 Nm, two 2.0 Ah batteries, charger, case." : null)
          .quantity(BigDecimal.valueOf(1 + i % 7))
          .unit("pcs")
          .unitPrice(new BigDecimal("149.90").add(BigDecimal.valueOf(i % 50)))
          .currency("EUR")
          .leadTimeDays(3)
          .manufacturer("Acme Tools")
          .manufacturerSku("AT-" + i)
          .classification(new Classification("UNSPSC", "27112700"))
          .attributes(Map.of())
          .build());
    }
    return new Cart("EUR", list, null, null);
  }

  public static String cartJson(int lines) {
    return Json.write(CartJson.write(cart(lines)));
  }

  /** The OCI 4.0 call-up a SAP system sends as a GET. */
  public static APIGatewayV2HTTPEvent ociLoginEvent(String connectionId, String username, String password) {
    String query = "USERNAME=" + encode(username) + "&PASSWORD=" + encode(password) + "&HOOK_URL="
        + encode(HOOK_URL) + "&%7ETARGET=_top&%7EOkCode=ADDI&returntarget=_top";
    return event(LOGIN_ROUTE, "GET", "/punchout/oci/" + connectionId, Map.of("connectionId", connectionId),
        query, Map.of("host", "punchout.example.com"), null);
  }

  /** The shop's cart transfer for a session, authorised with the session's punchout token. */
  public static APIGatewayV2HTTPEvent cartEvent(String sessionId, String token, String cartJson) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("authorization", "Bearer " + token);
    headers.put("content-type", "application/json");
    headers.put("accept", "text/html");
    return event(CART_ROUTE, "POST", "/punchout/sessions/" + sessionId + "/cart", Map.of("sessionId", sessionId),
        "", headers, cartJson);
  }

  /** The procurement system's order ping for a transferred cart, with the sample OCI user's Basic credentials. */
  public static APIGatewayV2HTTPEvent orderPingEvent(String cartId, String orderNumber) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
        (USERNAME + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    headers.put("content-type", "application/x-www-form-urlencoded");
    return event("POST /orders/ping", "POST", "/orders/ping", Map.of(), "", headers,
        "cartId=" + java.net.URLEncoder.encode(cartId, java.nio.charset.StandardCharsets.UTF_8)
            + "&orderNumber=" + orderNumber);
  }

  /** An open session of an OCI connection, as an OCI login leaves it, with its HOOK_URL and target. */
  public static Session openSession(String sessionId, Connection connection, Instant now) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put(OciCallUp.HOOK_URL, HOOK_URL);
    parameters.put(OciCallUp.TARGET, "_top");
    return new Session(sessionId, connection.withoutSecret(), connection.username(), SessionStatus.OPEN, now,
        now.plus(connection.sessionLifetime()), new CallUp.Oci(parameters), Map.of(), null, null, null);
  }

  /** The punchout token the login hands out for a session. */
  public static String tokenFor(PunchoutTokens tokens, Session session, RandomIds ids) {
    return tokens.issue(new TokenClaims(session.id(), session.connectionId(), session.userGroup(),
        session.username(), null, session.createdAt(), session.expiresAt(), ids.newId()));
  }

  private static APIGatewayV2HTTPEvent event(String routeKey, String method, String path,
      Map<String, String> pathParameters, String query, Map<String, String> headers, String body) {
    var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(path)
        .withProtocol("HTTP/1.1").withSourceIp("203.0.113.10").withUserAgent("punchgate-sample").build();
    var context = APIGatewayV2HTTPEvent.RequestContext.builder().withHttp(http).withRouteKey(routeKey)
        .withDomainName("punchout.example.com").withStage("$default").withRequestId("sample").build();
    return APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey(routeKey).withRawPath(path)
        .withRawQueryString(query).withPathParameters(pathParameters).withHeaders(headers)
        .withRequestContext(context).withBody(body).withIsBase64Encoded(false).build();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
