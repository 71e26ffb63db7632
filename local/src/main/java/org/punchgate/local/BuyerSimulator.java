package org.punchgate.local;

import static org.punchgate.http.Html.escape;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.punchgate.http.FormParameters;
import org.punchgate.http.HttpRequest;
import org.punchgate.oci.OciCartParser;
import org.punchgate.oci.OciField;
import org.punchgate.oci.OciItem;
import org.punchgate.security.RandomIds;

/**
 * Plays the buyer's procurement system (an SAP SRM system calling an OCI catalog): launches a punchout
 * with a browser form post to {@code /punchout/oci/{connectionId}}, and receives the cart that comes back
 * to its {@code HOOK_URL} as {@code NEW_ITEM-*} form fields, read with {@link OciCartParser} and shown one
 * row per item. Under {@code /buyer/cxml/} it plays a cXML system instead ({@link CxmlBuyer}).
 */
final class BuyerSimulator {

  static final String BASE = "/buyer";

  private static final List<String> FUNCTIONS = List.of("", "DETAIL", "VALIDATE", "BACKGROUND_SEARCH", "SOURCING");
  private static final List<String> CHARSETS = List.of("UTF-8", "ISO-8859-1", "windows-1252");
  private static final String LONGTEXT = "LONGTEXT";

  /** A launched punchout: where the cart will come back from, and in which charset it was asked for. */
  private record Launch(String connectionId, Charset charset) {}

  private final String publicBaseUrl;
  private final List<DemoData.LoadedConnection> connections;
  private final CxmlBuyer cxml;
  private final OrderApproval approval;
  private final PeppolBuyer peppol;
  /** Null in tests that build the simulator without the runner's PunchIn data. */
  private final PunchInBuyer punchIn;
  private final RandomIds ids = new RandomIds();
  private final Map<String, Launch> launches = new ConcurrentHashMap<>();

  /**
   * @param publicBaseUrl where the browser reaches the runner (return addresses are built on it)
   * @param gateway       where the simulator itself calls the gateway server to server
   */
  BuyerSimulator(String publicBaseUrl, URI gateway, List<DemoData.LoadedConnection> connections) {
    this(publicBaseUrl, gateway, connections, null);
  }

  /** @param adminKey the runner's admin key, with which the PEPPOL mode makes login links */
  BuyerSimulator(String publicBaseUrl, URI gateway, List<DemoData.LoadedConnection> connections, String adminKey) {
    this(publicBaseUrl, gateway, connections, adminKey, null);
  }

  /** @param cxmlDtds folder of cXML DTDs that the cXML mode validates received messages against; null: none */
  BuyerSimulator(String publicBaseUrl, URI gateway, List<DemoData.LoadedConnection> connections, String adminKey,
      java.nio.file.Path cxmlDtds) {
    this(publicBaseUrl, gateway, connections, adminKey, cxmlDtds, null);
  }

  /** @param punchIn the PunchIn mode ({@code /buyer/punchin/}); null: none */
  BuyerSimulator(String publicBaseUrl, URI gateway, List<DemoData.LoadedConnection> connections, String adminKey,
      java.nio.file.Path cxmlDtds, PunchInBuyer punchIn) {
    this.punchIn = punchIn;
    this.publicBaseUrl = publicBaseUrl;
    this.connections = connections.stream().filter(c -> c.connection().format().isOci()).toList();
    this.cxml = new CxmlBuyer(publicBaseUrl, gateway, connections, cxmlDtds);
    this.peppol = new PeppolBuyer(publicBaseUrl, gateway, adminKey, connections);
    this.approval = new OrderApproval(gateway, connections);
  }

  int handle(HttpExchange exchange, String path, byte[] body) throws IOException {
    String method = exchange.getRequestMethod();
    if (path.equals(CxmlBuyer.BASE) || path.startsWith(CxmlBuyer.BASE + "/")) {
      return cxml.handle(exchange, path, body);
    }
    if (path.equals(PeppolBuyer.BASE) || path.startsWith(PeppolBuyer.BASE + "/")) {
      return peppol.handle(exchange, path, body);
    }
    if (punchIn != null && (path.equals(PunchInBuyer.BASE) || path.startsWith(PunchInBuyer.BASE + "/"))) {
      return punchIn.handle(exchange, path, body);
    }
    if (path.equals(BASE) || path.equals(BASE + "/")) {
      return send(exchange, 200, "Buyer simulator", startPage());
    }
    if (path.equals(BASE + "/launch") && method.equals("POST")) {
      return launch(exchange, Exchanges.form(exchange, body, StandardCharsets.UTF_8));
    }
    if (path.equals(BASE + "/hook")) {
      return hook(exchange, body);
    }
    if (path.equals(OrderApproval.PATH) && method.equals("POST")) {
      return approval.handle(exchange, body);
    }
    return send(exchange, 404, "Not found", "<p class=\"error\">No such page in the buyer simulator.</p>");
  }

