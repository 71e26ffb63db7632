package org.punchgate.cxml;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionFormat;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.ReturnUrlPolicy;
import org.punchgate.http.FormParameters;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.security.RandomIds;
import org.punchgate.security.SecretHash;
import org.punchgate.session.Session;
import org.punchgate.session.SessionStatus;
import org.punchgate.session.SessionStore;
import org.punchgate.validation.Violation;

/**
 * {@code POST /punchout/cxml}: the buyer's system posts a PunchOutSetupRequest (or a ProfileRequest) and gets
 * a cXML Response. A setup request is authenticated by the Sender credential's SharedSecret (and, where the
 * connection lists them, its From credentials); it opens a session and answers with a StartPage URL that
 * holds a single-use ticket ({@link CxmlStartPage} redeems it). Every answer is HTTP 200 with the outcome in
 * the cXML Status, as Ariba, Coupa and Jaggaer expect, except HTTP 500 for our own faults; on any error
 * nothing is stored.
 */
public final class CxmlSetupService {

  public static final String ROUTE = "/punchout/cxml";
  /** How long the StartPage URL can be opened: the buyer's system redirects the browser at once. */
  public static final Duration START_TICKET_LIFETIME = Duration.ofMinutes(5);
  /** ProfileResponse effectiveDate: when this service was first available (must not be in the future). */
  static final Instant EFFECTIVE_DATE = Instant.parse("2025-01-01T00:00:00Z");
  /** Extrinsics that name the user, in order of preference (the token's {@code sub}). */
  static final List<String> USER_EXTRINSICS = List.of("UserEmail", "UniqueName");

  private static final Logger LOG = Logger.getLogger(CxmlSetupService.class.getName());
  private static final int MAX_VIOLATIONS_IN_STATUS = 5;

  private final ConnectionStore connections;
  private final SessionStore sessions;
  private final RandomIds ids;
  private final Clock clock;
  private final String publicBaseUrl;
  private final int maxBodyBytes;

  /**
   * @param publicBaseUrl our base URL for the StartPage ({@code https://punchout.example.com}); null to take
   *                      it from the request's Host (and X-Forwarded-Proto) headers
   * @param maxBodyBytes  larger bodies are refused before parsing
   */
  public CxmlSetupService(ConnectionStore connections, SessionStore sessions, RandomIds ids, Clock clock,
                          String publicBaseUrl, int maxBodyBytes) {
    this.connections = connections;
    this.sessions = sessions;
    this.ids = ids;
    this.clock = clock;
    this.publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank() ? null : stripSlash(publicBaseUrl.strip());
    this.maxBodyBytes = maxBodyBytes;
  }

  public HttpResponse handle(HttpRequest request) {
    String base = baseUrl(request);
    PayloadIds payloadIds = new PayloadIds(ids, clock, hostOf(base));
    try {
      return answer(request, base, payloadIds);
    } catch (RuntimeException | Error e) { // an Error too: the buyer still gets a cXML answer
      String correlation = ids.newId(8);
      LOG.log(Level.SEVERE, "cXML setup failed, correlation id " + correlation, e);
      return internalError(correlation);
    }
  }

  /** A cXML Status 500 naming only the correlation id, for a fault here or in the function around us. */
  public HttpResponse internalError(String correlationId) {
    PayloadIds payloadIds = new PayloadIds(ids, clock, hostOf(publicBaseUrl == null ? "https://localhost" : publicBaseUrl));
    return cxml(500, payloadIds, CxmlSettings.DEFAULT_VERSION,
        CxmlStatus.internalError("internal error, correlation id " + correlationId), null);
  }

