package org.punchgate.local;

import static org.punchgate.http.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.punchgate.cart.Cart;
import org.punchgate.cart.CartLine;
import org.punchgate.connection.Connection;
import org.punchgate.connection.CxmlCredential;
import org.punchgate.cxml.CxmlDocument;
import org.punchgate.cxml.CxmlPayload;
import org.punchgate.cxml.CxmlReader;
import org.punchgate.connection.CxmlSettings;
import org.punchgate.cxml.CxmlWriter;
import org.punchgate.connection.PunchOutOperation;
import org.punchgate.http.FormParameters;
import org.punchgate.security.RandomIds;
import org.punchgate.xml.XmlWriter;

/**
 * The buyer simulator's cXML mode, playing Ariba or Coupa: it sends a PunchOutSetupRequest (create, or edit
 * and inspect with the items it received last time) server to server to the gateway's {@code /punchout/cxml},
 * sends the browser to the StartPage it gets back, and receives the PunchOutOrderMessage that the gateway's
 * page posts to its BrowserFormPost URL in either encoding, read with {@link CxmlReader} and shown in the
 * same item table as the OCI mode.
 */
final class CxmlBuyer {

  static final String BASE = BuyerSimulator.BASE + "/cxml";
  static final String RETURN_PATH = BASE + "/return";

  private static final List<String> OPERATIONS = List.of("create", "edit", "inspect");
  private static final List<String> CHARSETS = List.of("UTF-8", "ISO-8859-1");
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** A setup request we sent: its BuyerCookie finds it again when the order message comes back. */
  private record Launch(String connectionId, String operation) {}

  private final String publicBaseUrl;
  private final URI gateway;
  private final List<DemoData.LoadedConnection> connections;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final RandomIds ids = new RandomIds();
  private final Map<String, Launch> launches = new ConcurrentHashMap<>();
  private final CxmlDtdValidator validator;
  /** The last cart each connection sent back: what edit and inspect reopen, as Ariba does. */
  private final Map<String, Cart> lastCarts = new ConcurrentHashMap<>();

  /**
   * @param publicBaseUrl where the browser reaches the runner: the BrowserFormPost URL is built on it
   * @param gateway       where the setup request goes, server to server
   */
  CxmlBuyer(String publicBaseUrl, URI gateway, List<DemoData.LoadedConnection> connections) {
    this(publicBaseUrl, gateway, connections, null);
  }

  /** @param dtds folder of cXML DTDs ({@code cXML-1.2.063.dtd}, ...) to validate received messages; null: none */
  CxmlBuyer(String publicBaseUrl, URI gateway, List<DemoData.LoadedConnection> connections, Path dtds) {
    this.validator = dtds == null ? null : new CxmlDtdValidator(dtds);
    this.publicBaseUrl = publicBaseUrl;
    this.gateway = gateway;
    this.connections = connections.stream().filter(c -> c.connection().cxml() != null).toList();
  }

  int handle(HttpExchange exchange, String path, byte[] body) throws IOException {
    String method = exchange.getRequestMethod();
    if (path.equals(BASE) || path.equals(BASE + "/")) {
      return send(exchange, 200, "Buyer simulator: cXML", startPage());
    }
    if (path.equals(BASE + "/launch") && method.equals("POST")) {
      return launch(exchange, Exchanges.form(exchange, body, StandardCharsets.UTF_8));
    }
    if (path.equals(RETURN_PATH) && method.equals("POST")) {
      return received(exchange, body);
    }
    return send(exchange, 404, "Not found", "<p class=\"error\">No such page in the buyer simulator.</p>");
  }