  private String startPage() {
    StringBuilder html = new StringBuilder(modes(false));
    html.append("<p>This page plays the buyer's procurement system (SAP SRM). It opens the "
        + "supplier's catalog through the gateway's OCI login, and shows the cart that comes back.</p>");
    html.append("<form id=\"launch\" method=\"post\" action=\"").append(BASE).append("/launch\">");
    html.append("<label>Connection <select name=\"connection\" id=\"connection\">");
    for (var c : connections) {
      html.append("<option value=\"").append(escape(c.connection().id())).append("\" data-username=\"")
          .append(escape(c.connection().username())).append("\" data-password=\"").append(escape(c.password()))
          .append("\">").append(escape(c.connection().id() + " - " + c.connection().name() + " (" + c.connection().format()
              + ", " + c.connection().userGroup() + ")")).append("</option>");
    }
    html.append("</select></label>");
    // connections made after the start (admin API, admin page) are not in the list: their id is typed
    html.append("<label>Or another connection id <input name=\"otherConnection\" id=\"other-connection\"></label>");
    var first = connections.isEmpty() ? null : connections.getFirst();
    html.append("<label>USERNAME <input name=\"username\" id=\"username\" value=\"")
        .append(escape(first == null ? "" : first.connection().username())).append("\"></label>");
    html.append("<label>PASSWORD <input name=\"password\" id=\"password\" value=\"")
        .append(escape(first == null ? "" : first.password())).append("\"></label>");
    html.append("<label>FUNCTION (OCI 4.0/5.0) <select name=\"function\" id=\"function\">");
    FUNCTIONS.forEach(f -> html.append(Pages.option(f, f.isEmpty() ? "(none: browse the catalog)" : f, f.isEmpty())));
    html.append("</select></label>");
    html.append("<label>PRODUCTID (DETAIL, VALIDATE) <input name=\"productId\" id=\"productId\" value=\"DRL-18V-KIT\"></label>");
    html.append("<label>QUANTITY (VALIDATE) <input name=\"quantity\" id=\"quantity\" value=\"2\"></label>");
    html.append("<label>SEARCHSTRING (BACKGROUND_SEARCH, SOURCING) <input name=\"searchString\" id=\"searchString\" value=\"gloves\"></label>");
    html.append("<label>http_content_charset <select name=\"charset\" id=\"charset\">");
    CHARSETS.forEach(c -> html.append(Pages.option(c, c, c.equals("UTF-8"))));
    html.append("</select></label>");
    html.append("<label>returntarget <select name=\"returntarget\" id=\"returntarget\">");
    for (String t : List.of("", "_top", "_parent", "_self")) {
      html.append(Pages.option(t, t.isEmpty() ? "(not sent)" : t, t.isEmpty()));
    }
    html.append("</select></label>");
    html.append("<label>Call-up method <select name=\"method\" id=\"method\">")
        .append(Pages.option("POST", "POST", true)).append(Pages.option("GET", "GET", false)).append("</select></label>");
    html.append("<p><button id=\"start-punchout\">Start punchout</button></p></form>");
    html.append("""
        <script>
        document.getElementById('connection').addEventListener('change', function () {
          var o = this.options[this.selectedIndex];
          document.getElementById('username').value = o.dataset.username || '';
          document.getElementById('password').value = o.dataset.password || '';
        });
        </script>""");
    return html.toString();
  }

