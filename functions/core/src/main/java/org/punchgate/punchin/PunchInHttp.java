package org.punchgate.punchin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.punchgate.connection.Connection;
import org.punchgate.connection.ConnectionStore;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.cxml.CxmlAuthentication;
import org.punchgate.cxml.CxmlStatus;
import org.punchgate.cxml.CxmlWriter;
import org.punchgate.http.HttpRequest;
import org.punchgate.http.HttpResponse;
import org.punchgate.http.Problem;
import org.punchgate.orderping.BasicCredentials;
import org.punchgate.orderping.OrderPing;
import org.punchgate.security.SecretVerifier;

/**
 * {@code POST /punchin/orders} over HTTP (README "PunchIn import API"): the size and media type of the body, the
 * document's format from the document itself, the caller's authentication in that format's own way, and the
 * answer in the sender's language:
 * <ul>
 *   <li>UBL orders (BIS 3, BIS 28A): HTTP Basic with the connection's credentials, the user name being the
 *       connection id; wrong or missing credentials are a {@code 401} with {@code WWW-Authenticate}, before
 *       anything of the document is told. The answer is the OrderResponse, {@code RE} included.</li>
 *   <li>cXML OrderRequests: the Sender credential and its SharedSecret, as in the punchout setup; wrong ones are a
 *       cXML Status 401. Every cXML answer is HTTP 200 with the outcome in the Status, as cXML systems expect.</li>
 *   <li>Documents that are no order we read, or no acceptable XML (a DTD, an entity): a cXML Status 400 when the
 *       body is cXML, else a JSON problem naming the rule ({@code PUNCHIN-XML}, {@code PUNCHIN-TYPE}, ...).</li>
 * </ul>
 */
public final class PunchInHttp {

  /**
   * The largest order body taken: Lambda's 6 MB invocation payload holds a Base64-encoded body of 4.5 MB, and a
   * fully described 1,000-line UBL order is about 1.5 MB.
   */
  public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
  static final String REALM = "Basic realm=\"punchgate\", charset=\"UTF-8\"";
  /** How far into the body a refused document is looked at to tell a cXML sender. */
  private static final int CXML_SNIFF_BYTES = 1024;

  private final PunchInImport service;
  private final ConnectionStore connections;
  private final SecretVerifier secrets;
  private final CxmlAuthentication cxmlAuthentication;
  private final Clock clock;
  private final Supplier<String> ids;
  private final int maxBodyBytes;

  public PunchInHttp(PunchInImport service, ConnectionStore connections, SecretVerifier secrets, Clock clock,
                     Supplier<String> ids, int maxBodyBytes) {
    this.service = service;
    this.connections = connections;
    this.secrets = secrets;
    this.cxmlAuthentication = new CxmlAuthentication(connections, secrets);
    this.clock = clock;
    this.ids = ids;
    this.maxBodyBytes = maxBodyBytes;
  }

  public HttpResponse handle(HttpRequest request) {
    if (request.body().length > maxBodyBytes) {
      return Problem.response(413, "Order too large", "The order document is larger than " + maxBodyBytes
          + " bytes; nothing was imported.");
    }
    if (!isXml(request.mediaType())) {
      return Problem.response(415, "Not XML", "An order is posted as an XML document (application/xml, text/xml "
          + "or another XML media type), not as " + request.mediaType() + ".");
    }
    return switch (OrderSniffer.sniff(request.body())) {
      case OrderSniffer.Sniffed.Ubl ubl -> {
        Optional<Connection> connection = basic(request);
        yield connection.isEmpty() ? unauthorized()
            : answer(service.importUbl(connection.get().id(), connection.get().punchIn(), ubl));
      }
      case OrderSniffer.Sniffed.Cxml cxml -> cxml(cxml);
      case OrderSniffer.Sniffed.Refused refused -> refused(request, refused.reason());
    };
  }