  private String startPage() {
    StringBuilder html = new StringBuilder(BuyerSimulator.modes(true));
    html.append("<p>This page plays a cXML procurement system (Ariba, Coupa). It sends a "
        + "<code>PunchOutSetupRequest</code> to the gateway server to server, opens the StartPage it gets back, and "
        + "shows the <code>PunchOutOrderMessage</code> that comes back to its BrowserFormPost URL.</p>");
    html.append("<form id=\"launch\" method=\"post\" action=\"").append(BASE).append("/launch\">");
    html.append("<label>Connection <select name=\"connection\" id=\"connection\">");
    for (var c : connections) {
      Connection connection = c.connection();
      html.append("<option value=\"").append(escape(connection.id())).append("\" data-secret=\"")
          .append(escape(c.password() == null ? "" : c.password())).append("\">")
          .append(escape(connection.id() + " - " + connection.name() + " (" + connection.cxml().returnEncoding() + ", "
              + connection.userGroup() + ")")).append("</option>");
    }
    html.append("</select></label>");
    var first = connections.isEmpty() ? null : connections.getFirst();
    html.append("<label>SharedSecret <input name=\"sharedSecret\" id=\"sharedSecret\" value=\"")
        .append(escape(first == null || first.password() == null ? "" : first.password())).append("\"></label>");
    html.append("<label>operation <select name=\"operation\" id=\"operation\">");
    OPERATIONS.forEach(o -> html.append(Pages.option(o, o, o.equals("create"))));
    html.append("</select></label>");
    html.append("<label>Request encoding <select name=\"charset\" id=\"charset\">");
    CHARSETS.forEach(c -> html.append(Pages.option(c, c, c.equals("UTF-8"))));
    html.append("</select></label>");
    input(html, "UserEmail", "userEmail", "juergen.weiss@acme.example");
    input(html, "FirstName", "firstName", "J\u00fcrgen");
    input(html, "LastName", "lastName", "Wei\u00df");
    input(html, "CostCenter", "costCenter", "4711 Werkstatt K\u00f6ln");
    html.append("<p><button id=\"start-punchout\">Start punchout</button></p></form>");
    html.append("<p class=\"muted\" id=\"last-carts\">Edit and inspect send the items last received for the connection");
    lastCarts.forEach((id, cart) -> html.append(" &middot; ").append(escape(id)).append(": ")
        .append(cart.lines().size()).append(" item(s)"));
    html.append(".</p>");
    html.append("""
        <script>
        document.getElementById('connection').addEventListener('change', function () {
          document.getElementById('sharedSecret').value = this.options[this.selectedIndex].dataset.secret || '';
        });
        </script>""");
    return html.toString();
  }

  private static void input(StringBuilder html, String label, String name, String value) {
    html.append("<label>").append(escape(label)).append(" <input name=\"").append(name).append("\" id=\"").append(name)
        .append("\" value=\"").append(escape(value)).append("\"></label>");
  }