  /** Answers with a form that the browser submits at once to the gateway's OCI login, as SRM does. */
  private int launch(HttpExchange exchange, FormParameters form) throws IOException {
    String other = valueOr(form.first("otherConnection"), "").strip();
    String connectionId = other.isEmpty() ? valueOr(form.first("connection"), "") : other;
    String charsetName = valueOr(form.first("charset"), "UTF-8");
    Charset charset = HttpRequest.charsetOr(charsetName, StandardCharsets.UTF_8);
    String sim = ids.newId(9);
    launches.put(sim, new Launch(connectionId, charset));
    // a query in HOOK_URL on purpose: the gateway must keep it when it posts the cart back
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("USERNAME", valueOr(form.first("username"), ""));
    fields.put("PASSWORD", valueOr(form.first("password"), ""));
    fields.put("HOOK_URL", publicBaseUrl + BASE + "/hook?sim=" + sim);
    fields.put("~OkCode", "ADDI");
    fields.put("~TARGET", "_top");
    fields.put("~CALLER", "CTLG");
    String function = valueOr(form.first("function"), "");
    if (!function.isEmpty()) {
      fields.put("FUNCTION", function);
      if (function.equals("DETAIL") || function.equals("VALIDATE")) {
        fields.put("PRODUCTID", valueOr(form.first("productId"), ""));
      }
      if (function.equals("VALIDATE")) {
        fields.put("QUANTITY", valueOr(form.first("quantity"), "1"));
      }
      if (function.equals("BACKGROUND_SEARCH") || function.equals("SOURCING")) {
        fields.put("SEARCHSTRING", valueOr(form.first("searchString"), ""));
      }
    }
    fields.put("http_content_charset", charset.name());
    String returnTarget = valueOr(form.first("returntarget"), "");
    if (!returnTarget.isEmpty()) {
      fields.put("returntarget", returnTarget);
    }
    String method = "GET".equalsIgnoreCase(form.first("method")) ? "get" : "post";
    StringBuilder html = new StringBuilder("<p>Opening the supplier catalog of <b>").append(escape(connectionId))
        .append("</b> ...</p><form id=\"punchout\" method=\"").append(method).append("\" action=\"/punchout/oci/")
        .append(escape(URLEncoder.encode(connectionId, StandardCharsets.UTF_8).replace("+", "%20")))
        .append("\" accept-charset=\"").append(escape(charset.name())).append("\">");
    fields.forEach((name, value) -> html.append(Pages.hidden(name, value)));
    html.append("<noscript><button>Continue to the catalog</button></noscript></form>"
        + "<script>document.getElementById('punchout').submit();</script>");
    return send(exchange, 200, "Opening catalog", html.toString());
  }