  private HttpResponse answer(HttpRequest request, String base, PayloadIds payloadIds) {
    String version = CxmlSettings.DEFAULT_VERSION;
    if (request.body().length > maxBodyBytes) {
      return error(payloadIds, version, CxmlStatus.badRequest("the request body is larger than " + maxBodyBytes + " bytes"));
    }
    byte[] xml = documentBytes(request);
    if (xml == null) {
      return error(payloadIds, version, CxmlStatus.badRequest("the form carries no cxml-urlencoded or cxml-base64 field"));
    }
    CxmlReader.Result result = CxmlReader.read(xml);
    if (result instanceof CxmlReader.Result.Invalid invalid) {
      return error(payloadIds, version, CxmlStatus.badRequest(describe(invalid.violations())));
    }
    CxmlDocument document = ((CxmlReader.Result.Read) result).document();
    CxmlPayload payload = document.payload();
    if (!(payload instanceof CxmlPayload.PunchOutSetupRequest) && !(payload instanceof CxmlPayload.ProfileRequest)) {
      return error(payloadIds, version, CxmlStatus.notAcceptable(payload.elementName()
          + " is not accepted here: this address takes PunchOutSetupRequest and ProfileRequest"));
    }
    Authenticated auth = authenticate(document.header());
    if (auth.connection == null) {
      return error(payloadIds, version, CxmlStatus.unauthorized("unknown Sender credential or wrong SharedSecret"));
    }
    Connection connection = auth.connection;
    version = connection.cxml().version();
    if (!connection.active() || connection.format() != ConnectionFormat.CXML) {
      return error(payloadIds, version, CxmlStatus.forbidden("this connection is not active for cXML punchout"));
    }
    if (payload instanceof CxmlPayload.ProfileRequest) {
      var envelope = new CxmlWriter.Envelope(payloadIds.next(), clock.instant(), version, null);
      String url = base + ROUTE;
      return HttpResponse.xml(200, CxmlWriter.profileResponse(envelope, EFFECTIVE_DATE, List.of(
          new CxmlWriter.Transaction("ProfileRequest", url),
          new CxmlWriter.Transaction("PunchOutSetupRequest", url))));
    }
    return setup(document, (CxmlPayload.PunchOutSetupRequest) payload, auth, base, payloadIds);
  }

  private HttpResponse setup(CxmlDocument document, CxmlPayload.PunchOutSetupRequest setup, Authenticated auth,
                             String base, PayloadIds payloadIds) {
    Connection connection = auth.connection;
    String version = connection.cxml().version();
    if (setup.operation() == PunchOutOperation.SOURCE) {
      return error(payloadIds, version, CxmlStatus.notAcceptable("operation source is not supported"));
    }
    String formPost = setup.browserFormPostUrl() == null ? null : setup.browserFormPostUrl().strip();
    Optional<String> refusal = ReturnUrlPolicy.refusal(connection, formPost);
    if (refusal.isPresent()) {
      CxmlStatus status = formPost != null && ReturnUrlPolicy.origin(formPost).isPresent()
          ? CxmlStatus.forbidden("BrowserFormPost/URL " + refusal.get())
          : CxmlStatus.badRequest("BrowserFormPost/URL " + refusal.get());
      return error(payloadIds, version, status);
    }
    Instant now = clock.instant();
    Map<String, String> callUp = callUp(document, setup, formPost, auth);
    Map<String, String> toShop = new LinkedHashMap<>();
    for (String name : connection.cxml().extrinsicsToShop()) {
      if (setup.extrinsics().containsKey(name)) {
        toShop.put(name, setup.extrinsics().get(name));
      }
    }
    Cart initialCart = setup.operation() == PunchOutOperation.CREATE ? null : toShopUnits(setup.items(), connection);
    String sessionId = ids.newId();
    Session session = new Session(sessionId, connection.withoutSecret(), subject(setup, auth), SessionStatus.OPEN,
        now, now.plus(connection.sessionLifetime()), callUp, toShop, initialCart, null, null);
    String ticket = ids.newId(24);
    sessions.create(session, new SessionStore.StartTicket(ticket, now.plus(START_TICKET_LIFETIME)));
    String startPage = base + CxmlStartPage.ROUTE_PREFIX + sessionId + "?" + CxmlStartPage.TICKET_PARAMETER + "=" + ticket;
    var envelope = new CxmlWriter.Envelope(payloadIds.next(), now, version, null);
    return HttpResponse.xml(200, CxmlWriter.punchOutSetupResponse(envelope, startPage)).forSession(sessionId);
  }

  private record Authenticated(Connection connection, CxmlHeader.Credential sender) {}