  /** Sends the setup request server to server; on success the browser goes on to the StartPage. */
  private int launch(HttpExchange exchange, FormParameters form) throws IOException {
    String connectionId = valueOr(form.first("connection"), "");
    var loaded = connections.stream().filter(c -> c.connection().id().equals(connectionId)).findFirst();
    if (loaded.isEmpty()) {
      return send(exchange, 400, "Unknown connection", "<p class=\"error\">No cXML connection "
          + escape(connectionId) + " in the demo data.</p>");
    }
    String operation = OPERATIONS.contains(form.first("operation")) ? form.first("operation") : "create";
    Charset charset = "ISO-8859-1".equalsIgnoreCase(form.first("charset")) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
    Map<String, String> extrinsics = new LinkedHashMap<>();
    extrinsics.put("UserEmail", valueOr(form.first("userEmail"), ""));
    extrinsics.put("FirstName", valueOr(form.first("firstName"), ""));
    extrinsics.put("LastName", valueOr(form.first("lastName"), ""));
    extrinsics.put("CostCenter", valueOr(form.first("costCenter"), ""));
    extrinsics.values().removeIf(String::isEmpty);
    String cookie = ids.newId(12);
    Cart items = operation.equals("create") ? null : lastCarts.get(connectionId);
    SetupRequest request = new SetupRequest(loaded.get().connection(), valueOr(form.first("sharedSecret"), ""),
        operation, cookie, extrinsics, publicBaseUrl + RETURN_PATH, items);
    byte[] document = request.write(ids.newId(9) + "@buyer.localhost", Instant.now(), charset);
    launches.put(cookie, new Launch(connectionId, operation));

    HttpResponse<byte[]> answer;
    try {
      answer = http.send(HttpRequest.newBuilder(gateway.resolve("/punchout/cxml")).timeout(TIMEOUT)
          .header("Content-Type", "text/xml; charset=" + charset.name())
          .POST(HttpRequest.BodyPublishers.ofByteArray(document)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while calling the gateway", e);
    }
    CxmlReader.Result result = CxmlReader.read(answer.body());
    if (result instanceof CxmlReader.Result.Read read
        && read.document().payload() instanceof CxmlPayload.Response response
        && response.status() != null && response.status().isSuccess() && response.startPageUrl() != null) {
      Exchanges.redirect(exchange, response.startPageUrl()); // what Ariba does: the browser opens the StartPage
      return 303;
    }
    launches.remove(cookie);
    StringBuilder html = new StringBuilder();
    if (result instanceof CxmlReader.Result.Read read && read.document().payload() instanceof CxmlPayload.Response r
        && r.status() != null) {
      html.append("<p class=\"error\" id=\"setup-refused\">The gateway answered cXML Status <code id=\"status-code\">")
          .append(r.status().code()).append("</code> <span id=\"status-text\">").append(escape(r.status().text()))
          .append("</span>").append(r.status().detail() == null ? "" : ": <span id=\"status-detail\">"
              + escape(r.status().detail()) + "</span>").append(" (HTTP ").append(answer.statusCode()).append(").</p>");
    } else {
      html.append("<p class=\"error\" id=\"setup-refused\">The gateway answered HTTP ").append(answer.statusCode())
          .append(" without a readable cXML Response.</p>");
    }
    html.append("<h2>Request sent</h2><pre id=\"setup-request\">")
        .append(escape(masked(new String(document, charset)))).append("</pre>");
    html.append("<h2>Answer</h2><pre id=\"setup-answer\">")
        .append(escape(new String(answer.body(), StandardCharsets.UTF_8))).append("</pre>");
    html.append("<p><a href=\"").append(BASE).append("/\" id=\"again\">Start another punchout</a></p>");
    return send(exchange, 200, "Punchout refused", html.toString());
  }

  private static String masked(String document) {
    return document.replaceAll("<SharedSecret>[^<]*</SharedSecret>", "<SharedSecret>***</SharedSecret>");
  }

  /** The PunchOutOrderMessage the gateway's page posted, in cxml-base64 or cxml-urlencoded (any letter case). */
  private int received(HttpExchange exchange, byte[] body) throws IOException {
    Charset charset = Exchanges.requestCharset(exchange, StandardCharsets.UTF_8);
    FormParameters fields = FormParameters.parse(new String(body, StandardCharsets.ISO_8859_1), charset);
    String base64 = fields.firstIgnoreCase(CxmlSettings.BASE64);
    String text = fields.firstIgnoreCase(CxmlSettings.URLENCODED);
    byte[] document;
    String encoding;
    if (base64 != null) {
      encoding = CxmlSettings.BASE64;
      try {
        document = Base64.getMimeDecoder().decode(base64);
      } catch (IllegalArgumentException e) {
        return send(exchange, 400, "Message not readable",
            "<p class=\"error\" id=\"message-error\">The cxml-base64 field is not Base64.</p>");
      }
    } else if (text != null) {
      encoding = CxmlSettings.URLENCODED;
      document = text.getBytes(StandardCharsets.UTF_8);
    } else {
      return send(exchange, 400, "Message not readable", "<p class=\"error\" id=\"message-error\">The post "
          + "carries neither a cxml-base64 nor a cxml-urlencoded field.</p>");
    }
    CxmlReader.Result result = CxmlReader.read(document);
    if (!(result instanceof CxmlReader.Result.Read read)
        || !(read.document().payload() instanceof CxmlPayload.PunchOutOrderMessage message)) {
      String problems = result instanceof CxmlReader.Result.Invalid invalid ? invalid.violations().toString()
          : "not a PunchOutOrderMessage";
      return send(exchange, 400, "Message not readable", "<p class=\"error\" id=\"message-error\">"
          + escape(problems) + "</p><pre id=\"raw-document\">" + escape(new String(document, StandardCharsets.UTF_8))
          + "</pre>");
    }
    Launch launch = launches.remove(message.buyerCookie());
    if (launch != null && !message.cart().lines().isEmpty()) {
      lastCarts.put(launch.connectionId(), message.cart());
    }
    return send(exchange, 200, "Cart received",
        receivedPage(launch, encoding, read.document(), message, new String(document, StandardCharsets.UTF_8),
            validation(document)));
  }

  private String receivedPage(Launch launch, String encoding, CxmlDocument document,
                              CxmlPayload.PunchOutOrderMessage message, String raw, String validation) {
    List<BuyerSimulator.ItemRow> rows = new ArrayList<>();
    for (CartLine line : message.cart().lines()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("lineNumber", line.lineId());
      row.put("parentLineNumber", line.parentLineId());
      row.put("SupplierPartID", line.sku());
      row.put("SupplierPartAuxiliaryID", line.auxiliaryId());
      row.put("Description", line.description());
      row.put("quantity", plain(line.quantity()));
      row.put("UnitOfMeasure", line.unit());
      row.put("UnitPrice", plain(line.unitPrice()));
      row.put("currency", line.currency());
      row.put("PriceBasisQuantity", plain(line.priceUnit()));
      row.put("Classification", line.classification() == null ? null
          : line.classification().scheme() + " " + line.classification().code());
      row.put("ManufacturerPartID", line.manufacturerSku());
      row.put("ManufacturerName", line.manufacturer());
      row.put("LeadTime", line.leadTimeDays() == null ? null : line.leadTimeDays().toString());
      line.attributes().forEach((name, value) -> row.put("Extrinsic." + name, value));
      rows.add(new BuyerSimulator.ItemRow(rows.size() + 1, row));
    }
    StringBuilder html = new StringBuilder();
    html.append("<p id=\"received-summary\">").append(rows.size()).append(" item(s) received")
        .append(launch == null ? " (from a punchout this simulator did not start)" : " from <b>" + escape(launch.connectionId()) + "</b>")
        .append(", posted as ").append(escape(encoding)).append(", operation allowed <code id=\"operation-allowed\">")
        .append(message.operationAllowed() == null ? "" : message.operationAllowed().value())
        .append("</code>, Total <span id=\"total\">").append(plain(message.total())).append(' ')
        .append(escape(message.totalCurrency())).append("</span>.</p>");
    html.append(validation);
    html.append(BuyerSimulator.itemsTable(rows));
    if (launch != null && !rows.isEmpty()) { // the cart id travels in SupplierOrderInfo/@orderID (README "Cart id")
      html.append("<h2>Purchase order</h2>").append(OrderApproval.form(launch.connectionId(),
          OrderApproval.cxmlCartId(raw.getBytes(StandardCharsets.UTF_8)), "PO-" + java.time.LocalDate.now(),
          "Approve purchase order"));
    }
    if (launch != null && message.operationAllowed() != null && message.operationAllowed() != PunchOutOperation.CREATE
        && !rows.isEmpty()) {
      for (String operation : List.of("edit", "inspect")) {
        if (operation.equals("edit") && message.operationAllowed() != PunchOutOperation.EDIT) {
          continue;
        }
        html.append("<form class=\"inline\" method=\"post\" action=\"").append(BASE).append("/launch\">")
            .append(Pages.hidden("connection", launch.connectionId())).append(Pages.hidden("operation", operation))
            // the setup request is refused without the connection's secret, as in the launch form above
            .append(Pages.hidden("sharedSecret", demoSecret(launch.connectionId())))
            .append("<button id=\"").append(operation).append("-cart\">").append(operation.equals("edit")
                ? "Edit this cart" : "Inspect this cart").append("</button></form> ");
      }
    }
    html.append("<h2>Message as received</h2><p class=\"muted\">payloadID ").append(escape(document.payloadId()))
        .append(", BuyerCookie <code id=\"buyer-cookie\">").append(escape(message.buyerCookie())).append("</code></p>")
        .append("<pre id=\"raw-document\">").append(escape(raw)).append("</pre>");
    html.append("<p><a href=\"").append(BASE).append("/\" id=\"again\">Start another punchout</a></p>");
    return html.toString();
  }

  /**
   * The message checked against the DTD of its version, as SFTI's and Ariba's verifiers do: each error with its
   * location, a green "valid" when there are none (same markup as the PEPPOL mode).
   */
  String validation(byte[] document) {
    if (validator == null) {
      return "<p class=\"notice\" id=\"validation-none\">Not validated: start the runner with "
          + "-Dpunchgate.cxml.dtds=&lt;folder of cXML DTDs&gt; to check messages against their DTD.</p>";
    }
    return switch (validator.validate(document)) {
      case CxmlDtdValidator.Report.Checked checked when checked.valid() ->
          "<p class=\"ok\" id=\"validation-valid\" style=\"color:#080;font-weight:bold\">valid</p>";
      case CxmlDtdValidator.Report.Checked checked -> {
        StringBuilder html = new StringBuilder("<table id=\"validation-errors\"><tr><th>Rule</th><th>Location</th>"
            + "<th>Text</th></tr>");
        checked.findings().forEach(f -> html.append("<tr class=\"validation-error\"><td class=\"rule\">")
            .append(escape(checked.dtd())).append("</td><td>line ").append(f.line()).append(':').append(f.column())
            .append("</td><td>").append(escape(f.text())).append("</td></tr>"));
        yield html.append("</table>").toString();
      }
      case CxmlDtdValidator.Report.NoDtd none -> "<p class=\"notice\" id=\"validation-none\">Not validated: "
          + escape(none.reason()) + "</p>";
      case CxmlDtdValidator.Report.Unreadable unreadable -> "<p class=\"error\" id=\"validation-unreadable\">"
          + escape(unreadable.reason()) + " (line " + unreadable.line() + ")</p>";
    };
  }

  private static int send(HttpExchange exchange, int status, String title, String body) throws IOException {
    Exchanges.html(exchange, status, Pages.page(title + " - Buyer simulator",
        "<b>Buyer simulator</b> (Ariba / Coupa) &middot; <a href=\"" + BASE + "/\">New punchout</a>",
        "<h1>" + escape(title) + "</h1>" + body));
    return status;
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  /**
   * A PunchOutSetupRequest as a buyer's system writes it: our From and Sender are the connection's buyer
   * credentials, To is the supplier; edit and inspect carry the items as ItemOut (SPECS §2.3).
   */
  record SetupRequest(Connection connection, String sharedSecret, String operation, String buyerCookie,
                      Map<String, String> extrinsics, String browserFormPost, Cart items) {

    byte[] write(String payloadId, Instant now, Charset charset) {
      CxmlSettings cxml = connection.cxml();
      String version = cxml.version();
      XmlWriter w = XmlWriter.document().doctype("cXML", CxmlWriter.systemId(version));
      w.start("cXML").attribute("payloadID", payloadId).attribute("timestamp", CxmlWriter.timestamp(now))
          .attribute("version", version).attribute("xml:lang", "de-DE");
      w.start("Header");
      credentials(w, "From", cxml.from().isEmpty() ? cxml.sender() : cxml.from(), null);
      w.start("To");
      credential(w, cxml.to() == null ? new CxmlCredential("NetworkID", "supplier") : cxml.to(), null);
      w.end();
      credentials(w, "Sender", cxml.sender(), sharedSecret);
      w.end();
      w.start("Request").attribute("deploymentMode", "test");
      w.start("PunchOutSetupRequest").attribute("operation", operation);
      w.element("BuyerCookie", buyerCookie);
      extrinsics.forEach((name, value) -> w.start("Extrinsic").attribute("name", name).text(value).end());
      w.start("BrowserFormPost").element("URL", browserFormPost).end();
      shipTo(w);
      if (items != null) {
        for (CartLine line : items.lines()) {
          itemOut(w, line, items.currency());
        }
      }
      w.end().end().end();
      String text = w.toString();
      if (!charset.equals(StandardCharsets.UTF_8)) {
        text = text.replaceFirst("encoding=\"UTF-8\"", "encoding=\"" + charset.name() + "\"");
      }
      return encode(text, charset);
    }

    private static void credentials(XmlWriter w, String party, List<CxmlCredential> credentials, String secret) {
      w.start(party);
      credentials.forEach(c -> credential(w, c, secret));
      if (secret != null) {
        w.element("UserAgent", "Punchgate buyer simulator");
      }
      w.end();
    }

    private static void credential(XmlWriter w, CxmlCredential c, String secret) {
      w.start("Credential").attribute("domain", c.domain()).element("Identity", c.identity());
      if (secret != null) {
        w.element("SharedSecret", secret);
      }
      w.end();
    }

    private static void shipTo(XmlWriter w) {
      w.start("ShipTo").start("Address").attribute("addressID", "KOELN-01");
      w.start("Name").attribute("xml:lang", "de").text("ACME Industries, Lager K\u00f6ln").end();
      w.start("PostalAddress").attribute("name", "default").element("DeliverTo", "Wareneingang, Tor 3")
          .element("Street", "Hafenstra\u00dfe 12").element("City", "K\u00f6ln").element("PostalCode", "50667");
      w.start("Country").attribute("isoCountryCode", "DE").text("Deutschland").end();
      w.end().end().end();
    }

    private static void itemOut(XmlWriter w, CartLine line, String cartCurrency) {
      w.start("ItemOut").attribute("quantity", line.quantity().toPlainString()).attribute("lineNumber", line.lineId());
      if (line.parentLineId() != null) {
        w.attribute("parentLineNumber", line.parentLineId());
      }
      w.start("ItemID").element("SupplierPartID", line.sku());
      if (line.auxiliaryId() != null) {
        w.element("SupplierPartAuxiliaryID", line.auxiliaryId());
      }
      w.end();
      if (line.unitPrice() != null) {
        w.start("ItemDetail");
        String currency = line.currency() != null ? line.currency() : cartCurrency;
        w.start("UnitPrice").start("Money").attribute("currency", currency).text(line.unitPrice().toPlainString()).end().end();
        w.start("Description").attribute("xml:lang", "en").text(line.description() == null ? "" : line.description()).end();
        w.element("UnitOfMeasure", line.unit() == null ? "EA" : line.unit());
        if (line.priceUnit() != null && line.priceUnit().compareTo(BigDecimal.ONE) != 0) {
          w.start("PriceBasisQuantity").attribute("quantity", line.priceUnit().toPlainString())
              .attribute("conversionFactor", "1").element("UnitOfMeasure", line.unit() == null ? "EA" : line.unit()).end();
        }
        if (line.classification() != null) { // the gateway always writes one; the DTD requires it
          w.start("Classification").attribute("domain", line.classification().scheme())
              .text(line.classification().code()).end();
        }
        if (line.manufacturerSku() != null) {
          w.element("ManufacturerPartID", line.manufacturerSku());
        }
        if (line.manufacturer() != null) {
          w.element("ManufacturerName", line.manufacturer());
        }
        if (line.leadTimeDays() != null) {
          w.element("LeadTime", line.leadTimeDays().toString());
        }
        w.end();
      }
      w.end();
    }

    /** The text in the charset, characters it cannot carry written as character references. */
    private static byte[] encode(String text, Charset charset) {
      CharsetEncoder encoder = charset.newEncoder();
      StringBuilder out = new StringBuilder(text.length());
      text.codePoints().forEach(cp -> {
        String s = Character.toString(cp);
        out.append(encoder.canEncode(s) ? s : "&#" + cp + ";");
      });
      return out.toString().getBytes(charset);
    }
  }

  /** The demo secret of a connection the simulator offers, as its launch form fills it in; "" when none. */
  private String demoSecret(String connectionId) {
    return connections.stream().filter(c -> c.connection().id().equals(connectionId))
        .map(c -> c.password() == null ? "" : c.password()).findFirst().orElse("");
  }
}