  private HttpResponse cxml(OrderSniffer.Sniffed.Cxml document) {
    CxmlOrderRequestReader.CxmlOrderReading read = CxmlOrderRequestReader.read(document.document());
    if (read.envelope() == null || read.envelope().header() == null) {
      return cxmlStatus(null, CxmlStatus.badRequest(read.reading().fatal().stream().map(OrderFinding::toString)
          .reduce((a, b) -> a + "; " + b).orElse("the cXML header cannot be read")));
    }
    String version = read.envelope().version();
    Optional<CxmlAuthentication.Authenticated> auth = cxmlAuthentication.authenticate(read.envelope().header());
    if (auth.isEmpty() || !auth.get().connection().active()) {
      // an unknown sender, a wrong secret and an inactive connection read alike
      return cxmlStatus(version, CxmlStatus.unauthorized("the Sender credential and SharedSecret are not accepted"));
    }
    Connection connection = auth.get().connection();
    return answer(service.importCxml(connection.id(), connection.punchIn(), read));
  }

  /**
   * A document that is no order we read: a cXML sender gets a cXML Status 400; any other caller must be
   * authenticated first, then gets a JSON problem with the rule.
   */
  private HttpResponse refused(HttpRequest request, OrderFinding reason) {
    if (looksLikeCxml(request.body())) {
      return cxmlStatus(null, CxmlStatus.badRequest(reason.ruleId() + ": " + reason.message()));
    }
    if (basic(request).isEmpty()) {
      return unauthorized();
    }
    return Problem.response(400, "Not an order", reason.ruleId() + " at " + reason.location()
        + (reason.sourceLine() > 0 ? " (line " + reason.sourceLine() + ")" : "") + ": " + reason.message()
        + "; nothing was imported.");
  }

  /**
   * The connection named by the Basic user name (its id), when the password is the secret of its user of that
   * name (or, for a connection without users, its own secret: {@link OrderPing#storedSecret}, as the order ping
   * checks) and it is active. An unknown name costs the same work as a wrong password.
   */
  private Optional<Connection> basic(HttpRequest request) {
    BasicCredentials credentials = BasicCredentials.from(request.header("authorization"));
    if (credentials == null) {
      return Optional.empty();
    }
    Optional<Connection> connection = connections.findNamed(credentials.username());
    Optional<String> stored = connection.flatMap(c -> OrderPing.storedSecret(c, credentials.username()));
    if (stored.isEmpty()) {
      secrets.verifyAgainstNothing(credentials.secret());
      return Optional.empty();
    }
    boolean verified = secrets.verify(credentials.secret(), stored.get());
    return verified && connection.get().active() ? connection : Optional.empty();
  }

  private static HttpResponse unauthorized() {
    return Problem.response(401, "Unauthorized", "UBL orders need HTTP Basic credentials of their connection: "
        + "the connection id as user name and its password.").withHeader("www-authenticate", REALM);
  }

  private static HttpResponse answer(PunchInImport.Answer answer) {
    HttpResponse response = new HttpResponse(answer.status(), java.util.Map.of("content-type", answer.contentType(),
        "cache-control", "no-store"), answer.body(), null);
    return answer.orderId() == null ? response : response.withHeader("x-punchgate-order-id", answer.orderId());
  }

  private HttpResponse cxmlStatus(String version, CxmlStatus status) {
    var envelope = new CxmlWriter.Envelope(clock.millis() + "." + ids.get() + "@punchgate", clock.instant(),
        version == null ? CxmlSettings.DEFAULT_VERSION : version, null);
    return HttpResponse.xml(200, CxmlWriter.response(envelope, status));
  }

  /** No media type, or an XML one: {@code application/xml}, {@code text/xml}, {@code application/...+xml}. */
  static boolean isXml(String mediaType) {
    return mediaType.isEmpty() || mediaType.endsWith("/xml") || mediaType.endsWith("+xml");
  }

  private static boolean looksLikeCxml(byte[] body) {
    String head = new String(body, 0, Math.min(body.length, CXML_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    return head.contains("<cXML") || head.contains("cXML.dtd");
  }
}