  /**
   * Finds the connection by the Sender credential and checks its SharedSecret; an unknown sender costs the
   * same time as a wrong secret. Where the connection lists From credentials, one of them must match too.
   */
  private Authenticated authenticate(CxmlHeader header) {
    CxmlHeader.Credential matched = null;
    Connection connection = null;
    for (CxmlHeader.Credential sender : header.sender()) {
      if (sender.domain() == null || sender.identity() == null
          || !CxmlCredential.fitsLookup(sender.domain(), sender.identity())) {
        continue; // an oversized credential cannot be ours: no lookup for it
      }
      Optional<Connection> found = connections.findByCxmlSender(sender.domain(), sender.identity());
      if (found.isPresent() && found.get().cxml() != null) {
        connection = found.get();
        matched = sender;
        break;
      }
    }
    if (connection == null) {
      SecretHash.verifyAgainstNothing(header.sender().isEmpty() ? null : header.sender().get(0).sharedSecret());
      return new Authenticated(null, null);
    }
    if (!SecretHash.verify(matched.sharedSecret(), connection.secretHash())) {
      return new Authenticated(null, null);
    }
    List<CxmlCredential> allowedFrom = connection.cxml().from();
    if (!allowedFrom.isEmpty() && header.from().stream().noneMatch(
        f -> allowedFrom.stream().anyMatch(a -> a.matches(f.domain(), f.identity())))) {
      return new Authenticated(null, null);
    }
    return new Authenticated(connection, matched);
  }

  private static Map<String, String> callUp(CxmlDocument document, CxmlPayload.PunchOutSetupRequest setup,
                                            String formPost, Authenticated auth) {
    Map<String, String> c = new LinkedHashMap<>();
    put(c, CxmlCallUp.BUYER_COOKIE, setup.buyerCookie() == null ? "" : setup.buyerCookie());
    put(c, CxmlCallUp.BROWSER_FORM_POST, formPost);
    put(c, CxmlCallUp.OPERATION, setup.operation().value());
    put(c, CxmlCallUp.DEPLOYMENT_MODE, document.deploymentMode());
    put(c, CxmlCallUp.PAYLOAD_ID, document.payloadId());
    put(c, CxmlCallUp.VERSION, document.version());
    put(c, CxmlCallUp.LANG, document.lang());
    CxmlHeader header = document.header();
    if (!header.from().isEmpty()) {
      put(c, CxmlCallUp.FROM_DOMAIN, header.from().get(0).domain());
      put(c, CxmlCallUp.FROM_IDENTITY, header.from().get(0).identity());
    }
    if (!header.to().isEmpty()) {
      put(c, CxmlCallUp.TO_DOMAIN, header.to().get(0).domain());
      put(c, CxmlCallUp.TO_IDENTITY, header.to().get(0).identity());
    }
    put(c, CxmlCallUp.SENDER_DOMAIN, auth.sender.domain());
    put(c, CxmlCallUp.SENDER_IDENTITY, auth.sender.identity());
    put(c, CxmlCallUp.USER_AGENT, header.userAgent());
    CxmlAddress shipTo = setup.shipTo();
    if (shipTo != null) {
      put(c, CxmlCallUp.SHIP_TO_ADDRESS_ID, shipTo.addressId());
      put(c, CxmlCallUp.SHIP_TO_ADDRESS_ID_DOMAIN, shipTo.addressIdDomain());
      put(c, CxmlCallUp.SHIP_TO_NAME, shipTo.name());
      put(c, CxmlCallUp.SHIP_TO_DELIVER_TO, shipTo.deliverTo().isEmpty() ? null : String.join("\n", shipTo.deliverTo()));
      put(c, CxmlCallUp.SHIP_TO_STREET, shipTo.street().isEmpty() ? null : String.join("\n", shipTo.street()));
      put(c, CxmlCallUp.SHIP_TO_CITY, shipTo.city());
      put(c, CxmlCallUp.SHIP_TO_STATE, shipTo.state());
      put(c, CxmlCallUp.SHIP_TO_POSTAL_CODE, shipTo.postalCode());
      put(c, CxmlCallUp.SHIP_TO_COUNTRY_CODE, shipTo.countryCode());
      put(c, CxmlCallUp.SHIP_TO_COUNTRY, shipTo.country());
    }
    if (setup.selectedItem() != null) {
      put(c, CxmlCallUp.SELECTED_SUPPLIER_PART_ID, setup.selectedItem().supplierPartId());
      put(c, CxmlCallUp.SELECTED_SUPPLIER_PART_AUXILIARY_ID, setup.selectedItem().supplierPartAuxiliaryId());
    }
    return c;
  }