  /** The cart coming back: form fields in the charset the punchout asked for (or that the request names). */
  private int hook(HttpExchange exchange, byte[] body) throws IOException {
    FormParameters query = Exchanges.query(exchange);
    // the gateway may move HOOK_URL's query into the posted fields (OCI allows both): look in both
    String sim = query.first("sim");
    if (sim == null && exchange.getRequestMethod().equals("POST")) {
      sim = FormParameters.parse(new String(body, StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1).first("sim");
    }
    Launch launch = launches.get(valueOr(sim, ""));
    Charset charset = Exchanges.requestCharset(exchange, launch == null ? StandardCharsets.UTF_8 : launch.charset());
    FormParameters fields = exchange.getRequestMethod().equals("POST")
        ? FormParameters.parse(new String(body, StandardCharsets.ISO_8859_1), charset)
        : FormParameters.of(query.all().stream().filter(p -> !p.name().equals("sim")).toList());
    return send(exchange, 200, "Cart received", receivedPage(launch, charset, fields));
  }

  private static String receivedPage(Launch launch, Charset charset, FormParameters fields) {
    List<OciItem> items = OciCartParser.parse(fields);
    StringBuilder html = new StringBuilder();
    html.append("<p id=\"received-summary\">").append(items.size()).append(" item(s) received")
        .append(launch == null ? " (from a punchout this simulator did not start)" : " from <b>" + escape(launch.connectionId()) + "</b>")
        .append(", decoded as ").append(escape(charset.name())).append(".</p>");
    List<ItemRow> rows = new ArrayList<>();
    items.forEach(item -> rows.add(new ItemRow(item.index(), item.fields())));
    html.append(itemsTable(rows));
    html.append("<h2>All fields as received</h2><table id=\"raw-fields\"><tr><th>Name</th><th>Value</th></tr>");
    List<FormParameters.Parameter> all = new ArrayList<>(fields.all());
    all.forEach(p -> html.append("<tr class=\"raw-field\"><td>").append(escape(p.name())).append("</td><td>")
        .append(escape(p.value())).append("</td></tr>"));
    html.append("</table>");
    if (launch != null && !items.isEmpty()) { // the cart id travels in EXT_QUOTE_ID (README "Cart id")
      html.append("<h2>Purchase order</h2>").append(OrderApproval.form(launch.connectionId(),
          items.get(0).get(OciField.EXT_QUOTE_ID), "PO-" + java.time.LocalDate.now(), "Approve purchase order"));
    }
    html.append("<p><a href=\"").append(BASE).append("/\" id=\"again\">Start another punchout</a></p>");
    return html.toString();
  }

  /** One received item: its position in the buyer's message and its fields by name. */
  record ItemRow(int index, Map<String, String> fields) {}

  /**
   * The received items, one row each, one column per field any item has: the same markup in the OCI and
   * the cXML mode ({@code #received-items}, {@code tr.item[data-index]}, {@code td[data-field]}), or
   * {@code #no-items} for an empty cart.
   */
  static String itemsTable(List<ItemRow> items) {
    Set<String> columns = new LinkedHashSet<>();
    items.forEach(item -> item.fields().forEach((name, value) -> {
      if (value != null) {
        columns.add(name);
      }
    }));
    // the one paragraph-long field goes last, so the short ones stay side by side on one line
    if (columns.remove(LONGTEXT)) {
      columns.add(LONGTEXT);
    }
    StringBuilder html = new StringBuilder();
    if (items.isEmpty()) {
      html.append("<p id=\"no-items\">No items: the punchout was cancelled or the cart was empty.</p>");
    } else {
      html.append("<div class=\"wide\"><table id=\"received-items\" class=\"nowrap\"><tr><th>#</th>");
      columns.forEach(c -> html.append("<th>").append(escape(c)).append("</th>"));
      html.append("</tr>");
      items.forEach(item -> {
        html.append("<tr class=\"item\" data-index=\"").append(item.index()).append("\"><td>").append(item.index())
            .append("</td>");
        columns.forEach(c -> html.append("<td data-field=\"").append(escape(c))
            .append(c.equals(LONGTEXT) ? "\" class=\"text\">" : "\">")
            .append(escape(java.util.Objects.requireNonNullElse(item.fields().get(c), ""))).append("</td>"));
        html.append("</tr>");
      });
      html.append("</table></div>");
    }
    return html.toString();
  }

  /** The simulator's modes: which buyer's system it plays. */
  enum Mode { OCI, CXML, PEPPOL, PUNCHIN }

  /** Links between the simulator's modes. */
  static String modes(boolean cxmlMode) {
    return modes(cxmlMode ? Mode.CXML : Mode.OCI);
  }

  /** Links between the simulator's modes, the current one in bold. */
  static String modes(Mode current) {
    StringBuilder html = new StringBuilder("<p id=\"modes\">Plays: ");
    mode(html, current, Mode.OCI, "oci-mode", BASE + "/", "SAP SRM (OCI)");
    mode(html, current, Mode.CXML, "cxml-mode", CxmlBuyer.BASE + "/", "Ariba / Coupa (cXML)");
    mode(html, current, Mode.PEPPOL, "peppol-mode", PeppolBuyer.BASE + "/", "Proceedo (PEPPOL)");
    mode(html, current, Mode.PUNCHIN, "punchin-mode", PunchInBuyer.BASE + "/", "PunchIn: send an order (UBL, cXML)");
    html.setLength(html.length() - " &middot; ".length());
    return html.append("</p>").toString();
  }

  private static void mode(StringBuilder html, Mode current, Mode mode, String id, String href, String label) {
    html.append(mode == current ? "<b>" + label + "</b>" : "<a id=\"" + id + "\" href=\"" + href + "\">" + label + "</a>")
        .append(" &middot; ");
  }

  private static String valueOr(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  static int send(HttpExchange exchange, int status, String title, String body) throws IOException {
    Exchanges.html(exchange, status, Pages.page(title + " - Buyer simulator",
        "<b>Buyer simulator</b> (SAP SRM) &middot; <a href=\"" + BASE + "/\">New punchout</a>",
        "<h1>" + escape(title) + "</h1>" + body));
    return status;
  }
}