  private static void put(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** Who the shop logs in: the user's e-mail or unique name from the extrinsics, else the Sender identity. */
  private static String subject(CxmlPayload.PunchOutSetupRequest setup, Authenticated auth) {
    for (String name : USER_EXTRINSICS) {
      String value = setup.extrinsics().get(name);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return auth.sender.identity();
  }

  /** The edited cart in the shop's units: the connection's unit map read backwards. */
  private static Cart toShopUnits(Cart items, Connection connection) {
    if (connection.unitMap().isEmpty()) {
      return items;
    }
    Map<String, String> reverse = new LinkedHashMap<>();
    connection.unitMap().forEach((shop, buyer) -> reverse.putIfAbsent(buyer, shop));
    List<CartLine> lines = new ArrayList<>();
    for (CartLine l : items.lines()) {
      String unit = l.unit() == null ? null : reverse.getOrDefault(l.unit(), l.unit());
      lines.add(new CartLine(l.lineId(), l.parentLineId(), l.sku(), l.auxiliaryId(), l.description(), l.longText(),
          l.quantity(), unit, l.unitPrice(), l.priceUnit(), l.currency(), l.leadTimeDays(), l.manufacturer(),
          l.manufacturerSku(), l.buyerSku(), l.classification(), l.contract(), l.contractItem(), l.quoteId(),
          l.quoteItem(), l.attachmentUrl(), l.attachmentTitle(), l.service(), l.attributes()));
    }
    return new Cart(items.currency(), lines, items.shipping(), items.tax());
  }

  /**
   * The cXML document of the request: the body, or for the few systems that post a form, its
   * {@code cxml-urlencoded} or {@code cxml-base64} field (names matched case-insensitively). Null when a
   * form carries neither.
   */
  private static byte[] documentBytes(HttpRequest request) {
    if (!"application/x-www-form-urlencoded".equals(request.mediaType())) {
      return request.body();
    }
    FormParameters form = FormParameters.parse(new String(request.body(), StandardCharsets.US_ASCII),
        StandardCharsets.UTF_8);
    String text = form.firstIgnoreCase(CxmlSettings.URLENCODED);
    if (text != null) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    String base64 = form.firstIgnoreCase(CxmlSettings.BASE64);
    if (base64 != null) {
      try {
        return Base64.getMimeDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        return new byte[0];
      }
    }
    return null;
  }

  private static String describe(List<Violation> violations) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(violations.size(), MAX_VIOLATIONS_IN_STATUS); i++) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(violations.get(i));
    }
    if (violations.size() > MAX_VIOLATIONS_IN_STATUS) {
      text.append("; and ").append(violations.size() - MAX_VIOLATIONS_IN_STATUS).append(" more");
    }
    return text.toString();
  }

  private HttpResponse error(PayloadIds payloadIds, String version, CxmlStatus status) {
    return cxml(200, payloadIds, version, status, null);
  }

  private HttpResponse cxml(int httpStatus, PayloadIds payloadIds, String version, CxmlStatus status, String sessionId) {
    var envelope = new CxmlWriter.Envelope(payloadIds.next(), clock.instant(), version, null);
    HttpResponse response = HttpResponse.xml(httpStatus, CxmlWriter.response(envelope, status));
    return sessionId == null ? response : response.forSession(sessionId);
  }

  private String baseUrl(HttpRequest request) {
    if (publicBaseUrl != null) {
      return publicBaseUrl;
    }
    String host = request.header("host");
    if (host == null || host.isBlank() || !host.strip().matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
      host = "localhost";
    }
    String proto = request.header("x-forwarded-proto");
    String scheme = "http".equalsIgnoreCase(proto == null ? null : proto.strip()) ? "http" : "https";
    if (proto == null && (host.startsWith("localhost") || host.startsWith("127.0.0.1"))) {
      scheme = "http";
    }
    return scheme + "://" + host.strip();
  }

  private static String hostOf(String base) {
    try {
      String host = URI.create(base).getHost();
      return host == null ? "punchgate" : host;
    } catch (IllegalArgumentException e) {
      return "punchgate";
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
